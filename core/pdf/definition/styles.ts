/**
 * Typography and page furniture from the brand: named styles, the running header and footer,
 * and the cover's background shapes. Header, footer and backgrounds are tagged as artifacts by
 * the tagging layer.
 */
import { FONT } from '../brand/fonts';
import type { BrandKit } from '../brand/schema';
import type { BuildContext, DocNode } from './types';

/** Page sizes in points. */
export const PAGE_SIZES: Record<BrandKit['page']['size'], { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  A5: { width: 419.53, height: 595.28 },
  LETTER: { width: 612, height: 792 },
};

/** Named styles; `role` inside a style is not used: roles are set on nodes. */
export function styles(kit: BrandKit): Record<string, DocNode> {
  const c = kit.colors;
  const heading = { font: FONT.heading, bold: true, color: c.primary };
  return {
    h1: { ...heading, fontSize: 21, lineHeight: 1.1, margin: [0, 0, 0, 12] },
    h2: { ...heading, fontSize: 16, lineHeight: 1.1, margin: [0, 14, 0, 8] },
    h3: { ...heading, fontSize: 12.5, color: c.text, margin: [0, 12, 0, 5] },
    headingNumber: { color: c.accent },
    fieldH1: { ...heading, fontSize: 12, color: c.text, margin: [0, 8, 0, 4] },
    fieldH2: { ...heading, fontSize: 11, color: c.text, margin: [0, 6, 0, 3] },
    fieldH3: { ...heading, fontSize: 10.5, italics: true, color: c.text, margin: [0, 6, 0, 3] },
    p: { margin: [0, 0, 0, 7] },
    quote: { italics: true, color: c.muted },
    listText: { margin: [0, 0, 0, 2] },
    listMarker: { color: c.accent, bold: true },
    statement: { font: FONT.heading, fontSize: 15, lineHeight: 1.3, color: c.primary },
    table: { margin: [0, 4, 0, 12], fontSize: 9 },
    th: { font: FONT.heading, bold: true, fontSize: 8.5, color: c.primary },
    td: { fontSize: 9 },
    tdSmall: { fontSize: 8, color: c.muted },
    subheading: {
      font: FONT.heading,
      bold: true,
      fontSize: 10.5,
      color: c.primary,
      margin: [0, 10, 0, 4],
    },
    tocTitle: { ...heading, fontSize: 21, margin: [0, 0, 0, 18] },
    toc1: { font: FONT.heading, bold: true, fontSize: 11, color: c.text, margin: [0, 7, 0, 1] },
    toc2: { fontSize: 10, color: c.text, margin: [14, 2, 0, 0] },
    furniture: { fontSize: 8, color: c.muted },
    figureRoof: {
      font: FONT.heading,
      bold: true,
      fontSize: 10,
      color: c.onPrimary,
      alignment: 'center',
      lineHeight: 1.2,
    },
    figurePillar: {
      font: FONT.heading,
      bold: true,
      fontSize: 9,
      color: '#ffffff',
      alignment: 'center',
    },
    figureGoal: { fontSize: 8, color: c.text, lineHeight: 1.15 },
  };
}

const clip = (s: string, max: number): string =>
  s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;

/** The running header: programme title left, organisation right, a hairline below; none on the cover. */
export function header(ctx: BuildContext, fullTitle: string, fullOrganisation: string) {
  // Header text repeats the cover: shortened so it stays one line (it is an artifact).
  const title = clip(fullTitle, 80);
  const organisation = clip(fullOrganisation, 50);
  const [left, , right] = ctx.input.brand.kit.page.margins;
  const width = PAGE_SIZES[ctx.input.brand.kit.page.size].width - left - right;
  return (page: number): DocNode | null =>
    page === 1
      ? null
      : {
          stack: [
            {
              columns: [
                { text: title, width: '*', style: 'furniture' },
                { text: organisation, width: 'auto', style: 'furniture', alignment: 'right' },
              ],
            },
            {
              canvas: [
                {
                  type: 'line',
                  x1: 0,
                  y1: 4,
                  x2: width,
                  y2: 4,
                  lineWidth: 0.4,
                  lineColor: ctx.colors.muted,
                },
              ],
            },
          ],
          margin: [left, 28, right, 0],
        };
}

/** The running footer "Sivu 3 / 24"; none on the cover. */
export function footer(ctx: BuildContext) {
  const [left, , right] = ctx.input.brand.kit.page.margins;
  return (page: number, pages: number): DocNode | null =>
    page === 1
      ? null
      : {
          columns: [
            { text: '', width: '*' },
            { text: ctx.labels.page(page, pages), width: 'auto', style: 'furniture' },
          ],
          margin: [left, 18, right, 0],
        };
}
