/** Small builders shared by model, sync and format tests. */
import * as Y from 'yjs';
import { initDocumentId, setMeta } from '../../core/model/meta';
import { addItem } from '../../core/model/items';
import { asDocumentId, type ItemId } from '../../core/model/ids';
import { origin } from '../../core/model/origins';

export interface Skeleton {
  doc: Y.Doc;
  themes: ItemId;
  vision: ItemId;
  budget: ItemId;
}

/** A programme with a vision, a themes section and a budget section (no template needed). */
export function skeleton(id = 'dtestdocument'): Skeleton {
  const doc = new Y.Doc();
  const o = { origin: origin('template') };
  initDocumentId(doc, asDocumentId(id), o);
  setMeta(doc, { title: 'Testiohjelma', templateId: 'elinvoimaohjelma' }, o);
  const vision = addItem(
    doc,
    'section',
    null,
    { sectionKind: 'vision', key: 'visio', title: '' },
    o,
  );
  const themes = addItem(
    doc,
    'section',
    null,
    { sectionKind: 'themes', key: 'teemat', title: '' },
    o,
  );
  const budget = addItem(
    doc,
    'section',
    null,
    { sectionKind: 'budget', key: 'budjetti', title: '' },
    o,
  );
  return { doc, themes, vision, budget };
}

/** A replica of `doc` (same client history, new client id). */
export function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc), origin('remote'));
  return copy;
}

/** Exchange all missing updates between the given docs. */
export function syncAll(...docs: Y.Doc[]): void {
  for (const a of docs) {
    for (const b of docs) {
      if (a !== b)
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), origin('remote'));
    }
  }
}

/** JSON with sorted keys, for comparing snapshots structurally. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
