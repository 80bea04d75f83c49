/**
 * The shape the clients' rich-text bindings can show, checked on the types an update changed.
 * Yjs integrates any well-formed content anywhere, but Lexical's Yjs binding (V2, core/richtext)
 * throws on what Linjaus never writes: an element's children other than elements and text
 * ("XmlHook is not supported"), element names it has no node for, and non-text content inside a
 * text run. An update that would put such content in a field is refused, so that no client's
 * editor can be made to throw by what the server broadcasts.
 */
import * as Y from 'yjs';
import { unknownRichNodes } from '../../../core';

/** Content a text run may hold: characters and their formatting marks. */
const textContent = (item: Y.Item): boolean =>
  item.content instanceof Y.ContentString || item.content instanceof Y.ContentFormat;

function elementOk(element: Y.XmlElement | Y.XmlFragment): boolean {
  for (const child of element.toArray()) {
    if (!(child instanceof Y.XmlElement) && !(child instanceof Y.XmlText)) return false;
  }
  return !(element instanceof Y.XmlElement) || unknownRichNodes(element).length === 0;
}

function textOk(text: Y.XmlText): boolean {
  for (let item = text._start; item !== null; item = item.right) {
    if (!item.deleted && !textContent(item)) return false;
  }
  return true;
}

/** False when a type changed in `transaction` now holds content the bindings cannot show. */
export function richShapeOk(transaction: Y.Transaction): boolean {
  for (const [type, keys] of transaction.changed) {
    // Only the child lists matter here (key null); attributes are the binding's own data.
    if (!keys.has(null)) continue;
    if (type instanceof Y.XmlText) {
      if (!textOk(type)) return false;
    } else if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) {
      if (!elementOk(type)) return false;
    }
  }
  return true;
}
