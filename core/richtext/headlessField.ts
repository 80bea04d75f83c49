/**
 * A headless Lexical editor bound to one rich-text field of a programme (Lexical V2 binding,
 * `getXmlElement`). Used where there is no UI: writing imported or template content into a
 * field, and the randomized sync tests that type into fields as a user would. The binding steps
 * are `bindField`'s, shared with the app's `useYjsField`.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { BindingV2, Provider } from '@lexical/yjs';
import type { Klass, LexicalEditor, LexicalNode } from 'lexical';
import type * as Y from 'yjs';
import { bindField } from './binding';

/** The Lexical node classes a Linjaus rich-text field may contain. */
export const RICH_TEXT_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
];

/** A provider with no network and no peers: the binding only reads `awareness` from it. */
export function offlineProvider(): Provider {
  const noop = () => undefined;
  return {
    awareness: {
      getLocalState: () => null,
      getStates: () => new Map(),
      on: noop,
      off: noop,
      setLocalState: noop,
      setLocalStateField: noop,
    },
    connect: noop,
    disconnect: noop,
    on: noop,
    off: noop,
  };
}

/** A bound headless editor; call `dispose()` when done. */
export interface HeadlessField {
  readonly editor: LexicalEditor;
  readonly binding: BindingV2;
  dispose(): void;
}

/**
 * Bind a headless editor to `element` (a seeded field already in `doc`). Lexical writes go to
 * the Y.Doc with the binding as origin — or, inside an outer `doc.transact(…, origin)`, with
 * that outer origin.
 */
export function openHeadlessField(doc: Y.Doc, element: Y.XmlElement, id = 'field'): HeadlessField {
  const editor = createHeadlessEditor({
    namespace: 'linjaus',
    nodes: [...RICH_TEXT_NODES],
    onError: (error) => {
      throw error;
    },
  });
  const { binding, dispose } = bindField(editor, doc, element, offlineProvider(), id);
  return {
    editor,
    binding,
    dispose,
  };
}
