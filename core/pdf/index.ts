/**
 * PDF export: programme snapshot + template + brand kit + language → tagged, branded PDF.
 *
 * - {@link buildPdfDefinition} is pure data → data (tested as data);
 * - {@link renderPdf} draws a definition with pdfmake and the tagging layer;
 * - {@link exportPdf} does both, for the command line, a worker or a utility process.
 * Nothing here reads files: brand kits, fonts and assets arrive as bytes.
 */
import type { Language, Programme } from '../model/schema';
import type { Template } from '../templates/schema';
import { brandFonts, fallbackBytes, glyphCoverage, FONT, type FallbackFont } from './brand/fonts';
import type { LoadedBrand } from './brand/schema';
import { buildPdfDefinition } from './definition/index';
import type { PdfWarning } from './definition/types';
import { renderPdf, type PdfProgress } from './render';

export * from './brand/schema';
export * from './brand/fonts';
export * from './definition/index';
export * from './render';
export * from './format/numbers';
export * from './format/approval';
export { pdfLabels } from './labels';
export { installTagging, TaggingUnsupportedError } from './tagging/install';
export { PATCHED_METHODS, missingMethods, type PdfmakeClasses } from './tagging/classes';
export { pdfEngine } from './engine';

/** What {@link exportPdf} needs. */
export interface ExportInput {
  programme: Programme;
  template: Template;
  brand: LoadedBrand;
  language: Language;
  /** TTF fonts for characters the brand font lacks, tried in order (e.g. a broad text font, then emoji). */
  fallbackFonts?: readonly FallbackFont[];
  /** The document's own assets (from the .linjaus file). */
  assets?: ReadonlyMap<string, Uint8Array>;
}

/** The PDF and what the user should know about it. */
export interface ExportResult {
  bytes: Uint8Array;
  warnings: PdfWarning[];
  pages: number;
  untaggedLines: number;
}

/**
 * Builds and renders a programme's PDF.
 * @example
 * const { bytes, warnings } = await exportPdf({ programme, template, brand, language: 'fi' }, (p) => log(p));
 */
export async function exportPdf(
  input: ExportInput,
  onProgress?: (progress: PdfProgress) => void,
): Promise<ExportResult> {
  const fallbacks = input.fallbackFonts ?? [];
  const fonts = brandFonts(input.brand, fallbacks);
  const body = fonts[FONT.body];
  const heading = fonts[FONT.heading];
  if (!body || !heading) throw new Error('The brand kit has no body font.');
  const coverage = {
    body: glyphCoverage(body.normal),
    heading: glyphCoverage(heading.bold),
    fallbacks: fallbacks.map((f) => glyphCoverage(fallbackBytes(f))),
  };
  const { definition, warnings } = buildPdfDefinition({ ...input, coverage });
  let pages = 0;
  let untaggedLines = 0;
  const bytes = await renderPdf(definition, fonts, onProgress, (r) => {
    warnings.push(...r.warnings);
    pages = r.pages;
    untaggedLines = r.untaggedLines;
  });
  return { bytes, warnings, pages, untaggedLines };
}
