/**
 * One PDF export, as the utility process runs it (no Electron here: tested in Node). Loads the
 * document's brand kit from the app's bundled kits and hands everything to `core/pdf`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getTemplate, type Language, type Programme } from '../../../core';
import { exportPdf, type FallbackFont } from '../../../core/pdf';
import { loadBrandKit } from '../../../server/pdf/loadBrand';

/** Progress in the renderer's terms (renderer/platform/types.ts `PdfProgress`). */
export interface ExportProgress {
  readonly phase: 'starting' | 'fonts' | 'layout' | 'done';
  readonly fraction: number;
  /** With the last progress: what the export could not do as asked ("<item>: <what>"). */
  readonly warnings?: readonly string[];
}

export interface ExportJobInput {
  readonly programme: Programme;
  readonly language: Language;
}

export interface ExportJobResult {
  readonly bytes: Uint8Array;
  readonly pages: number;
  readonly warnings: readonly string[];
}

const KIT_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

async function loadKit(brandsDir: string, kitId: string) {
  // The kit id comes from the document: only a plain id, only from the bundled kits folder.
  const id = KIT_ID.test(kitId) ? kitId : 'default';
  try {
    return await loadBrandKit(path.join(brandsDir, id));
  } catch (error) {
    if (id === 'default') throw error;
    return loadBrandKit(path.join(brandsDir, 'default'));
  }
}

/**
 * The fallback fonts from the app's brands folder — the same files, in the same order, as
 * server/pdf/loadBrand.ts `loadFallbackFonts`, which reads them relative to its own source file
 * (a path that does not exist once main is bundled). Missing fonts are left out.
 */
async function loadFallbackFonts(brandsDir: string): Promise<FallbackFont[]> {
  const read = (file: string) =>
    readFile(file).then(
      (b) => new Uint8Array(b),
      () => null,
    );
  const dir = path.join(brandsDir, 'default', 'fonts');
  const [normal, bold, italics, bolditalics] = await Promise.all(
    ['Regular', 'SemiBold', 'Italic', 'SemiBoldItalic'].map((s) =>
      read(path.join(dir, `SourceSans3-${s}.ttf`)),
    ),
  );
  const fonts: FallbackFont[] = [];
  if (normal && bold && italics && bolditalics) fonts.push({ normal, bold, italics, bolditalics });
  const emoji = await read(path.join(brandsDir, '_shared', 'NotoEmoji-Regular.ttf'));
  if (emoji) fonts.push(emoji);
  return fonts;
}

/** Export `input.programme` to PDF bytes, reporting progress. */
export async function runExportJob(
  input: ExportJobInput,
  options: { brandsDir: string },
  onProgress: (progress: ExportProgress) => void = () => undefined,
): Promise<ExportJobResult> {
  onProgress({ phase: 'starting', fraction: 0 });
  const template = getTemplate(input.programme.meta.templateId);
  onProgress({ phase: 'fonts', fraction: 0 });
  const brand = await loadKit(options.brandsDir, input.programme.meta.brandKitId);
  const fallbackFonts = await loadFallbackFonts(options.brandsDir);
  const result = await exportPdf(
    { programme: input.programme, template, brand, language: input.language, fallbackFonts },
    (p) =>
      onProgress({
        phase: 'layout',
        fraction:
          p.phase === 'layout'
            ? p.fraction / 3
            : p.phase === 'render'
              ? (1 + p.fraction) / 3
              : (2 + p.fraction) / 3,
      }),
  );
  onProgress({ phase: 'done', fraction: 1 });
  return {
    bytes: result.bytes,
    pages: result.pages,
    warnings: result.warnings.map((w) =>
      typeof w === 'string' ? w : w.where ? `${w.where}: ${w.message}` : w.message,
    ),
  };
}
