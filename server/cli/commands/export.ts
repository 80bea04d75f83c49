/**
 * `linjaus export <in.linjaus|in.json> -o <out.pdf> [--brand <kit dir or id>] [--lang fi|sv|en]
 * [--force]` — the council-ready PDF. Progress and warnings go to stderr, the written path to
 * stdout; the file appears whole (temporary file + rename) or not at all.
 */
import { exportPdf, type PdfProgress } from '../../../core/pdf/index';
import { BrandKitError } from '../../../core/pdf/brand/schema';
import { PdfRenderError } from '../../../core/pdf/render';
import { getTemplate } from '../../../core/templates/registry';
import { loadProgrammeFile, writeFileAtomic } from '../../files';
import { bundledBrandIds, loadBrandKit, loadFallbackFonts } from '../../pdf/loadBrand';
import { parse } from '../args';
import { EXIT, UsageError, type Command, type CommandIO } from '../io';
import { language } from '../language';
import { assertWritable } from '../output';

export const usage =
  'linjaus export <in.linjaus|in.json> -o <out.pdf> [--brand <kit folder or id>] [--lang fi|sv|en] [--force]';

const PHASE: Record<PdfProgress['phase'], string> = {
  layout: 'laying out pages',
  render: 'drawing pages',
  write: 'writing the PDF',
};

/** Progress lines on stderr: one per phase and every tenth of the drawing. */
function progressReporter(io: CommandIO): (p: PdfProgress) => void {
  let lastPhase = '';
  let lastTenth = -1;
  return (p) => {
    if (p.phase !== lastPhase) {
      lastPhase = p.phase;
      lastTenth = -1;
      io.stderr.write(`linjaus export: ${PHASE[p.phase]}…\n`);
    }
    if (p.phase === 'layout' && p.pages !== undefined && p.pages % 50 === 0) {
      io.stderr.write(`linjaus export: ${p.pages} pages laid out\n`);
    }
    const tenth = Math.floor(p.fraction * 10);
    if (p.phase === 'render' && tenth > lastTenth && tenth < 10) {
      lastTenth = tenth;
      io.stderr.write(`linjaus export: ${tenth * 10} %\n`);
    }
  };
}

export const run: Command = async (args, io) => {
  const { values, positionals } = parse(
    args,
    {
      output: { type: 'string', short: 'o' },
      brand: { type: 'string' },
      lang: { type: 'string' },
      force: { type: 'boolean' },
    },
    { min: 1, max: 1, names: '<in.linjaus|in.json>' },
  );
  if (!values.output) throw new UsageError('-o <out.pdf> is required');
  const lang = values.lang === undefined ? undefined : language(values.lang);
  const output = values.output;
  await assertWritable(output, values.force);
  const { programme, assets } = await loadProgrammeFile(positionals[0] as string);
  try {
    const kitId = values.brand ?? programme.meta.brandKitId;
    const bundled = await bundledBrandIds();
    const brandArg = values.brand === undefined && !bundled.includes(kitId) ? 'default' : kitId;
    if (brandArg !== kitId)
      io.stderr.write(`linjaus export: brand kit "${kitId}" is not installed; using "default".\n`);
    const result = await exportPdf(
      {
        programme,
        template: getTemplate(programme.meta.templateId),
        brand: await loadBrandKit(brandArg),
        language: lang ?? programme.meta.languages[0] ?? 'fi',
        fallbackFonts: await loadFallbackFonts(),
        assets,
      },
      progressReporter(io),
    );
    for (const w of result.warnings)
      io.stderr.write(`linjaus export: warning: ${w.where}: ${w.message}\n`);
    await writeFileAtomic(output, result.bytes);
    io.stderr.write(`linjaus export: ${result.pages} pages.\n`);
    io.stdout.write(`${output}\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof BrandKitError || error instanceof PdfRenderError) {
      io.stderr.write(`linjaus export: ${error.message}\n`);
      return EXIT.failure;
    }
    throw error;
  }
};

/** The export command as a function (same as {@link run}). */
export const runExport: Command = run;
