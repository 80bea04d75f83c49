/**
 * Numbered headings ("3.2 Digitaalinen seutu") that are also bookmarks, link targets of the
 * table of contents, and H1–H3 in the structure tree.
 */
import { fitText } from './text';
import type { BuildContext, DocNode } from './types';

const asInlines = (t: string | DocNode[]): DocNode[] => (typeof t === 'string' ? [{ text: t }] : t);

/**
 * A numbered heading node; registers it for the TOC (levels 1–2) and the bookmarks (1–3).
 * @param parentId the id of the heading one level up, so bookmarks nest.
 */
export function heading(
  ctx: BuildContext,
  level: 1 | 2 | 3,
  number: string,
  title: string,
  parentId?: string,
): DocNode & { id: string } {
  const id = ctx.nextId(`h${level}`);
  const shown = title.trim() || '—';
  if (level <= 2) ctx.toc.push({ level, number, title: shown, id });
  const node: DocNode & { id: string } = {
    text: [
      ...(number
        ? asInlines(fitText(ctx, `${number}\u2002`, number, {}, true)).map((r) => ({
            ...r,
            style: 'headingNumber',
          }))
        : []),
      ...asInlines(fitText(ctx, shown, `${number} ${shown}`.trim(), {}, true)),
    ],
    id,
    role: `H${level}`,
    style: `h${level}`,
    outline: true,
    outlineText: number ? `${number} ${shown}` : shown,
    outlineExpanded: level === 1,
    headlineLevel: level,
  };
  if (parentId) node.outlineParentId = parentId;
  return node;
}

/** Keeps a heading on the page of the short paragraph that follows it (no orphaned headings). */
export function keepWithNext(head: DocNode, body: DocNode): DocNode[] {
  const blocks = Array.isArray(body.stack) ? (body.stack as DocNode[]) : [];
  // Keep the heading with any sub-headings that follow it and the first short paragraph.
  let take = 0;
  while (take < blocks.length && /^H\d$/.test(String(blocks[take]?.role))) take++;
  const next = blocks[take];
  if (next && next.role === 'P' && JSON.stringify(next.text ?? '').length <= 700) take++;
  if (take === 0) return [head, body];
  return [
    { stack: [head, ...blocks.slice(0, take)], unbreakable: true },
    { stack: blocks.slice(take) },
  ];
}
