/**
 * A headless Lexical editor bound to one rich-text field of a programme (Lexical V2 binding,
 * `getXmlElement`). Used where there is no UI: writing imported or template content into a
 * field, and the randomized sync tests that type into fields as a user would. The renderer's
 * `useYjsField` hook does the same binding steps for a visible editor (notes/lexical-fields.md).
 */
import { createHeadlessEditor } from '@lexical/headless';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import {
  createBindingV2__EXPERIMENTAL,
  syncLexicalUpdateToYjsV2__EXPERIMENTAL,
  syncYjsChangesToLexicalV2__EXPERIMENTAL,
  syncYjsStateToLexicalV2__EXPERIMENTAL,
  type BindingV2,
  type Provider,
} from '@lexical/yjs';
import { SKIP_COLLAB_TAG, type Klass, type LexicalEditor, type LexicalNode } from 'lexical';
import * as Y from 'yjs';

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
  const provider = offlineProvider();
  const binding = createBindingV2__EXPERIMENTAL(editor, id, doc, new Map([[id, doc]]), {
    getXmlElement: () => element,
  });
  // Register before loading: loading may normalise and write back (notes/lexical-fields.md).
  const unregister = editor.registerUpdateListener(
    ({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      if (tags.has(SKIP_COLLAB_TAG)) return;
      syncLexicalUpdateToYjsV2__EXPERIMENTAL(
        binding,
        provider,
        prevEditorState,
        editorState,
        dirtyElements,
        dirtyLeaves,
        normalizedNodes,
        tags,
      );
    },
  );
  syncYjsStateToLexicalV2__EXPERIMENTAL(binding, provider);
  const observer = (events: Y.YEvent<Y.XmlElement | Y.XmlText>[], tr: Y.Transaction) => {
    if (tr.origin === binding) return;
    syncYjsChangesToLexicalV2__EXPERIMENTAL(
      binding,
      provider,
      events,
      tr,
      tr.origin instanceof Y.UndoManager,
    );
  };
  element.observeDeep(
    observer as (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => void,
  );
  return {
    editor,
    binding,
    dispose() {
      element.unobserveDeep(
        observer as (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => void,
      );
      unregister();
    },
  };
}
