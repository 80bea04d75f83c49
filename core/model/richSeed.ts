/**
 * The layout of a rich-text field, shared with the Lexical V2 binding (`createBindingV2__EXPERIMENTAL`
 * with `getXmlElement`): a root Y.XmlElement created without a node name, one child element per
 * Lexical block (`paragraph`, `heading`, `list` …), sibling text nodes in one Y.XmlText.
 */
import * as Y from 'yjs';

/**
 * A new, seeded field: one empty paragraph holding one empty XmlText. Seeding when the item is
 * created — not when an editor mounts — stops two offline clients creating two paragraphs, and
 * the empty XmlText keeps undo of a first keystroke from deleting a peer's text
 * (notes/lexical-fields.md; core/SPEC.md rule R1).
 */
export function newRichField(): Y.XmlElement {
  const root = new Y.XmlElement();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText()]);
  root.insert(0, [paragraph]);
  return root;
}
