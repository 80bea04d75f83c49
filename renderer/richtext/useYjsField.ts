/**
 * Bind a visible Lexical editor to one rich-text field of the programme (Lexical V2 binding,
 * `getXmlElement`), following notes/lexical-fields.md: register the update listener before
 * loading, load existing content (lexical#4999), observe remote changes, track the binding's
 * origin in the document-wide undo manager, and show peers' carets in this field.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  createBindingV2__EXPERIMENTAL,
  syncCursorPositions,
  syncLexicalUpdateToYjsV2__EXPERIMENTAL,
  syncYjsChangesToLexicalV2__EXPERIMENTAL,
  syncYjsStateToLexicalV2__EXPERIMENTAL,
} from '@lexical/yjs';
import { BLUR_COMMAND, COMMAND_PRIORITY_EDITOR, FOCUS_COMMAND, SKIP_COLLAB_TAG } from 'lexical';
import { useLayoutEffect, type RefObject } from 'react';
import * as Y from 'yjs';
import type { DocumentSession } from '../session/DocumentSession';

type DeepObserver = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => void;

export function useYjsField(
  session: DocumentSession,
  element: Y.XmlElement,
  fieldId: string,
  cursors: RefObject<HTMLElement | null>,
): void {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    const { doc, provider, undoManager, awareness } = session;
    const binding = createBindingV2__EXPERIMENTAL(editor, fieldId, doc, new Map([[fieldId, doc]]), {
      getXmlElement: () => element,
    });
    binding.cursorsContainer = cursors.current;
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
    undoManager.addTrackedOrigin(binding);
    const onAwareness = () => syncCursorPositions(binding, provider);
    awareness.on('update', onAwareness);
    const setFocus = (focusing: boolean) => {
      // A new field takes focus: its edits start a new undo step.
      undoManager.stopCapturing();
      awareness.setLocalStateField('focusing', focusing);
      awareness.setLocalStateField('field', focusing ? fieldId : null);
      return false;
    };
    const unFocus = editor.registerCommand(
      FOCUS_COMMAND,
      () => setFocus(true),
      COMMAND_PRIORITY_EDITOR,
    );
    const unBlur = editor.registerCommand(
      BLUR_COMMAND,
      () => setFocus(false),
      COMMAND_PRIORITY_EDITOR,
    );
    return () => {
      unFocus();
      unBlur();
      awareness.off('update', onAwareness);
      undoManager.removeTrackedOrigin(binding);
      element.unobserveDeep(observer);
      unregister();
      const container = binding.cursorsContainer;
      if (container) container.replaceChildren();
      binding.cursors.clear();
    };
  }, [session, editor, element, fieldId, cursors]);
}
