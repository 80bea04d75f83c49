/**
 * The table of contents: one TOCI per chapter and theme, its title a link to the heading and
 * its page number resolved by pdfmake from where the heading actually lands.
 */
import { fitText } from './text';
import type { BuildContext, DocNode } from './types';

const asRuns = (t: string | DocNode[]): DocNode[] => (typeof t === 'string' ? [{ text: t }] : t);

/** The TOC page (its own page, after the cover). */
export function tocPage(ctx: BuildContext): DocNode {
  const entries: DocNode[] = ctx.toc.map((e) => ({
    columns: [
      {
        text: [
          ...(e.number
            ? asRuns(fitText(ctx, `${e.number}\u2002`, e.number)).map((r) => ({
                ...r,
                color: ctx.colors.accent,
              }))
            : []),
          { text: e.title, linkToDestination: e.id },
        ],
        width: '*',
      },
      { text: '0', pageReference: e.id, width: 40, alignment: 'right', noWrap: true },
    ],
    columnGap: 8,
    role: 'TOCI',
    style: e.level === 1 ? 'toc1' : 'toc2',
  }));
  return {
    stack: [
      { text: ctx.labels.contents, role: 'H1', style: 'tocTitle' },
      { stack: entries, role: 'TOC' },
    ],
    pageBreak: 'before',
    role: 'Sect',
  };
}
