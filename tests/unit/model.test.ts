import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addItem,
  budgetAmounts,
  childrenOf,
  deleteItem,
  getItem,
  moveItem,
  pruneOrphans,
  richField,
  setBudgetAmount,
  updateItem,
} from '../../core/model/items';
import { getMeta, setMeta } from '../../core/model/meta';
import { ModelError } from '../../core/model/errors';
import { isOrigin, origin } from '../../core/model/origins';
import { snapshot } from '../../core/model/snapshot';
import { itemsMap, undoScope } from '../../core/model/doc';
import { readRichText } from '../../core/richtext/read';
import { writeRichText } from '../../core/richtext/write';
import { replica, skeleton, syncAll } from '../helpers/programme';
import { typeInto } from '../helpers/typing';

const titles = (doc: Y.Doc, ids: string[]) =>
  ids.map((id) => (getItem(doc, id as never)?.fields as { title: string }).title);

describe('programme items', () => {
  it('adds themes, goals and actions in order and reads them back in a snapshot (S1, S3)', () => {
    const { doc, themes } = skeleton();
    const t1 = addItem(doc, 'theme', themes, { title: 'Uusiutuva energia' });
    const t2 = addItem(doc, 'theme', themes, { title: 'Digitaalinen seutu' });
    const g = addItem(doc, 'goal', t1, { title: 'Energiaomavaraisuus kasvaa' });
    addItem(doc, 'action', g, {
      title: 'Biokaasulaitoksen selvitys',
      status: 'ongoing',
      cost: 25000,
    });
    addItem(doc, 'indicator', g, {
      name: 'Uusiutuvan energian osuus',
      unit: '%',
      baselineValue: 31,
      baselineYear: 2021,
      targetValue: 45,
      targetYear: 2026,
    });
    expect(childrenOf(doc, themes)).toEqual([t1, t2]);
    const snap = snapshot(doc);
    const section = snap.sections.find((s) => s.kind === 'themes');
    expect(section?.kind === 'themes' && section.themes.map((t) => t.title)).toEqual([
      'Uusiutuva energia',
      'Digitaalinen seutu',
    ]);
    const goal = section?.kind === 'themes' ? section.themes[0]?.goals[0] : undefined;
    expect(goal?.actions[0]).toMatchObject({
      title: 'Biokaasulaitoksen selvitys',
      status: 'ongoing',
      cost: 25000,
    });
    expect(goal?.indicators[0]).toMatchObject({ targetValue: 45, direction: 'higher' });
  });

  it('inserts at an index and reorders within a parent, keeping ids (S2, M1)', () => {
    const { doc, themes } = skeleton();
    const a = addItem(doc, 'theme', themes, { title: 'A' });
    const c = addItem(doc, 'theme', themes, { title: 'C' });
    const b = addItem(doc, 'theme', themes, { title: 'B' }, { index: 1 });
    expect(titles(doc, childrenOf(doc, themes))).toEqual(['A', 'B', 'C']);
    moveItem(doc, c, themes, 0);
    expect(childrenOf(doc, themes)).toEqual([c, a, b]);
  });

  it('moves a goal to another theme with its text, actions and indicators (M1)', () => {
    const { doc, themes } = skeleton();
    const t1 = addItem(doc, 'theme', themes, { title: 'T1' });
    const t2 = addItem(doc, 'theme', themes, { title: 'T2' });
    const g = addItem(doc, 'goal', t1, { title: 'Tavoite' });
    const act = addItem(doc, 'action', g, { title: 'Toimenpide' });
    writeRichText(doc, richField(doc, g, 'description'), [
      { type: 'paragraph', children: [{ type: 'text', text: 'Kuvaus' }] },
    ]);
    moveItem(doc, g, t2, 0);
    expect(childrenOf(doc, t1)).toEqual([]);
    expect(childrenOf(doc, t2)).toEqual([g]);
    expect(childrenOf(doc, g)).toEqual([act]);
    expect(readRichText(richField(doc, g, 'description'))).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Kuvaus' }] },
    ]);
  });

  it('refuses a placement that breaks the hierarchy and writes nothing (S3)', () => {
    const { doc, themes, budget } = skeleton();
    const t = addItem(doc, 'theme', themes, { title: 'T' });
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => addItem(doc, 'action', t, { title: 'x' })).toThrow(ModelError);
    expect(() => addItem(doc, 'theme', budget, {})).toThrow(/cannot be placed/);
    expect(() => moveItem(doc, t, null, 0)).toThrow(ModelError);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('validates field values and names the field in the error', () => {
    const { doc, themes } = skeleton();
    const t = addItem(doc, 'theme', themes, {});
    const g = addItem(doc, 'goal', t, {});
    const i = addItem(doc, 'indicator', g, {});
    expect(() => updateItem(doc, i, 'indicator', { targetYear: 1200 })).toThrow(/targetYear/);
    expect(() => updateItem(doc, i, 'indicator', { direction: 'sideways' as never })).toThrow(
      /direction/,
    );
    expect(() => setMeta(doc, { periodStart: '2022-13-01' })).toThrow(/periodStart/);
    expect(() => updateItem(doc, g, 'theme', { title: 'x' })).toThrow(/is a goal/);
  });

  it('deletes an item with everything under it, and one undo brings it all back (D1, U1)', () => {
    const { doc, themes } = skeleton();
    const t = addItem(doc, 'theme', themes, { title: 'T' });
    const g = addItem(doc, 'goal', t, { title: 'G' });
    const a = addItem(doc, 'action', g, { title: 'A' });
    writeRichText(doc, richField(doc, a, 'description'), [
      { type: 'paragraph', children: [{ type: 'text', text: 'teksti' }] },
    ]);
    const undo = new Y.UndoManager(undoScope(doc), { trackedOrigins: new Set([origin('local')]) });
    deleteItem(doc, t);
    expect(getItem(doc, g)).toBeUndefined();
    expect(getItem(doc, a)).toBeUndefined();
    undo.undo();
    expect(getItem(doc, a)?.fields).toMatchObject({ title: 'A' });
    expect(readRichText(richField(doc, a, 'description'))).toHaveLength(1);
  });

  it('keeps budget amounts per year in cents precision (F2)', () => {
    const { doc, budget } = skeleton();
    const line = addItem(doc, 'budgetLine', budget, { category: 'Henkilöstökulut' });
    setBudgetAmount(doc, line, '2023', 41234.5);
    setBudgetAmount(doc, line, '2024', 0.1 + 0.2);
    expect(budgetAmounts(doc, line)).toEqual({ '2023': 41234.5, '2024': 0.3 });
    setBudgetAmount(doc, line, '2024', null);
    expect(budgetAmounts(doc, line)).toEqual({ '2023': 41234.5 });
    expect(() => setBudgetAmount(doc, line, '23', 5)).toThrow(/four digits/);
    expect(() => setBudgetAmount(doc, line, '2023', -1)).toThrow(/non-negative/);
  });

  it('tags every write with a typed origin', () => {
    const { doc, themes } = skeleton();
    const seen: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => seen.push(tr.origin));
    addItem(doc, 'theme', themes, {});
    setMeta(doc, { title: 'Uusi' }, { origin: origin('file') });
    expect(isOrigin(seen[0], 'local')).toBe(true);
    expect(isOrigin(seen[1], 'file')).toBe(true);
    expect(getMeta(doc).title).toBe('Uusi');
  });
});

describe('merge rules', () => {
  it('keeps both items when two people insert at the same place, in the same order everywhere (M2)', () => {
    const { doc, themes } = skeleton();
    addItem(doc, 'theme', themes, { title: 'A' });
    const other = replica(doc);
    const x = addItem(doc, 'theme', themes, { title: 'X' }, { index: 1 });
    const y = addItem(other, 'theme', themes, { title: 'Y' }, { index: 1 });
    syncAll(doc, other);
    expect(childrenOf(doc, themes)).toEqual(childrenOf(other, themes));
    expect(childrenOf(doc, themes)).toEqual(expect.arrayContaining([x, y]));
    // A later insert between the tied pair still lands between them.
    const [, first] = childrenOf(doc, themes);
    const z = addItem(doc, 'theme', themes, { title: 'Z' }, { index: 2 });
    expect(childrenOf(doc, themes).indexOf(z)).toBe(2);
    expect(childrenOf(doc, themes)[1]).toBe(first);
  });

  it('never duplicates an item two people move at once (M3)', () => {
    const { doc, themes } = skeleton();
    const t1 = addItem(doc, 'theme', themes, { title: 'T1' });
    const t2 = addItem(doc, 'theme', themes, { title: 'T2' });
    const t3 = addItem(doc, 'theme', themes, { title: 'T3' });
    const g = addItem(doc, 'goal', t1, { title: 'G' });
    const other = replica(doc);
    moveItem(doc, g, t2, 0);
    moveItem(other, g, t3, 0);
    syncAll(doc, other);
    const places = [t1, t2, t3].map((t) => childrenOf(doc, t).length);
    expect(places.reduce((a, b) => a + b)).toBe(1);
    expect([t1, t2, t3].map((t) => childrenOf(other, t).length)).toEqual(places);
  });

  it('gives every item exactly one place when two people reorder one list (M4)', () => {
    const { doc, themes } = skeleton();
    const ids = ['A', 'B', 'C', 'D'].map((title) => addItem(doc, 'theme', themes, { title }));
    const other = replica(doc);
    moveItem(doc, ids[3]!, themes, 0);
    moveItem(other, ids[0]!, themes, 4);
    moveItem(other, ids[3]!, themes, 1);
    syncAll(doc, other);
    const order = childrenOf(doc, themes);
    expect(order).toEqual(childrenOf(other, themes));
    expect([...order].sort()).toEqual([...ids].sort());
  });

  it('keeps a concurrent edit of a moved goal (M1)', () => {
    const { doc, themes } = skeleton();
    const t1 = addItem(doc, 'theme', themes, {});
    const t2 = addItem(doc, 'theme', themes, {});
    const g = addItem(doc, 'goal', t1, { title: 'Vanha' });
    const other = replica(doc);
    moveItem(doc, g, t2, 0);
    updateItem(other, g, 'goal', { title: 'Uusi nimi' });
    syncAll(doc, other);
    expect(getItem(doc, g)).toMatchObject({ parent: t2, fields: { title: 'Uusi nimi' } });
  });

  it('lets a delete win over a concurrent edit or addition under it (D2, D3, D4)', () => {
    const { doc, themes } = skeleton();
    const t = addItem(doc, 'theme', themes, {});
    const t2 = addItem(doc, 'theme', themes, {});
    const g = addItem(doc, 'goal', t, { title: 'G' });
    const g2 = addItem(doc, 'goal', t, { title: 'G2' });
    const other = replica(doc);
    deleteItem(doc, t);
    updateItem(other, g, 'goal', { title: 'muokattu' });
    const orphan = addItem(other, 'goal', t, { title: 'orpo' });
    moveItem(other, g2, t2, 0);
    syncAll(doc, other);
    for (const d of [doc, other]) {
      expect(getItem(d, g)).toBeUndefined();
      expect(getItem(d, g2)).toBeUndefined();
      const section = snapshot(d).sections.find((s) => s.kind === 'themes');
      expect(section?.kind === 'themes' && section.themes.map((x) => x.id)).toEqual([t2]);
    }
    expect(getItem(doc, orphan)).toBeDefined();
    expect(pruneOrphans(doc)).toBe(1);
    expect(getItem(doc, orphan)).toBeUndefined();
  });

  it('keeps changes to different fields of one indicator and picks one value for the same field (F1)', () => {
    const { doc, themes } = skeleton();
    const t = addItem(doc, 'theme', themes, {});
    const i = addItem(doc, 'indicator', t, { name: 'Työpaikat', targetValue: 100 });
    const other = replica(doc);
    updateItem(doc, i, 'indicator', { targetValue: 120, unit: 'kpl' });
    updateItem(other, i, 'indicator', { targetValue: 150, source: 'Tilastokeskus' });
    syncAll(doc, other);
    const a = getItem(doc, i, 'indicator')!.fields;
    expect(a).toEqual(getItem(other, i, 'indicator')!.fields);
    expect(a).toMatchObject({ unit: 'kpl', source: 'Tilastokeskus' });
    expect([120, 150]).toContain(a.targetValue);
  });

  it('keeps both years when two people fill one budget line (F2)', () => {
    const { doc, budget } = skeleton();
    const line = addItem(doc, 'budgetLine', budget, { category: 'Ostopalvelut' });
    const other = replica(doc);
    setBudgetAmount(doc, line, '2023', 10000);
    setBudgetAmount(other, line, '2024', 5000);
    syncAll(doc, other);
    expect(budgetAmounts(other, line)).toEqual({ '2023': 10000, '2024': 5000 });
  });

  it('reads a malformed field from a faulty peer as its default (F3)', () => {
    const { doc, themes } = skeleton();
    const t = addItem(doc, 'theme', themes, {});
    const i = addItem(doc, 'indicator', t, { name: 'Mittari' });
    (doc.getMap('items').get(i) as Y.Map<unknown>).set('targetYear', 'huomenna');
    doc.getMap('meta').set('status', 42);
    const snap = snapshot(doc);
    const section = snap.sections.find((s) => s.kind === 'themes');
    expect(section?.kind === 'themes' && section.themes[0]?.indicators[0]?.targetYear).toBeNull();
    expect(snap.meta.status).toBe('draft');
  });

  it('does not duplicate paragraphs when two offline clients type into a new empty field (R1, R3)', () => {
    const { doc, vision, themes } = skeleton();
    const t = addItem(doc, 'theme', themes, { title: 'T' });
    const other = replica(doc);
    typeInto(doc, richField(doc, vision, 'body'), 'Elinvoimainen');
    typeInto(other, richField(other, vision, 'body'), 'seutu');
    syncAll(doc, other);
    const text = readRichText(richField(doc, vision, 'body'));
    expect(text).toEqual(readRichText(richField(other, vision, 'body')));
    expect(text).toHaveLength(1);
    const words =
      text[0]?.type === 'paragraph'
        ? text[0].children.map((c) => (c.type === 'text' ? c.text : '')).join('')
        : '';
    expect(words).toContain('Elinvoimainen');
    expect(words).toContain('seutu');
    expect(readRichText(richField(doc, t, 'description'))).toEqual([]);
  });

  it("never undoes a peer's concurrent move when a tie is re-keyed (S2)", () => {
    for (const [low, high] of [
      [1, 2],
      [2, 1],
    ]) {
      const { doc, themes } = skeleton();
      doc.clientID = 100;
      const t1 = addItem(doc, 'theme', themes, { title: 'T1' });
      const t2 = addItem(doc, 'theme', themes, { title: 'T2' });
      const a = replica(doc);
      a.clientID = low as number;
      const b = replica(doc);
      b.clientID = high as number;
      const x = addItem(a, 'goal', t1, { title: 'X' });
      const y = addItem(b, 'goal', t1, { title: 'Y' });
      syncAll(a, b);
      const [first] = childrenOf(a, t1);
      // A inserts between the tied pair (re-keying it) while B moves Y away.
      addItem(a, 'goal', t1, { title: 'Z' }, { index: 1 });
      moveItem(b, y, t2, 0);
      syncAll(a, b);
      for (const d of [a, b]) {
        expect(getItem(d, y)?.parent, `clients ${low}/${high}`).toBe(t2);
        expect(childrenOf(d, t1)).toHaveLength(2);
      }
      expect(first === x || first === y).toBe(true);
    }
  });

  it('re-keys only the tied run, not the rest of the list (S2)', () => {
    const { doc, themes } = skeleton();
    const t = addItem(doc, 'theme', themes, {});
    const before = addItem(doc, 'goal', t, { title: 'alku' });
    const other = replica(doc);
    addItem(doc, 'goal', t, { title: 'X' });
    addItem(other, 'goal', t, { title: 'Y' });
    syncAll(doc, other);
    const after = addItem(doc, 'goal', t, { title: 'loppu' });
    const orders = () =>
      [before, after].map((id) => (itemsMap(doc).get(id) as Y.Map<unknown>).get('order'));
    const was = orders();
    addItem(doc, 'goal', t, { title: 'väliin' }, { index: 2 });
    expect(orders()).toEqual(was);
    expect(titles(doc, childrenOf(doc, t))[0]).toBe('alku');
    expect(titles(doc, childrenOf(doc, t))[4]).toBe('loppu');
  });

  it('still adds and reorders in a list where a peer wrote malformed order keys', () => {
    const { doc, themes } = skeleton();
    const a = addItem(doc, 'theme', themes, { title: 'A' });
    const b = addItem(doc, 'theme', themes, { title: 'B' });
    (itemsMap(doc).get(a) as Y.Map<unknown>).set('order', '');
    (itemsMap(doc).get(b) as Y.Map<unknown>).set('order', 'hello');
    const c = addItem(doc, 'theme', themes, { title: 'C' }, { index: 1 });
    moveItem(doc, a, themes, 3);
    expect(childrenOf(doc, themes)).toEqual([c, b, a]);
  });

  it('keeps and hides items of kinds from a newer version; refuses unknown kinds in writes', () => {
    const { doc, themes } = skeleton();
    const future = new Y.Map<unknown>();
    future.set('kind', 'comment');
    future.set('parent', themes);
    future.set('order', 'a0');
    itemsMap(doc).set('ifuture', future);
    expect(pruneOrphans(doc)).toBe(0);
    expect(itemsMap(doc).has('ifuture')).toBe(true);
    expect(childrenOf(doc, themes)).toEqual([]);
    expect(() => addItem(doc, 'constructor' as 'theme', null, {})).toThrow(/Unknown item kind/);
    expect(getItem(doc, 'ifuture' as never)).toBeUndefined();
  });

  it('deletes safely even when a faulty peer wrote a parent cycle', () => {
    const { doc, themes } = skeleton();
    const t = addItem(doc, 'theme', themes, {});
    const g = addItem(doc, 'goal', t, {});
    (itemsMap(doc).get(t) as Y.Map<unknown>).set('parent', g);
    deleteItem(doc, g);
    expect(getItem(doc, t)).toBeUndefined();
    expect(pruneOrphans(doc)).toBe(0);
  });

  it("hands the UI defaults, not a faulty peer's malformed values (F3)", () => {
    const { doc, themes, budget } = skeleton();
    const t = addItem(doc, 'theme', themes, {});
    const i = addItem(doc, 'indicator', t, { name: 'Mittari', unit: '%' });
    const map = itemsMap(doc).get(i) as Y.Map<unknown>;
    map.set('name', { evil: true });
    map.set('targetValue', Number.NaN);
    map.set('direction', 'sideways');
    expect(getItem(doc, i, 'indicator')?.fields).toMatchObject({
      name: '',
      unit: '%',
      targetValue: null,
      direction: 'higher',
    });
    const line = addItem(doc, 'budgetLine', budget, { category: 'Matkat' });
    const amounts = (itemsMap(doc).get(line) as Y.Map<unknown>).get('amounts') as Y.Map<unknown>;
    amounts.set('2023', -5);
    amounts.set('2024', 0.001);
    amounts.set('2025', 100);
    const section = snapshot(doc).sections.find((s) => s.kind === 'budget');
    expect(section?.kind === 'budget' && section.lines[0]?.amounts).toEqual({ '2025': 100 });
  });

  it('refuses values a saved file could not hold (section keys, cents)', () => {
    const { doc, themes, vision } = skeleton();
    const t = addItem(doc, 'theme', themes, {});
    const g = addItem(doc, 'goal', t, {});
    expect(() => updateItem(doc, vision, 'section', { key: 'Oma osio' })).toThrow(/key/);
    expect(() => addItem(doc, 'action', g, { cost: 10.005 })).toThrow(/cost/);
  });
});
