/** Lexical node classes and theme of Linjaus rich-text fields (the set `core/richtext` reads). */
import type { EditorThemeClasses } from 'lexical';
import { RICH_TEXT_NODES } from '../../core';

export const FIELD_NODES = [...RICH_TEXT_NODES];

export const FIELD_THEME: EditorThemeClasses = {
  paragraph: 'rt-p',
  heading: { h1: 'rt-h1', h2: 'rt-h2', h3: 'rt-h3' },
  quote: 'rt-quote',
  list: {
    ul: 'rt-ul',
    ol: 'rt-ol',
    listitem: 'rt-li',
    nested: { listitem: 'rt-li-nested' },
  },
  link: 'rt-link',
  text: {
    bold: 'rt-bold',
    italic: 'rt-italic',
    underline: 'rt-underline',
    strikethrough: 'rt-strike',
    underlineStrikethrough: 'rt-underline rt-strike',
  },
};
