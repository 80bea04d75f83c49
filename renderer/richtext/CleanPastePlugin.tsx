/**
 * Paste from Word and web pages, cleaned to the nodes a field supports; node transforms keep
 * anything that still slips through (inline styles, code format, deep headings, unsafe links)
 * out of the document.
 */
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import { $isLinkNode, LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HeadingNode } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  PASTE_COMMAND,
  ParagraphNode,
  TextNode,
} from 'lexical';
import { useEffect } from 'react';
import { cleanPastedHtml } from './cleanPaste';

/** bold | italic | strikethrough | underline — the text formats a field keeps. */
const ALLOWED_FORMAT = 1 | 2 | 4 | 8;
const SAFE_URL = /^(https?:\/\/|mailto:)/i;

export function CleanPastePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            if (!(event instanceof ClipboardEvent)) return false;
            const html = event.clipboardData?.getData('text/html');
            if (!html) return false;
            event.preventDefault();
            editor.update(() => {
              const selection = $getSelection();
              if (!$isRangeSelection(selection)) return;
              const nodes = $generateNodesFromDOM(editor, cleanPastedHtml(html));
              $insertGeneratedNodes(editor, nodes, selection);
            });
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerNodeTransform(TextNode, (node) => {
          if (node.getStyle() !== '') node.setStyle('');
          const format = node.getFormat();
          if ((format & ~ALLOWED_FORMAT) !== 0) node.setFormat(format & ALLOWED_FORMAT);
        }),
        editor.registerNodeTransform(HeadingNode, (node) => {
          const tag = node.getTag();
          if (tag === 'h4' || tag === 'h5' || tag === 'h6') node.setTag('h3');
        }),
        editor.registerNodeTransform(LinkNode, (node) => {
          if ($isLinkNode(node) && !SAFE_URL.test(node.getURL())) {
            for (const child of node.getChildren()) node.insertBefore(child);
            node.remove();
          }
        }),
        editor.registerNodeTransform(ParagraphNode, (node) => {
          if (node.getFormatType() !== '' || node.getIndent() !== 0) {
            node.setFormat('');
            node.setIndent(0);
          }
        }),
      ),
    [editor],
  );
  return null;
}
