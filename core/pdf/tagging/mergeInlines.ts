/**
 * pdfmake draws every word of a line with its own `text()` call (its own TODO in
 * Renderer.renderLine). Adjacent words that look the same are drawn identically as one run,
 * which saves most of the drawing time and makes the text layer cleaner. Only inlines with the
 * same font, size, colour, link and decoration that sit exactly side by side are joined.
 */

type Inline = Record<string, unknown> & { text: string; x: number; width: number };
type Line = { inlines: Inline[] } & Record<string, unknown>;

const SAME = [
  'font',
  'fontSize',
  'color',
  'opacity',
  'characterSpacing',
  'link',
  'linkToDestination',
  'linkToPage',
  'linkToFile',
  'decoration',
  'decorationStyle',
  'decorationColor',
  'decorationThickness',
  'background',
  'sup',
  'sub',
  'fontFeatures',
] as const;

const special = (i: Inline): boolean =>
  i._pageNodeRef !== undefined ||
  i._tocItemRef !== undefined ||
  i._pageRef !== undefined ||
  i._textRef !== undefined ||
  i.justifyShift !== undefined;

function joinable(a: Inline, b: Inline): boolean {
  if (special(a) || special(b)) return false;
  for (const key of SAME) if (a[key] !== b[key]) return false;
  return Math.abs(b.x - (a.x + a.width)) < 0.001;
}

/** A copy of the line whose look-alike neighbouring inlines are joined (the line itself is left as is). */
export function mergeInlines<L extends Line>(line: L): L {
  const inlines = line.inlines;
  if (inlines.length < 2) return line;
  const merged: Inline[] = [];
  // Runs are copied once, when a second word joins them, then grown in place.
  let ownCopy: Inline | null = null;
  for (const inline of inlines) {
    const last = merged[merged.length - 1];
    if (last && joinable(last, inline)) {
      const run: Inline = last === ownCopy ? last : { ...last };
      run.text += inline.text;
      run.width += inline.width;
      merged[merged.length - 1] = run;
      ownCopy = run;
    } else merged.push(inline);
  }
  if (merged.length === inlines.length) return line;
  const copy = Object.assign(Object.create(Object.getPrototypeOf(line) as object) as L, line);
  copy.inlines = merged;
  return copy;
}
