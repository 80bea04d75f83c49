/**
 * User text into pdfmake inlines. Characters the brand font cannot draw go to the fallback font
 * when it has them; otherwise they stay (so nothing disappears) and a warning lists them with
 * the item they are in.
 */
import type { GlyphCoverage } from '../brand/fonts';
import { FONT } from '../brand/fonts';
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
 * Splits `text` into runs the brand font can draw and runs for the fallback font.
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
  const { body, heading: headingFont, fallback } = ctx.input.coverage;
  const font: GlyphCoverage = heading ? headingFont : body;
  let needsSplit = false;
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i);
    if (c < 0x2000 && c !== 0xa0 && c >= 0x20) continue;
    needsSplit = true;
    break;
  }
  if (!needsSplit) return clean;
  const runs: DocNode[] = [];
  const missing = new Set<string>();
  let current = '';
  let currentFallback = false;
  const flush = (): void => {
    if (current === '') return;
    runs.push(
      currentFallback
        ? { ...style, text: current, font: FONT.fallback }
        : { ...style, text: current },
    );
    current = '';
  };
  for (const ch of clean) {
    const cp = ch.codePointAt(0) ?? 0;
    let out = ch;
    let useFallback = false;
    if (isSpace(cp) && !font.has(cp)) {
      out = isNoBreakSpace(cp) ? NBSP : ' '; // same meaning, where the brand font lacks the typographic width
    } else if (cp === 0x0a || cp === 0x09 || font.has(cp)) {
      useFallback = false;
    } else if (isJoiner(cp) && currentFallback) {
      useFallback = true;
    } else if (fallback?.has(cp)) {
      useFallback = true;
    } else if (!isJoiner(cp)) {
      missing.add(ch);
    }
    if (useFallback !== currentFallback) {
      flush();
      currentFallback = useFallback;
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
