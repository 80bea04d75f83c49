/** The formatting toolbar of the focused field: marks, block type, lists, link. */
import { $isLinkNode, $toggleLink } from '@lexical/link';
import {
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $isHeadingNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import { ListNode } from '@lexical/list';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  type BaseSelection,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  KEY_MODIFIER_COMMAND,
  SELECTION_CHANGE_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18n';
import { Icon } from '../app/Icon';

type BlockType = 'paragraph' | 'h2' | 'h3' | 'bullet' | 'number';

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  block: BlockType;
  link: boolean;
}

const EMPTY: ToolbarState = {
  bold: false,
  italic: false,
  underline: false,
  block: 'paragraph',
  link: false,
};

function readState(): ToolbarState {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return EMPTY;
  const anchor = selection.anchor.getNode();
  const top = anchor.getKey() === 'root' ? anchor : anchor.getTopLevelElementOrThrow();
  let block: BlockType = 'paragraph';
  if ($isHeadingNode(top)) block = top.getTag() === 'h3' ? 'h3' : 'h2';
  else if ($isListNode(top)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? top;
    block = list.getListType() === 'number' ? 'number' : 'bullet';
  }
  return {
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    block,
    link: !!$findMatchingParent(anchor, $isLinkNode),
  };
}

function setBlock(editor: LexicalEditor, block: BlockType, current: BlockType): void {
  if (block === 'bullet' || block === 'number') {
    const cmd = block === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND;
    editor.dispatchCommand(current === block ? REMOVE_LIST_COMMAND : cmd, undefined);
    return;
  }
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    $setBlocksType(selection, () =>
      block === 'paragraph' ? $createParagraphNode() : $createHeadingNode(block),
    );
  });
}

export function Toolbar({ visible }: { visible: boolean }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const [state, setState] = useState<ToolbarState>(EMPTY);
  const [linkDraft, setLinkDraft] = useState<string | null>(null);
  const [linkError, setLinkError] = useState(false);
  // The link input takes focus; the text selection it applies to is kept here.
  const savedSelection = useRef<BaseSelection | null>(null);
  const openLink = useCallback(() => {
    savedSelection.current = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
    setLinkDraft('https://');
  }, [editor]);
  const applyLink = (url: string | null) =>
    editor.update(() => {
      if (savedSelection.current) $setSelection(savedSelection.current.clone());
      $toggleLink(url);
    });

  const refresh = useCallback(
    () => editor.getEditorState().read(() => setState(readState())),
    [editor],
  );

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(refresh),
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => {
            refresh();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_MODIFIER_COMMAND,
          (event) => {
            if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
              event.preventDefault();
              openLink();
              return true;
            }
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, refresh, openLink],
  );

  const submitLink = (e: FormEvent) => {
    e.preventDefault();
    const url = (linkDraft ?? '').trim();
    if (url !== '' && !/^(https?:\/\/\S+|mailto:\S+)$/i.test(url)) {
      setLinkError(true);
      return;
    }
    applyLink(url === '' ? null : url);
    setLinkDraft(null);
    setLinkError(false);
    editor.focus();
  };

  if (!visible && linkDraft === null) return null;
  const mark = (format: 'bold' | 'italic' | 'underline', label: string, active: boolean) => (
    <button
      type="button"
      className="tb-btn"
      aria-pressed={active}
      aria-label={label}
      title={label}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}
    >
      <Icon name={format} />
    </button>
  );
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar')}>
      {mark('bold', t('bold'), state.bold)}
      {mark('italic', t('italic'), state.italic)}
      {mark('underline', t('underline'), state.underline)}
      <span className="tb-sep" aria-hidden="true" />
      <select
        className="tb-select"
        aria-label={t('blockType')}
        value={state.block === 'h2' || state.block === 'h3' ? state.block : 'paragraph'}
        onChange={(e) => setBlock(editor, e.target.value as BlockType, state.block)}
      >
        <option value="paragraph">{t('paragraph')}</option>
        <option value="h2">{t('heading2')}</option>
        <option value="h3">{t('heading3')}</option>
      </select>
      <button
        type="button"
        className="tb-btn"
        aria-pressed={state.block === 'bullet'}
        aria-label={t('bulletList')}
        title={t('bulletList')}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setBlock(editor, 'bullet', state.block)}
      >
        <Icon name="bullets" />
      </button>
      <button
        type="button"
        className="tb-btn"
        aria-pressed={state.block === 'number'}
        aria-label={t('numberedList')}
        title={t('numberedList')}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setBlock(editor, 'number', state.block)}
      >
        <Icon name="numbers" />
      </button>
      <span className="tb-sep" aria-hidden="true" />
      <button
        type="button"
        className="tb-btn"
        aria-pressed={state.link}
        aria-label={t('link')}
        title={t('link')}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          if (state.link) {
            savedSelection.current = null;
            applyLink(null);
          } else openLink();
        }}
      >
        <Icon name="link" />
      </button>
      {linkDraft !== null && (
        <form className="tb-link" onSubmit={submitLink}>
          <input
            autoFocus
            aria-label={t('linkPrompt')}
            aria-invalid={linkError}
            value={linkDraft}
            onChange={(e) => setLinkDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setLinkDraft(null);
                editor.focus();
              }
            }}
          />
          <button type="submit" className="btn btn-small">
            {t('applyLink')}
          </button>
          {linkError && (
            <span role="alert" className="field-error">
              {t('invalidLink')}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
