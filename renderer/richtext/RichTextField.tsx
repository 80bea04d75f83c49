/**
 * One rich-text field: a small Lexical editor bound to its Y.XmlElement through `useYjsField`.
 * Mounting is deferred until the field comes near the viewport (a long programme has hundreds
 * of fields); until then a static rendering of its content stands in, and focusing or clicking
 * it mounts the editor at once. Parents key this component by the element's identity.
 */
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { COMMAND_PRIORITY_EDITOR, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { memo, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useReadOnly, useSession } from '../session/hooks';
import type { DocumentSession } from '../session/DocumentSession';
import { CleanPastePlugin } from './CleanPastePlugin';
import { FIELD_NODES, FIELD_THEME } from './nodes';
import { StaticRichText } from './StaticRichText';
import { Toolbar } from './Toolbar';
import { useNearViewport } from './useNearViewport';
import { useYjsField } from './useYjsField';

export interface RichTextFieldProps {
  element: Y.XmlElement;
  /** Binding id: unique in the document, CSS-safe (item id + field name). */
  fieldId: string;
  label: string;
  placeholder: string;
  variant?: 'body' | 'statement' | 'compact';
}

const SAFE_URL = (url: string) => /^(https?:\/\/|mailto:)\S+$/i.test(url);

function Binding({
  session,
  element,
  fieldId,
  cursors,
}: {
  session: DocumentSession;
  element: Y.XmlElement;
  fieldId: string;
  cursors: React.RefObject<HTMLDivElement | null>;
}) {
  useYjsField(session, element, fieldId, cursors);
  return null;
}

/** Lexical's undo/redo commands go to the document-wide undo manager (text and structure). */
function UndoRouting({ session }: { session: DocumentSession }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          UNDO_COMMAND,
          () => {
            session.undo();
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          REDO_COMMAND,
          () => {
            session.redo();
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
      ),
    [editor, session],
  );
  return null;
}

/**
 * A read-only document (workshop viewer) makes the editor not editable, live: Lexical then
 * renders `contenteditable="false"` with `aria-readonly`, ignores input, paste and its own
 * shortcuts, and still lets the reader select and copy text.
 */
function EditableSync({
  editable,
  session,
  fieldId,
}: {
  editable: boolean;
  session: DocumentSession;
  fieldId: string;
}) {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    editor.setEditable(editable);
    // A read-only editor gets no focus/blur commands: stop showing peers a caret here.
    const { awareness } = session;
    if (!editable && awareness.getLocalState()?.['field'] === fieldId) {
      awareness.setLocalStateField('focusing', false);
      awareness.setLocalStateField('field', null);
    }
  }, [editor, editable, session, fieldId]);
  return null;
}

function FocusOnMount({ enabled }: { enabled: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (enabled) editor.focus();
  }, [editor, enabled]);
  return null;
}

function LiveField({
  element,
  fieldId,
  label,
  placeholder,
  focusNow,
}: RichTextFieldProps & { focusNow: boolean }) {
  const session = useSession();
  const readOnly = useReadOnly();
  const cursors = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState(false);
  const placeholderId = useId();
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'linjaus',
        nodes: FIELD_NODES,
        theme: FIELD_THEME,
        // The binding loads the content; the composer must not insert its own paragraph.
        editorState: null,
        editable: !session.isReadOnly(),
        onError: (error) => console.error(error),
      }}
    >
      <div
        className="rt-live"
        onFocus={() => setFocused(true)}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
        }}
      >
        <div ref={cursors} className="rt-cursors" />
        {!readOnly && <Toolbar visible={focused} />}
        <div className="rt-editor-wrap">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="rt-editor"
                aria-label={label}
                aria-describedby={placeholderId}
                data-field={fieldId}
                // Lexical drops a read-only editor from the tab order; a reader still tabs
                // through the text (and screen readers announce it as read-only).
                tabIndex={0}
              />
            }
            placeholder={
              <div className="rt-placeholder" id={placeholderId} aria-hidden="true">
                {placeholder}
              </div>
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <Binding session={session} element={element} fieldId={fieldId} cursors={cursors} />
        <EditableSync editable={!readOnly} session={session} fieldId={fieldId} />
        <UndoRouting session={session} />
        <ListPlugin />
        <LinkPlugin validateUrl={SAFE_URL} />
        <CleanPastePlugin />
        <FocusOnMount enabled={focusNow} />
      </div>
    </LexicalComposer>
  );
}

function RichTextFieldImpl(props: RichTextFieldProps) {
  const readOnly = useReadOnly();
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearViewport(ref);
  const [activated, setActivated] = useState(false);
  const live = near || activated;
  return (
    <div ref={ref} className={`rt rt-${props.variant ?? 'body'}`} data-field-wrap={props.fieldId}>
      {live ? (
        <LiveField {...props} focusNow={activated} />
      ) : (
        <StaticRichText
          element={props.element}
          label={props.label}
          placeholder={props.placeholder}
          readOnly={readOnly}
          onActivate={() => setActivated(true)}
        />
      )}
    </div>
  );
}

export const RichTextField = memo(RichTextFieldImpl);
