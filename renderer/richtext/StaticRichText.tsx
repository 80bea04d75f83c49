/**
 * A field's content rendered without an editor, shown until the field nears the viewport.
 * Clicking or focusing it mounts the editor.
 */
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { readRichText, type Block, type Inline } from '../../core';

function inlineText(children: Inline[]): string {
  return children
    .map((c) => (c.type === 'text' ? c.text : c.type === 'link' ? inlineText(c.children) : '\n'))
    .join('');
}

function blockText(block: Block): string {
  if (block.type === 'list') return block.items.map((i) => inlineText(i.children)).join(' · ');
  return inlineText(block.children);
}

export function StaticRichText({
  element,
  label,
  placeholder,
  onActivate,
}: {
  element: Y.XmlElement;
  label: string;
  placeholder: string;
  onActivate: () => void;
}) {
  const paragraphs = useMemo(
    () =>
      readRichText(element)
        .map(blockText)
        .filter((s) => s !== ''),
    [element],
  );
  return (
    <div
      className="rt-static rt-editor"
      role="textbox"
      aria-multiline="true"
      aria-label={label}
      tabIndex={0}
      onFocus={onActivate}
      onMouseDown={onActivate}
    >
      {paragraphs.length === 0 ? (
        <p className="rt-placeholder-static">{placeholder}</p>
      ) : (
        paragraphs.map((p, i) => (
          <p key={i} className="rt-p">
            {p}
          </p>
        ))
      )}
    </div>
  );
}
