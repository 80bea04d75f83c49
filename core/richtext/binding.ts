/**
 * Bind a Lexical editor to one rich-text field (Lexical V2 binding with `getXmlElement`), in the
 * order notes/lexical-fields.md found to work: create the binding (the element must already be in
 * the doc), register the update listener before loading (loading may write), load existing content
 * (what the V1 binding cannot do: lexical#4999), then observe remote changes. Used by the headless
 * field (import, tests) and the app's `useYjsField`, which adds undo tracking, focus and carets.
 */
import {
  createBindingV2__EXPERIMENTAL,
  syncLexicalUpdateToYjsV2__EXPERIMENTAL,
  syncYjsChangesToLexicalV2__EXPERIMENTAL,
  syncYjsStateToLexicalV2__EXPERIMENTAL,
  type BindingV2,
  type Provider,
} from '@lexical/yjs';
import { SKIP_COLLAB_TAG, type LexicalEditor } from 'lexical';
import * as Y from 'yjs';

type DeepObserver = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => void;

/** A live binding; `dispose()` stops syncing (the field's content stays in the doc). */
export interface FieldBinding {
  readonly binding: BindingV2;
  dispose(): void;
}

/**
 * Bind `editor` to `element`, a seeded field already in `doc`. `beforeLoad` runs after the binding
 * exists and before content is loaded (e.g. to give it a cursor container).
 *
 * @example
 * const { binding, dispose } = bindField(editor, doc, richField(doc, id, 'body'), provider, id);
 */
export function bindField(
  editor: LexicalEditor,
  doc: Y.Doc,
  element: Y.XmlElement,
  provider: Provider,
  id: string,
  beforeLoad?: (binding: BindingV2) => void,
): FieldBinding {
  const binding = createBindingV2__EXPERIMENTAL(editor, id, doc, new Map([[id, doc]]), {
    getXmlElement: () => element,
  });
  beforeLoad?.(binding);
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
  const observer: DeepObserver = (events, tr) => {
    if (tr.origin === binding) return;
    syncYjsChangesToLexicalV2__EXPERIMENTAL(
      binding,
      provider,
      events as Y.YEvent<Y.XmlElement | Y.XmlText>[],
      tr,
      tr.origin instanceof Y.UndoManager,
    );
  };
  element.observeDeep(observer);
  return {
    binding,
    dispose() {
      element.unobserveDeep(observer);
      unregister();
    },
  };
}
