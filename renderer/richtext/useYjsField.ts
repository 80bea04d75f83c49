/**
 * Bind a visible Lexical editor to one rich-text field of the programme (Lexical V2 binding,
 * `getXmlElement`), following notes/lexical-fields.md: register the update listener before
 * loading, load existing content (lexical#4999), observe remote changes, track the binding's
 * origin in the document-wide undo manager, and show peers' carets in this field.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { syncCursorPositions } from '@lexical/yjs';
import { BLUR_COMMAND, COMMAND_PRIORITY_EDITOR, FOCUS_COMMAND } from 'lexical';
import { useLayoutEffect, type RefObject } from 'react';
import type * as Y from 'yjs';
import { bindField } from '../../core';
import type { DocumentSession } from '../session/DocumentSession';

export function useYjsField(
  session: DocumentSession,
  element: Y.XmlElement,
  fieldId: string,
  cursors: RefObject<HTMLElement | null>,
): void {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    const { doc, provider, undoManager, awareness } = session;
    let unregister = (): unknown => undefined;
    const { binding, dispose } = bindField(editor, doc, element, provider, fieldId, (b) => {
      b.cursorsContainer = cursors.current;
      // Before loading: a write the load makes is known as this field's.
      unregister = session.registerField(b);
    });
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
      dispose();
      unregister();
      const container = binding.cursorsContainer;
      if (container) container.replaceChildren();
      binding.cursors.clear();
    };
  }, [session, editor, element, fieldId, cursors]);
}
