/**
 * Document definition → PDF bytes, tagged. The only step that draws; it reads nothing from
 * disk or network: fonts and images arrive as bytes, and pdfmake's URL and local-file loading
 * is denied for anything the definition might name.
 */
import type { PdfFonts } from './brand/fonts';
import type { DocNode, PdfWarning } from './definition/types';
import { pdfEngine } from './engine';
import { installTagging, taggerOf } from './tagging/install';
import { LAYOUT_WARNINGS, ON_LAYOUT_PAGE } from './tagging/layout';

/** Where an export is: laying out pages, drawing them, or writing the file. */
export interface PdfProgress {
  phase: 'layout' | 'render' | 'write';
  /** 0–1 within the phase (layout does not know its total: 0 until it ends). */
  fraction: number;
  /** Pages laid out so far (layout phase). */
  pages?: number;
}

/** Extra outputs of a render, for callers that want them. */
export interface RenderReport {
  warnings: PdfWarning[];
  pages: number;
  /** Text lines the tagging layer found no structure element for (0 in a correct export). */
  untaggedLines: number;
}

/** Thrown when a definition cannot become a PDF; the message says why. */
export class PdfRenderError extends Error {
  override readonly name = 'PdfRenderError';
}

const IMAGE_PREFIX = 'linjaus-image/';
const FONT_PREFIX = 'linjaus-font/';

/** Only image keys the definition itself brought as bytes may be drawn: drop anything else. */
function stripForeignImages(node: unknown, allowed: Set<string>, warnings: PdfWarning[]): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    for (const n of node) stripForeignImages(n, allowed, warnings);
    return;
  }
  const n = node as Record<string, unknown>;
  if (n.image !== undefined && !(typeof n.image === 'string' && allowed.has(n.image))) {
    warnings.push({
      code: 'image-skipped',
      message: "An image that is not one of the document's own assets was left out.",
      where: String(n.alt ?? n.image).slice(0, 200),
    });
    delete n.image;
    n.text = '';
  }
  for (const key of ['stack', 'columns', 'ul', 'ol', 'content', 'text'])
    stripForeignImages(n[key], allowed, warnings);
  const table = n.table as { body?: unknown } | undefined;
  if (table && Array.isArray(table.body)) stripForeignImages(table.body, allowed, warnings);
}

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

/**
 * Renders a definition from {@link buildPdfDefinition} to PDF bytes with a structure tree.
 * The definition is consumed (pdfmake annotates it while laying out): build a new one per export.
 * @example
 * const bytes = await renderPdf(definition, brandFonts(brand, fallback), (p) => bar.set(p.fraction));
 */
export async function renderPdf(
  definition: DocNode & { images?: Record<string, Uint8Array> },
  fonts: PdfFonts,
  onProgress?: (progress: PdfProgress) => void,
  report?: (report: RenderReport) => void,
  options: { tagged?: boolean } = {},
): Promise<Uint8Array> {
  const engine = pdfEngine();
  installTagging(engine.classes);
  const vfs = engine.newVirtualFs();
  const descriptors: Record<string, Record<string, string>> = {};
  for (const [family, styles] of Object.entries(fonts)) {
    descriptors[family] = {};
    for (const [style, bytes] of Object.entries(styles) as [string, Uint8Array][]) {
      const name = `${FONT_PREFIX}${family}/${style}.ttf`;
      vfs.writeFileSync(name, bytes);
      descriptors[family][style] = name;
    }
  }
  const warnings: PdfWarning[] = [];
  const images: Record<string, string> = {};
  for (const [key, bytes] of Object.entries(definition.images ?? {})) {
    const name = `${IMAGE_PREFIX}${key}`;
    vfs.writeFileSync(name, toArrayBuffer(bytes));
    images[key] = name;
  }
  stripForeignImages(definition.content, new Set(Object.keys(images)), warnings);
  // The root carries the layout-progress callback to the layout patch (see tagging/layout.ts).
  const content = {
    stack: Array.isArray(definition.content) ? definition.content : [definition.content],
    [ON_LAYOUT_PAGE]: (pages: number) => onProgress?.({ phase: 'layout', fraction: 0, pages }),
  };
  const urlResolver = new engine.URLResolver(vfs);
  urlResolver.setUrlAccessPolicy(() => false);
  const printer = new engine.Printer(descriptors, vfs, urlResolver, () => false);
  const docDefinition = {
    ...definition,
    content,
    images,
    // Untagged output exists only to measure what tagging costs (bench/pdf.ts).
    tagged: options.tagged ?? true,
    displayTitle: true,
    version: '1.7',
    ...(options.tagged === false ? {} : { subset: 'PDF/UA' }),
    compress: true,
  };
  onProgress?.({ phase: 'layout', fraction: 0 });
  let pdf;
  try {
    pdf = await printer.createPdfKitDocument(docDefinition, {
      progressCallback: (fraction: number) => onProgress?.({ phase: 'render', fraction }),
    });
  } catch (error) {
    throw new PdfRenderError(
      `The PDF could not be laid out: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const tagger = taggerOf(pdf);
  const pages = (pdf._pdfMakePages as Record<string, unknown>[] | undefined) ?? [];
  const layoutWarnings =
    ((pages as unknown as Record<string, unknown>)[LAYOUT_WARNINGS] as
      { message: string; where: string }[] | undefined) ?? [];
  for (const w of layoutWarnings) warnings.push({ code: 'image-skipped', ...w });
  onProgress?.({ phase: 'write', fraction: 0 });
  const bytes = await new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    pdf.on('end', () => {
      const total = chunks.reduce((a, c) => a + c.length, 0);
      const out = new Uint8Array(total);
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      resolve(out);
    });
    pdf.on('error', reject);
    pdf.end();
  });
  onProgress?.({ phase: 'write', fraction: 1 });
  report?.({ warnings, pages: pages.length, untaggedLines: tagger?.untaggedLines ?? 0 });
  return bytes;
}
