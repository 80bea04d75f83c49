/**
 * User text into pdfmake inlines. Characters the brand font cannot draw go to the first fallback
 * font that has them; otherwise they stay (so nothing disappears) and a warning lists them with
 * the item they are in.
 */
import type { GlyphCoverage } from '../brand/fonts';
import { fallbackFamily } from '../brand/fonts';
import type { BuildContext, DocNode } from './types';

const NBSP = '\u00a0';
/** Typographic spaces a font may lack: each has a plain equivalent with the same meaning. */
const isNoBreakSpace = (cp: number): boolean => cp === 0x202f || cp === 0x2007;
const isSpace = (cp: number): boolean =>
  (cp >= 0x2000 && cp <= 0x200a) || cp === 0x205f || isNoBreakSpace(cp);
/** Joiners and variation selectors belong to the emoji they follow, whatever font draws it. */
const isJoiner = (cp: number): boolean => cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f);
/** Control characters other than tab and newline carry no text and can break layout. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * Splits `text` into runs the brand font can draw and runs for the first fallback font that has
 * the characters (a broad text font, then emoji).
 * @returns the text itself when no split is needed (the common case), else inline nodes.
 */
export function fitText(
  ctx: BuildContext,
  text: string,
  where: string,
  style: DocNode = {},
  heading = false,
): string | DocNode[] {
  const clean = text.replace(CONTROL, '');
  const { body, heading: headingFont, fallbacks } = ctx.input.coverage;
  const font: GlyphCoverage = heading ? headingFont : body;
  let needsSplit = false;
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i);
    if (c === 0x0a || c === 0x09 || (c < 0xd800 && font.has(c))) continue;
    needsSplit = true;
    break;
  }
  if (!needsSplit) return clean;
  const runs: DocNode[] = [];
  const missing = new Set<string>();
  let current = '';
  let currentFamily: string | null = null;
  const flush = (): void => {
    if (current !== '')
      runs.push(
        currentFamily
          ? { ...style, text: current, font: currentFamily }
          : { ...style, text: current },
      );
    current = '';
  };
  for (const ch of clean) {
    const cp = ch.codePointAt(0) ?? 0;
    let out = ch;
    let family: string | null = null;
    if (cp === 0x0a || cp === 0x09 || font.has(cp)) family = null;
    else if (isSpace(cp))
      out = isNoBreakSpace(cp) ? NBSP : ' '; // same meaning, where the font lacks the width
    else if (isJoiner(cp) && currentFamily) family = currentFamily;
    else {
      const index = fallbacks.findIndex((f) => f.has(cp));
      if (index >= 0) family = fallbackFamily(index);
      else if (!isJoiner(cp)) missing.add(ch);
    }
    if (family !== currentFamily) {
      flush();
      currentFamily = family;
    }
    current += out;
  }
  flush();
  if (missing.size > 0) {
    const list = [...missing].map(
      (c) => `${c} (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`,
    );
    ctx.warnings.push({
      code: 'missing-glyphs',
      message: `No font can draw ${list.join(', ')}; they print as empty boxes. Use a brand font that has them.`,
      where,
    });
  }
  if (runs.length === 1 && runs[0] && runs[0].font === undefined) return String(runs[0].text);
  return runs;
}

/** A text node with fallback-aware content. */
export function textNode(
  ctx: BuildContext,
  text: string,
  where: string,
  props: DocNode = {},
  heading = false,
): DocNode {
  return { ...props, text: fitText(ctx, text, where, {}, heading) };
}
