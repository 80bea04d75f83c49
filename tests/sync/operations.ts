/**
 * Random model operations, as users make them: structure (add, move, reorder, delete), fields,
 * meta, budget, and typing or deleting text in rich-text fields through headless Lexical.
 */
import type * as Y from 'yjs';
import {
  addItem,
  childrenOf,
  deleteItem,
  getItem,
  moveItem,
  richField,
  setBudgetAmount,
  updateItem,
} from '../../core/model/items';
import { setMeta } from '../../core/model/meta';
import { itemsMap } from '../../core/model/doc';
import type { ItemId } from '../../core/model/ids';
import type { ItemKind } from '../../core/model/kinds';
import type { Rng } from '../helpers/random';
import { deleteFrom, typeInto } from '../helpers/typing';

const WORDS = [
  'elinvoima',
  'seutu',
  'yrittäjyys',
  'ÅÄÖ',
  'kylä',
  'kuitu',
  'bioenergia',
  'työpaja',
  ' ',
  '\u00a0',
  '😀',
];

function idsOf(doc: Y.Doc, kind: ItemKind): ItemId[] {
  const out: ItemId[] = [];
  itemsMap(doc).forEach((map, id) => {
    if (map.get('kind') === kind && getItem(doc, id as ItemId)) out.push(id as ItemId);
  });
  return out.sort();
}

function sectionOf(doc: Y.Doc, sectionKind: string): ItemId | undefined {
  return childrenOf(doc, null, 'section').find(
    (id) => getItem(doc, id, 'section')?.fields.sectionKind === sectionKind,
  );
}

type Op = (doc: Y.Doc, r: Rng) => void;

const ops: Op[] = [
  (doc, r) => {
    const s = sectionOf(doc, 'themes');
    if (s) addItem(doc, 'theme', s, { title: `Teema ${r.int(100)}` }, { index: r.int(5) });
  },
  (doc, r) => {
    const t = r.pick(idsOf(doc, 'theme'));
    if (t) addItem(doc, 'goal', t, { title: `Tavoite ${r.int(100)}` }, { index: r.int(4) });
  },
  (doc, r) => {
    const g = r.pick(idsOf(doc, 'goal'));
    if (g)
      addItem(doc, 'action', g, {
        title: 'Toimenpide',
        status: r.pick(['planned', 'ongoing', 'done'] as const),
      });
  },
  (doc, r) => {
    const p = r.pick([...idsOf(doc, 'goal'), ...idsOf(doc, 'theme')]);
    if (p) addItem(doc, 'indicator', p, { name: 'Mittari', unit: '%', targetValue: r.int(100) });
  },
  (doc, r) => {
    const s = sectionOf(doc, 'themes');
    const t = r.pick(idsOf(doc, 'theme'));
    if (s && t) moveItem(doc, t, s, r.int(6));
  },
  (doc, r) => {
    const g = r.pick(idsOf(doc, 'goal'));
    const t = r.pick(idsOf(doc, 'theme'));
    if (g && t) moveItem(doc, g, t, r.int(4));
  },
  (doc, r) => {
    const victim = r.pick([
      ...idsOf(doc, 'goal'),
      ...idsOf(doc, 'action'),
      ...idsOf(doc, 'indicator'),
      ...(r.chance(0.3) ? idsOf(doc, 'theme') : []),
    ]);
    if (victim) deleteItem(doc, victim);
  },
  (doc, r) => {
    const t = r.pick(idsOf(doc, 'theme'));
    if (t) updateItem(doc, t, 'theme', { title: `Nimi ${r.int(1000)}` });
  },
  (doc, r) => {
    const i = r.pick(idsOf(doc, 'indicator'));
    if (i)
      updateItem(
        doc,
        i,
        'indicator',
        r.chance(0.5) ? { targetValue: r.int(500) } : { baselineYear: 2015 + r.int(10) },
      );
  },
  (doc, r) =>
    setMeta(
      doc,
      r.chance(0.5)
        ? { title: `Ohjelma ${r.int(50)}` }
        : { status: r.pick(['draft', 'inReview', 'approved'] as const) },
    ),
  (doc, r) => {
    const s = sectionOf(doc, 'budget');
    if (!s) return;
    const line =
      r.pick(idsOf(doc, 'budgetLine')) ??
      addItem(doc, 'budgetLine', s, { category: 'Henkilöstökulut' });
    setBudgetAmount(doc, line, String(2022 + r.int(3)), r.int(100000));
  },
  (doc, r) => {
    const holder = r.pick([
      ...idsOf(doc, 'theme'),
      ...idsOf(doc, 'goal'),
      ...childrenOf(doc, null, 'section'),
    ]);
    if (!holder) return;
    const field = getItem(doc, holder)?.kind === 'section' ? 'body' : 'description';
    const el = richField(doc, holder, field as never);
    if (r.chance(0.75))
      typeInto(doc, el, r.pick(WORDS) ?? 'x', r.int(3), r.chance(0.5) ? r.int(20) : undefined);
    else deleteFrom(doc, el, 1 + r.int(4), r.int(3));
  },
];

/** Apply one random operation to `doc`. */
export function randomOperation(doc: Y.Doc, r: Rng): void {
  const op = ops[r.int(ops.length)] as Op;
  op(doc, r);
}
