/** Type into a rich-text field the way a user does: through a (headless) Lexical editor. */
import { $getRoot, $getSelection, $isElementNode, $isRangeSelection, $isTextNode } from 'lexical';
import type * as Y from 'yjs';
import { openHeadlessField } from '../../core/richtext/headlessField';

/**
 * Insert `text` into block `blockIndex` of the field at character `offset` (clamped; default:
 * end of the block), as keystrokes would.
 */
export function typeInto(
  doc: Y.Doc,
  el: Y.XmlElement,
  text: string,
  blockIndex = 0,
  offset?: number,
): void {
  const field = openHeadlessField(doc, el);
  try {
    field.editor.update(
      () => {
        const root = $getRoot();
        const block = root.getChildAtIndex(Math.min(blockIndex, root.getChildrenSize() - 1));
        if (!block || !$isElementNode(block)) return;
        if (offset === undefined) block.selectEnd();
        else {
          const size = block.getTextContentSize();
          const first = block.getFirstDescendant();
          if (first && 'select' in first && typeof first.select === 'function' && size > 0) {
            const at = Math.min(offset, first.getTextContentSize());
            (first as unknown as { select(a: number, b: number): void }).select(at, at);
          } else block.selectEnd();
        }
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText(text);
      },
      { discrete: true },
    );
  } finally {
    field.dispose();
  }
}

/** Delete `count` characters before the end of block `blockIndex`. */
export function deleteFrom(doc: Y.Doc, el: Y.XmlElement, count: number, blockIndex = 0): void {
  const field = openHeadlessField(doc, el);
  try {
    field.editor.update(
      () => {
        const root = $getRoot();
        const block = root.getChildAtIndex(Math.min(blockIndex, root.getChildrenSize() - 1));
        if (!block || !$isElementNode(block)) return;
        // Select the last `count` characters of the block's last text node and remove them
        // (deleteCharacter needs a DOM window; a range removal is what Backspace does).
        const last = block.getLastDescendant();
        if (!$isTextNode(last)) return;
        const end = last.getTextContentSize();
        last.select(Math.max(0, end - count), end);
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.removeText();
      },
      { discrete: true },
    );
  } finally {
    field.dispose();
  }
}
