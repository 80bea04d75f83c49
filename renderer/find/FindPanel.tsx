/** Find in document: searches titles, fields and rich text of a snapshot; shows each match in context. */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { snapshot, type Block, type Inline, type Programme, type RichText } from '../../core';
import { Icon } from '../app/Icon';
import { useI18n } from '../i18n/I18n';
import { useSession } from '../session/hooks';
import { revealItem } from '../outline/reveal';

interface Hit {
  readonly itemId: string;
  /** The title of the item the match is in. */
  readonly where: string;
  readonly excerpt: { before: string; match: string; after: string };
}

const inline = (xs: Inline[]): string =>
  xs
    .map((x) => (x.type === 'text' ? x.text : x.type === 'link' ? inline(x.children) : ' '))
    .join('');
const block = (b: Block): string =>
  b.type === 'list'
    ? b.items.map((i) => `${inline(i.children)} ${i.list ? block(i.list) : ''}`).join(' ')
    : inline(b.children);
const rich = (r: RichText) => r.map(block).join(' ');

function texts(p: Programme): { id: string; where: string; text: string }[] {
  const out: { id: string; where: string; text: string }[] = [];
  for (const s of p.sections) {
    out.push({ id: s.id, where: s.title || s.key, text: `${s.title} ${rich(s.body)}` });
    if (s.kind === 'themes') {
      for (const th of s.themes) {
        out.push({ id: th.id, where: th.title, text: `${th.title} ${rich(th.description)}` });
        for (const g of th.goals) {
          out.push({ id: g.id, where: g.title, text: `${g.title} ${rich(g.description)}` });
          for (const a of g.actions)
            out.push({
              id: a.id,
              where: a.title,
              text: `${a.title} ${rich(a.description)} ${a.responsible}`,
            });
          for (const i of g.indicators)
            out.push({ id: i.id, where: i.name, text: `${i.name} ${i.unit} ${i.source}` });
        }
        for (const i of th.indicators)
          out.push({ id: i.id, where: i.name, text: `${i.name} ${i.unit} ${i.source}` });
      }
    }
    if (s.kind === 'indicators')
      for (const i of s.indicators)
        out.push({ id: i.id, where: i.name, text: `${i.name} ${i.unit} ${i.source}` });
    if (s.kind === 'budget')
      for (const l of s.lines) out.push({ id: l.id, where: l.category, text: l.category });
    if (s.kind === 'schedule')
      for (const e of s.entries)
        out.push({ id: e.id, where: e.title, text: `${e.title} ${rich(e.description)}` });
  }
  return out;
}

function search(p: Programme, query: string): Hit[] {
  const q = query.trim().toLocaleLowerCase();
  if (q.length < 2) return [];
  const hits: Hit[] = [];
  for (const { id, where, text } of texts(p)) {
    const lower = text.toLocaleLowerCase();
    let from = 0;
    for (
      let at = lower.indexOf(q, from);
      at >= 0 && hits.length < 200;
      at = lower.indexOf(q, from)
    ) {
      hits.push({
        itemId: id,
        where,
        excerpt: {
          before: text.slice(Math.max(0, at - 40), at),
          match: text.slice(at, at + q.length),
          after: text.slice(at + q.length, at + q.length + 60),
        },
      });
      from = at + q.length;
    }
  }
  return hits;
}

export function FindPanel({ onClose }: { onClose: () => void }) {
  const session = useSession();
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const hits = useMemo(
    () => (deferred.trim().length < 2 ? [] : search(snapshot(session.doc), deferred)),
    [deferred, session],
  );
  return (
    <aside
      className="side-panel"
      aria-labelledby="find-title"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <header className="side-head">
        <h2 id="find-title" className="pane-title">
          {t('find')}
        </h2>
        <button type="button" className="icon-btn" aria-label={t('close')} onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      <div className="side-body">
        <div className="search-box">
          <Icon name="search" />
          <input
            ref={input}
            type="search"
            className="input"
            aria-label={t('findPlaceholder')}
            placeholder={t('findPlaceholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        {deferred.trim().length >= 2 && (
          <p className="find-count" role="status">
            {hits.length === 0 ? t('findNone') : t('findResults', { count: hits.length })}
          </p>
        )}
        <ul className="find-results">
          {hits.map((h, i) => (
            <li key={i}>
              <button type="button" className="find-hit" onClick={() => revealItem(h.itemId)}>
                {h.where && <span className="find-where">{h.where}</span>}…{h.excerpt.before}
                <mark>{h.excerpt.match}</mark>
                {h.excerpt.after}…
              </button>
            </li>
          ))}
        </ul>
      </div>
    </aside>
  );
}
