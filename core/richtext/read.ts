/**
 * Read a rich-text field as structured text without a DOM or an editor, for export and
 * snapshots. It walks the Lexical V2 layout directly (see core/model/richSeed.ts); the unit
 * tests check it against what a headless Lexical editor reads from the same field.
 */
import * as Y from 'yjs';
import {
  LinkUrl,
  type Block,
  type Inline,
  type ListBlock,
  type ListItem,
  type RichText,
  type TextRun,
} from '../model/schema';

/** Longest text run the interchange schema holds; longer text is split into several runs. */
export const MAX_RUN_LENGTH = 100_000;

// Lexical's TextNode format bits (lexical/LexicalConstants).
const IS_BOLD = 1;
const IS_ITALIC = 1 << 1;
const IS_STRIKETHROUGH = 1 << 2;
const IS_UNDERLINE = 1 << 3;

interface TextAttributes {
  t?: string;
  p?: { __format?: number };
}

function runsOf(text: Y.XmlText): Inline[] {
  const out: Inline[] = [];
  for (const op of text.toDelta() as { insert: unknown; attributes?: TextAttributes }[]) {
    if (typeof op.insert !== 'string' || op.insert.length === 0) continue;
    const format = op.attributes?.p?.__format ?? 0;
    for (let start = 0; start < op.insert.length; start += MAX_RUN_LENGTH) {
      const run: TextRun = { type: 'text', text: op.insert.slice(start, start + MAX_RUN_LENGTH) };
      if (format & IS_BOLD) run.bold = true;
      if (format & IS_ITALIC) run.italic = true;
      if (format & IS_UNDERLINE) run.underline = true;
      if (format & IS_STRIKETHROUGH) run.strikethrough = true;
      out.push(run);
    }
  }
  return out;
}

/** Inline content of a block element (text, line breaks, links). */
function inlinesOf(el: Y.XmlElement): Inline[] {
  const out: Inline[] = [];
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) out.push(...runsOf(child));
    else if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'linebreak') out.push({ type: 'linebreak' });
      else if (child.nodeName === 'link') {
        const url = child.getAttribute('__url');
        const children = inlinesOf(child).filter(
          (c): c is TextRun | { type: 'linebreak' } => c.type !== 'link',
        );
        // A link whose address a saved file could not hold keeps its text, without the link.
        if (typeof url === 'string' && LinkUrl.safeParse(url).success)
          out.push({ type: 'link', url, children });
        else out.push(...children);
      } else out.push(...inlinesOf(child));
    }
  }
  return mergeRuns(out);
}

const sameFormat = (a: TextRun, b: TextRun) =>
  !!a.bold === !!b.bold &&
  !!a.italic === !!b.italic &&
  !!a.underline === !!b.underline &&
  !!a.strikethrough === !!b.strikethrough;

/** Adjacent runs with the same format become one (Lexical may split them for its own reasons). */
function mergeRuns(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if (
      inline.type === 'text' &&
      last?.type === 'text' &&
      sameFormat(last, inline) &&
      last.text.length + inline.text.length <= MAX_RUN_LENGTH
    ) {
      out[out.length - 1] = { ...last, text: last.text + inline.text };
    } else out.push(inline);
  }
  return out;
}

function listOf(el: Y.XmlElement): ListBlock {
  const ordered = (el.getAttribute('__listType') ?? 'number') === 'number';
  const items: ListItem[] = [];
  for (const child of el.toArray()) {
    if (!(child instanceof Y.XmlElement) || child.nodeName !== 'listitem') continue;
    const nested = child
      .toArray()
      .find((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === 'list');
    const previous = items[items.length - 1];
    if (nested && previous && !previous.list) {
      // Lexical keeps a nested list in its own list item right after its parent item.
      previous.list = listOf(nested);
    } else if (nested) {
      items.push({ children: [], list: listOf(nested) });
    } else {
      items.push({ children: inlinesOf(child) });
    }
  }
  return { type: 'list', ordered, items };
}

function headingLevel(tag: unknown): 1 | 2 | 3 {
  const n = typeof tag === 'string' ? Number(tag.slice(1)) : 1;
  return n <= 1 ? 1 : n === 2 ? 2 : 3;
}

function blockOf(el: Y.XmlElement): Block | null {
  switch (el.nodeName) {
    case 'heading':
      return {
        type: 'heading',
        level: headingLevel(el.getAttribute('__tag')),
        children: inlinesOf(el),
      };
    case 'quote':
      return { type: 'quote', children: inlinesOf(el) };
    case 'list':
      return listOf(el);
    default:
      return { type: 'paragraph', children: inlinesOf(el) };
  }
}

/**
 * The content of a field as {@link RichText}. Empty trailing paragraphs are kept as typed (a
 * user's blank line), but a field holding only one empty paragraph reads as `[]`.
 */
export function readRichText(root: Y.XmlElement): RichText {
  const blocks: Block[] = [];
  for (const child of root.toArray()) {
    if (child instanceof Y.XmlElement) {
      const block = blockOf(child);
      if (block) blocks.push(block);
    } else if (child instanceof Y.XmlText) {
      const children = runsOf(child);
      if (children.length) blocks.push({ type: 'paragraph', children });
    }
  }
  return isEmptyRichText(blocks) ? [] : blocks;
}

/** True when rich text has no visible content. */
export function isEmptyRichText(blocks: RichText): boolean {
  return blocks.every(
    (b) => b.type !== 'list' && b.children.every((c) => c.type === 'text' && c.text.trim() === ''),
  );
}

/** Plain text of rich text, blocks separated by blank lines (for search, word counts, alt text). */
export function richTextToPlain(blocks: RichText): string {
  const inline = (cs: Inline[]): string =>
    cs
      .map((c) => (c.type === 'text' ? c.text : c.type === 'linebreak' ? '\n' : inline(c.children)))
      .join('');
  const list = (l: ListBlock, depth: number): string =>
    l.items
      .map(
        (it) =>
          `${'  '.repeat(depth)}- ${inline(it.children)}${it.list ? `\n${list(it.list, depth + 1)}` : ''}`,
      )
      .join('\n');
  return blocks.map((b) => (b.type === 'list' ? list(b, 0) : inline(b.children))).join('\n\n');
}

/** Element node names of the Lexical nodes Linjaus fields hold (see `RICH_TEXT_NODES`). */
const KNOWN_ELEMENTS = new Set([
  'paragraph',
  'heading',
  'quote',
  'list',
  'listitem',
  'link',
  'linebreak',
]);
/** Text node types besides plain text that may appear in a text run's `t` attribute. */
const KNOWN_TEXT_TYPES = new Set(['text', 'tab']);

/**
 * Node types in a field that this version does not know (written by a newer Linjaus). A field
 * holding one cannot be edited safely here: the editor binding would fail on it.
 */
export function unknownRichNodes(root: Y.XmlElement): string[] {
  const found = new Set<string>();
  const visit = (el: Y.XmlElement) => {
    for (const child of el.toArray()) {
      if (child instanceof Y.XmlElement) {
        if (!KNOWN_ELEMENTS.has(child.nodeName)) found.add(child.nodeName);
        visit(child);
      } else if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as { attributes?: TextAttributes }[]) {
          const t = op.attributes?.t;
          if (t !== undefined && !KNOWN_TEXT_TYPES.has(t)) found.add(t);
        }
      }
    }
  };
  visit(root);
  return [...found];
}
