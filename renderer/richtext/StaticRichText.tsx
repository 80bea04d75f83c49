/**
 * A field's content rendered without an editor, shown until the field nears the viewport, with
 * the same classes as the editor so nothing moves when the editor takes over. Clicking or
 * focusing it mounts the editor.
 */
import { useMemo, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { readRichText, type Block, type Inline, type ListBlock } from '../../core';

function inlines(children: Inline[]): ReactNode[] {
  return children.map((c, i) => {
    if (c.type === 'linebreak') return <br key={i} />;
    if (c.type === 'link') {
      return (
        <span key={i} className="rt-link">
          {inlines(c.children)}
        </span>
      );
    }
    const cls = [
      c.bold && 'rt-bold',
      c.italic && 'rt-italic',
      c.underline && 'rt-underline',
      c.strikethrough && 'rt-strike',
    ]
      .filter(Boolean)
      .join(' ');
    return cls ? (
      <span key={i} className={cls}>
        {c.text}
      </span>
    ) : (
      c.text
    );
  });
}

function list(block: ListBlock, key: number): ReactNode {
  const items = block.items.map((item, i) => (
    <li key={i} className="rt-li">
      {inlines(item.children)}
      {item.list && list(item.list, 0)}
    </li>
  ));
  return block.ordered ? (
    <ol key={key} className="rt-ol">
      {items}
    </ol>
  ) : (
    <ul key={key} className="rt-ul">
      {items}
    </ul>
  );
}

function block(b: Block, i: number): ReactNode {
  switch (b.type) {
    case 'list':
      return list(b, i);
    case 'heading':
      return b.level === 3 ? (
        <h3 key={i} className="rt-h3">
          {inlines(b.children)}
        </h3>
      ) : (
        <h2 key={i} className="rt-h2">
          {inlines(b.children)}
        </h2>
      );
    case 'quote':
      return (
        <blockquote key={i} className="rt-quote">
          {inlines(b.children)}
        </blockquote>
      );
    default:
      return (
        <p key={i} className="rt-p">
          {inlines(b.children)}
        </p>
      );
  }
}

const isEmpty = (blocks: Block[]) =>
  blocks.every(
    (b) => b.type !== 'list' && b.children.every((c) => c.type === 'text' && c.text === ''),
  );

export function StaticRichText({
  element,
  label,
  placeholder,
  readOnly,
  onActivate,
}: {
  element: Y.XmlElement;
  label: string;
  placeholder: string;
  /** The document is read-only: announced like the live editor does. */
  readOnly?: boolean;
  onActivate: () => void;
}) {
  const blocks = useMemo(() => readRichText(element), [element]);
  return (
    <div
      className="rt-static rt-editor"
      role="textbox"
      aria-multiline="true"
      aria-label={label}
      aria-readonly={readOnly || undefined}
      tabIndex={0}
      onFocus={onActivate}
      onMouseDown={onActivate}
    >
      {isEmpty(blocks) ? <p className="rt-placeholder-static">{placeholder}</p> : blocks.map(block)}
    </div>
  );
}
