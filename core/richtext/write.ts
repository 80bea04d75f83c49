/**
 * Write structured text into a rich-text field through a headless Lexical editor, so the stored
 * layout is exactly what the app's editors write and read.
 */
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode, type ListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import type * as Y from 'yjs';
import type { Inline, ListBlock, RichText, TextRun } from '../model/schema';
import { openHeadlessField } from './headlessField';
import { isEmptyRichText, readRichText } from './read';

function $textNode(run: TextRun): LexicalNode {
  const node = $createTextNode(run.text);
  if (run.bold) node.toggleFormat('bold');
  if (run.italic) node.toggleFormat('italic');
  if (run.underline) node.toggleFormat('underline');
  if (run.strikethrough) node.toggleFormat('strikethrough');
  return node;
}

function $inlines(parent: ElementNode, inlines: Inline[]): void {
  for (const inline of inlines) {
    if (inline.type === 'text') {
      if (inline.text.length > 0) parent.append($textNode(inline));
    } else if (inline.type === 'linebreak') parent.append($createLineBreakNode());
    else {
      const link = $createLinkNode(inline.url);
      $inlines(link, inline.children);
      parent.append(link);
    }
  }
}

function $list(block: ListBlock): ListNode {
  const list = $createListNode(block.ordered ? 'number' : 'bullet');
  for (const item of block.items) {
    const li = $createListItemNode();
    $inlines(li, item.children);
    list.append(li);
    if (item.list) {
      const holder = $createListItemNode();
      holder.append($list(item.list));
      list.append(holder);
    }
  }
  return list;
}

/**
 * Give `element` and every element below it the format of its first text descendant, returning
 * that format (null when it holds no text). Lexical's DOM reconciler does this to every element
 * it renders (`reconcileTextFormat`, plus `registerList`'s list-item transform); a headless editor
 * has no DOM and skips it. Written content that lacked it made every app editor write
 * `__textFormat` to the Y.Doc the first time it mounted the field — an update nobody made,
 * refused and reverted in a read-only document.
 */
function $alignTextFormat(element: ElementNode): number | null {
  let first: number | null = null;
  for (const child of element.getChildren()) {
    const format = $isTextNode(child)
      ? child.getFormat()
      : $isElementNode(child)
        ? $alignTextFormat(child)
        : null;
    if (first === null) first = format;
  }
  if (first !== null && element.getTextFormat() !== first) element.setTextFormat(first);
  return first;
}

/** Build Lexical nodes for `blocks` under the current editor's root (inside `editor.update`). */
export function $setRichText(blocks: RichText): void {
  const root = $getRoot();
  root.clear();
  for (const block of blocks) {
    let node: ElementNode;
    switch (block.type) {
      case 'heading':
        node = $createHeadingNode(`h${block.level}`);
        $inlines(node, block.children);
        break;
      case 'quote':
        node = $createQuoteNode();
        $inlines(node, block.children);
        break;
      case 'list':
        node = $list(block);
        break;
      default:
        node = $createParagraphNode();
        $inlines(node, block.children);
    }
    root.append(node);
    $alignTextFormat(node);
  }
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
}

/**
 * Replace the content of a seeded field with `blocks`. Run it inside
 * `doc.transact(…, origin)` to give the write your origin.
 */
export function writeRichText(doc: Y.Doc, element: Y.XmlElement, blocks: RichText): void {
  // Leave an empty, seeded field as it is: rewriting it would replace the seed paragraph.
  if (isEmptyRichText(blocks) && readRichText(element).length === 0) return;
  const field = openHeadlessField(doc, element);
  try {
    field.editor.update(() => $setRichText(blocks), { discrete: true });
  } finally {
    field.dispose();
  }
}
