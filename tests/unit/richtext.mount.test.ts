/**
 * Mounting a field must not write: content the importer or an example wrote is already exactly
 * what the app's Lexical editors would store. Lexical's DOM reconciler gives every element the
 * format of its first text descendant (`__textFormat`) and writes it back through the binding;
 * headless editors have no DOM, so these tests check that rule on the loaded state, and that a
 * bound editor with the app's list behaviour (`registerList`) emits no update.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { registerList } from '@lexical/list';
import { $getRoot, $isElementNode, $isTextNode, type ElementNode } from 'lexical';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  bindField,
  getExample,
  itemsMap,
  offlineProvider,
  programmeToDoc,
  RICH_TEXT_NODES,
  templateIds,
  writeRichText,
} from '../../core';
import { newRichField } from '../../core/model/richSeed';
import type { RichText } from '../../core/model/schema';

/** The format of the first text below `element`, or null (Lexical's `reconcileTextFormat`). */
function firstTextFormat(element: ElementNode): number | null {
  for (const child of element.getChildren()) {
    if ($isTextNode(child)) return child.getFormat();
    if ($isElementNode(child)) {
      const format = firstTextFormat(child);
      if (format !== null) return format;
    }
  }
  return null;
}

/** Elements whose stored text format differs from what the DOM reconciler would set. */
function $misaligned(element: ElementNode, path: string, out: string[]): string[] {
  element.getChildren().forEach((child, i) => {
    if (!$isElementNode(child)) return;
    const want = firstTextFormat(child);
    if (want !== null && child.getTextFormat() !== want)
      out.push(`${path}/${child.getType()}[${i}]: ${child.getTextFormat()} ≠ ${want}`);
    $misaligned(child, `${path}/${child.getType()}[${i}]`, out);
  });
  return out;
}

/** Mount `element` in a fresh editor set up like the app's; what it wrote and what is off. */
function mount(doc: Y.Doc, element: Y.XmlElement, id: string) {
  const editor = createHeadlessEditor({
    namespace: 'linjaus',
    nodes: [...RICH_TEXT_NODES],
    onError: (error) => {
      throw error;
    },
  });
  const unregisterList = registerList(editor);
  let updates = 0;
  const count = () => updates++;
  doc.on('update', count);
  const field = bindField(editor, doc, element, offlineProvider(), id);
  doc.off('update', count);
  const misaligned = editor.getEditorState().read(() => $misaligned($getRoot(), id, []));
  field.dispose();
  unregisterList();
  return { updates, misaligned };
}

describe('rich-text field mounting', () => {
  it.each(templateIds())(
    'writes nothing when an editor mounts any rich-text field of the %s example',
    (templateId) => {
      const doc = programmeToDoc(getExample(templateId));
      let fields = 0;
      const problems: string[] = [];
      itemsMap(doc).forEach((item, itemId) => {
        item.forEach((value, key) => {
          if (!(value instanceof Y.XmlElement)) return;
          fields++;
          const { updates, misaligned } = mount(doc, value, `${itemId}-${key}`);
          if (updates > 0) problems.push(`${itemId}-${key}: ${updates} update(s)`);
          problems.push(...misaligned);
        });
      });
      expect(fields).toBeGreaterThan(10);
      expect(problems).toEqual([]);
    },
  );

  it('stores the first text format on every element, through links and nested lists', () => {
    const bold = { type: 'text', text: 'Vahva', bold: true } as const;
    const blocks: RichText = [
      {
        type: 'paragraph',
        children: [
          { type: 'link', url: 'https://example.org', children: [{ ...bold, italic: true }] },
          { type: 'text', text: ' tavallinen' },
        ],
      },
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Yli', strikethrough: true }] },
      { type: 'quote', children: [{ type: 'linebreak' }, bold] },
      {
        type: 'list',
        ordered: true,
        items: [
          {
            children: [],
            list: { type: 'list', ordered: false, items: [{ children: [bold] }] },
          },
          { children: [{ type: 'text', text: 'toinen', underline: true }] },
        ],
      },
    ];
    const doc = new Y.Doc();
    const element = newRichField();
    doc.getMap('m').set('f', element);
    writeRichText(doc, element, blocks);
    expect(mount(doc, element, 'f')).toEqual({ updates: 0, misaligned: [] });
  });
});
