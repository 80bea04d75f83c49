/**
 * pdfmake's internal classes that the tagging layer patches. They are passed in, not imported,
 * so the same patch runs on the compiled Node classes (`pdfmake/js/*`) and on classes bundled
 * from `pdfmake/src/*` in a web worker.
 */

/** A class whose prototype methods we wrap. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- pdfmake's classes are untyped JavaScript
export type PatchableClass = { prototype: Record<string, any> };

/** The pdfmake 0.3.11 classes the tagging layer needs. */
export interface PdfmakeClasses {
  LayoutBuilder: PatchableClass;
  ElementWriter: PatchableClass;
  Renderer: PatchableClass;
  DocMeasure: PatchableClass;
  /** Optional: when given, its style lookups are replaced by allocation-free ones (speed only). */
  StyleContextStack?: PatchableClass & Record<string, unknown>;
  /** Optional: when given, unbreakable blocks taller than a page are kept whole instead of cut. */
  PageElementWriter?: PatchableClass;
}

/** The classes whose methods the tagging layer wraps. */
type PatchedClassName = 'LayoutBuilder' | 'ElementWriter' | 'Renderer' | 'DocMeasure';

/**
 * Internal methods the patch replaces or wraps, by class. A pdfmake upgrade that renames one
 * of them must fail the build: `tests/unit/pdfTagging.test.ts` checks they all exist.
 */
export const PATCHED_METHODS = {
  LayoutBuilder: ['layoutDocument', 'processNode', 'addBackground', 'addDynamicRepeatable'],
  ElementWriter: ['addLine', 'addImage', 'addSVG', 'addVector', 'addFragment'],
  Renderer: [
    'renderPages',
    'renderLine',
    'renderVector',
    'renderImage',
    'renderSVG',
    'beginClip',
    'endClip',
    'beginVerticalAlignment',
    'endVerticalAlignment',
    'renderWatermark',
  ],
  DocMeasure: ['measureDocument', 'measureImage', 'measureSVG', 'measureLeaf'],
} as const satisfies Record<PatchedClassName, readonly string[]>;

/** Names of the methods that are missing from the given classes (empty when the patch fits). */
export function missingMethods(classes: PdfmakeClasses): string[] {
  const missing: string[] = [];
  if (classes.PageElementWriter) {
    for (const m of ['commitUnbreakableBlock', 'moveToNextPage', 'addFragment', 'popContext'])
      if (typeof classes.PageElementWriter.prototype[m] !== 'function')
        missing.push(`PageElementWriter.${m}`);
  }
  if (classes.StyleContextStack) {
    for (const m of ['getProperty', 'autopush', 'pop'])
      if (typeof classes.StyleContextStack.prototype[m] !== 'function')
        missing.push(`StyleContextStack.${m}`);
    if (typeof classes.StyleContextStack.getStyleProperty !== 'function')
      missing.push('StyleContextStack.getStyleProperty');
  }
  for (const [cls, methods] of Object.entries(PATCHED_METHODS) as [
    PatchedClassName,
    readonly string[],
  ][]) {
    for (const m of methods)
      if (typeof classes[cls].prototype[m] !== 'function') missing.push(`${cls}.${m}`);
  }
  return missing;
}
