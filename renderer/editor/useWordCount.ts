/**
 * Word counts per section, computed from one snapshot of the document when typing pauses, so a
 * keystroke never pays for counting.
 */
import { useSyncExternalStore } from 'react';
import {
  snapshot,
  type Block,
  type Inline,
  type ItemId,
  type Programme,
  type RichText,
} from '../../core';
import { useSession } from '../session/hooks';
import type { DocumentSession } from '../session/DocumentSession';

const wordsIn = (s: string) => (s.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
const inline = (xs: Inline[]): string =>
  xs
    .map((x) => (x.type === 'text' ? x.text : x.type === 'link' ? inline(x.children) : ' '))
    .join('');
const block = (b: Block): string =>
  b.type === 'list'
    ? b.items.map((i) => `${inline(i.children)} ${i.list ? block(i.list) : ''}`).join(' ')
    : inline(b.children);
const rich = (r: RichText) => r.map(block).join(' ');

function countSections(p: Programme): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of p.sections) {
    let text = `${rich(s.body)}`;
    if (s.kind === 'themes') {
      for (const th of s.themes) {
        text += ` ${th.title} ${rich(th.description)}`;
        for (const g of th.goals) {
          text += ` ${g.title} ${rich(g.description)}`;
          for (const a of g.actions) text += ` ${a.title} ${rich(a.description)} ${a.responsible}`;
        }
      }
    }
    if (s.kind === 'schedule')
      for (const e of s.entries) text += ` ${e.title} ${rich(e.description)}`;
    out.set(s.id, wordsIn(text));
  }
  return out;
}

class WordCounts {
  private counts = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  constructor(private readonly session: DocumentSession) {
    // Not in the first frame: a snapshot of a long document takes a while.
    this.schedule(50);
    session.store.subscribeAny(() => this.schedule(700));
  }
  private schedule(delay: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.recount(), delay);
  }
  private recount() {
    try {
      this.counts = countSections(snapshot(this.session.doc));
    } catch {
      return;
    }
    for (const l of this.listeners) l();
  }
  get = (id: string) => this.counts.get(id) ?? 0;
  total = () => [...this.counts.values()].reduce((a, b) => a + b, 0);
  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
}

const bySession = new WeakMap<DocumentSession, WordCounts>();
const countsFor = (s: DocumentSession) => {
  let c = bySession.get(s);
  if (!c) bySession.set(s, (c = new WordCounts(s)));
  return c;
};

/** Words in one section (body, themes, goals, actions, schedule). */
export function useWordCount(section: ItemId): number {
  const counts = countsFor(useSession());
  return useSyncExternalStore(counts.subscribe, () => counts.get(section));
}

/** Words in the whole document. */
export function useTotalWords(): number {
  const counts = countsFor(useSession());
  return useSyncExternalStore(counts.subscribe, counts.total);
}
