import { $getRoot } from 'lexical';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { RichText } from '../../core/model/schema';
import { newRichField } from '../../core/model/richSeed';
import { openHeadlessField } from '../../core/richtext/headlessField';
import { readRichText, richTextToPlain } from '../../core/richtext/read';
import { writeRichText } from '../../core/richtext/write';

const rich: RichText = [
  { type: 'heading', level: 2, children: [{ type: 'text', text: 'Tausta' }] },
  {
    type: 'paragraph',
    children: [
      { type: 'text', text: 'Seutu on ' },
      { type: 'text', text: 'elinvoimainen', bold: true },
      { type: 'text', text: ' ja ' },
      { type: 'text', text: 'vetovoimainen', italic: true, underline: true },
      { type: 'linebreak' },
      {
        type: 'link',
        url: 'https://example.org/ohjelma',
        children: [{ type: 'text', text: 'lisätietoja' }],
      },
    ],
  },
  {
    type: 'list',
    ordered: true,
    items: [
      { children: [{ type: 'text', text: 'Ensimmäinen' }] },
      {
        children: [{ type: 'text', text: 'Toinen' }],
        list: {
          type: 'list',
          ordered: false,
          items: [
            {
              children: [{ type: 'text', text: 'alakohta' }],
              list: {
                type: 'list',
                ordered: false,
                items: [{ children: [{ type: 'text', text: 'syvä' }] }],
              },
            },
          ],
        },
      },
    ],
  },
  { type: 'quote', children: [{ type: 'text', text: 'Yhdessä tehden.' }] },
  { type: 'heading', level: 1, children: [{ type: 'text', text: 'Pääotsikko' }] },
  {
    type: 'heading',
    level: 3,
    children: [{ type: 'text', text: 'Alaotsikko', strikethrough: true }],
  },
];

function field(): { doc: Y.Doc; el: Y.XmlElement } {
  const doc = new Y.Doc();
  doc.getMap('m').set('f', newRichField());
  return { doc, el: doc.getMap('m').get('f') as Y.XmlElement };
}

describe('rich-text fields', () => {
  it('reads back exactly what was written: headings, formats, links, line breaks, nested lists, quotes', () => {
    const { doc, el } = field();
    writeRichText(doc, el, rich);
    expect(readRichText(el)).toEqual(rich);
  });

  it('reads the same text a Lexical editor bound to the field shows', () => {
    const { doc, el } = field();
    writeRichText(doc, el, rich);
    const editor = openHeadlessField(doc, el);
    const lexicalText = editor.editor.getEditorState().read(() => $getRoot().getTextContent());
    editor.dispose();
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    expect(words(richTextToPlain(readRichText(el)).replace(/^\s*- /gm, ''))).toEqual(
      words(lexicalText),
    );
  });

  it('reads a seeded empty field as empty and leaves it untouched when writing nothing', () => {
    const { doc, el } = field();
    const before = Y.encodeStateAsUpdate(doc);
    writeRichText(doc, el, []);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(readRichText(el)).toEqual([]);
  });

  it('drops a link whose address is not http(s) or mailto but keeps its text', () => {
    const { doc, el } = field();
    writeRichText(doc, el, [
      {
        type: 'paragraph',
        children: [
          { type: 'link', url: 'https://ok.example', children: [{ type: 'text', text: 'a' }] },
        ],
      },
    ]);
    const link = (el.get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    link.setAttribute('__url', 'javascript:alert(1)');
    expect(readRichText(el)).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'a' }] },
    ]);
  });
});
