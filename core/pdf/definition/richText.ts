/**
 * Rich-text fields (paragraphs, headings, quotes, nested lists, bold/italic/underline, links)
 * as tagged pdfmake nodes: P, H*, BlockQuote, L › LI › Lbl + LBody, Link.
 */
import type { Block, Inline, ListBlock, ListItem, RichText, TextRun } from '../../model/schema';
import { fitText } from './text';
import type { BuildContext, DocNode } from './types';

/** Deeper lists keep their structure but stop indenting (50 levels would leave no width). */
const MAX_INDENT_DEPTH = 6;
/**
 * Deeper lists are flattened into the tenth level: readers stop at a structure depth (pdf.js at
 * 40), and every level costs three (L › LI › LBody).
 */
const MAX_LIST_DEPTH = 10;
/** Field headings sit below the chapter's own heading level. */
const FIELD_HEADING_BASE = 3;

function runStyle(run: TextRun): DocNode {
  const style: DocNode = {};
  if (run.bold) style.bold = true;
  if (run.italic) style.italics = true;
  const decorations = [
    run.underline ? 'underline' : null,
    run.strikethrough ? 'lineThrough' : null,
  ].filter(Boolean);
  if (decorations.length === 1) style.decoration = decorations[0];
  else if (decorations.length === 2) style.decoration = 'underline';
  return style;
}

function pushText(out: DocNode[], fitted: string | DocNode[], style: DocNode): void {
  if (typeof fitted === 'string') out.push({ ...style, text: fitted });
  else for (const run of fitted) out.push({ ...style, ...run });
}

/** Inline content as pdfmake inlines. */
export function inlines(ctx: BuildContext, children: readonly Inline[], where: string): DocNode[] {
  const out: DocNode[] = [];
  for (const child of children) {
    if (child.type === 'linebreak') out.push({ text: '\n' });
    else if (child.type === 'text') pushText(out, fitText(ctx, child.text, where), runStyle(child));
    else {
      const linkStyle: DocNode = {
        link: child.url,
        color: ctx.colors.primary,
        decoration: 'underline',
      };
      for (const part of child.children) {
        if (part.type === 'linebreak') out.push({ text: '\n' });
        else pushText(out, fitText(ctx, part.text, where), { ...runStyle(part), ...linkStyle });
      }
    }
  }
  return out.length > 0 ? out : [{ text: '' }];
}

/** Plain text of inlines (for alt texts and outlines). */
export function plainText(children: readonly Inline[]): string {
  return children
    .map((c) => (c.type === 'text' ? c.text : c.type === 'link' ? plainText(c.children) : ' '))
    .join('');
}

/** Items of a list and of every list nested in it, depth first, as one flat list. */
function flattenItems(list: ListBlock): ListItem[] {
  return list.items.flatMap((item) => [
    { children: item.children },
    ...(item.list ? flattenItems(item.list) : []),
  ]);
}

function listNode(ctx: BuildContext, list: ListBlock, where: string, depth: number): DocNode {
  if (depth === MAX_LIST_DEPTH - 1 && list.items.some((i) => i.list && i.list.items.length > 0)) {
    ctx.warnings.push({
      code: 'list-flattened',
      message: `A list is nested more than ${MAX_LIST_DEPTH} levels deep; the deeper items are shown at level ${MAX_LIST_DEPTH}.`,
      where,
    });
    list = { ...list, items: flattenItems(list) };
  }
  const items: DocNode[] = list.items.map((item, index) => {
    const marker = list.ordered ? `${index + 1}.` : depth % 2 === 0 ? '•' : '–';
    const bodyId = ctx.nextId('lb');
    const body: DocNode[] = [
      { text: inlines(ctx, item.children, where), role: 'P', style: 'listText' },
    ];
    const nested =
      item.list && item.list.items.length > 0 ? listNode(ctx, item.list, where, depth + 1) : null;
    const indents = depth < MAX_INDENT_DEPTH;
    if (nested && indents) body.push(nested);
    const row: DocNode = {
      columns: [
        { text: marker, width: list.ordered ? 18 : 12, role: 'Lbl', style: 'listMarker' },
        { stack: body, width: '*', role: 'LBody', tagId: bodyId },
      ],
      columnGap: 4,
    };
    if (nested && !indents) {
      // Past the indent limit the nested list is laid out below, but tagged inside this LBody.
      return { stack: [row, { ...nested, tagParentId: bodyId }], role: 'LI' };
    }
    return { ...row, role: 'LI' };
  });
  return { stack: items, role: 'L', margin: [0, 2, 0, 4] };
}

function blockNode(
  ctx: BuildContext,
  block: Block,
  where: string,
  headingLevel: (level: number) => number,
): DocNode {
  switch (block.type) {
    case 'paragraph':
      return { text: inlines(ctx, block.children, where), role: 'P', style: 'p' };
    case 'heading': {
      const level = headingLevel(block.level);
      return {
        text: inlines(ctx, block.children, where),
        role: `H${level}`,
        style: `fieldH${block.level}`,
      };
    }
    case 'quote':
      return {
        stack: [{ text: inlines(ctx, block.children, where), role: 'P', style: 'quote' }],
        role: 'BlockQuote',
        margin: [16, 2, 16, 8],
      };
    case 'list':
      return listNode(ctx, block, where, 0);
  }
}

/**
 * A rich-text field as a stack of tagged blocks; empty fields give an empty stack.
 * @param headingBase the heading level the field sits under (its first heading level becomes H{base+1}).
 */
export function richText(
  ctx: BuildContext,
  text: RichText,
  where: string,
  headingBase = FIELD_HEADING_BASE,
): DocNode {
  // The levels a field uses become consecutive levels under its heading: no skipped levels.
  const used: number[] = [
    ...new Set(text.flatMap((b) => (b.type === 'heading' ? [b.level] : []))),
  ].sort();
  const headingLevel = (level: number): number =>
    Math.min(6, headingBase + 1 + used.indexOf(level));
  return { stack: text.map((b) => blockNode(ctx, b, where, headingLevel)) };
}

/** True when a field has no visible text. */
export function isEmptyRichText(text: RichText): boolean {
  return text.every((b) =>
    b.type === 'list' ? b.items.length === 0 : plainText(b.children).trim() === '',
  );
}
