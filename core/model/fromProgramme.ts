/**
 * Build a programme's Y.Doc from plain data (a validated {@link Programme}): for imported JSON,
 * template examples and `content.json` recovery. Ids are kept, so a document exported to JSON
 * and imported again is the same document.
 */
import { generateKeyBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { writeRichText } from '../richtext/write';
import { itemsMap } from './doc';
import { ModelError } from './errors';
import { asDocumentId, asItemId, type ItemId } from './ids';
import { addItem, richField, setBudgetAmount } from './items';
import type { ItemKind, ItemScalars } from './kinds';
import { initDocumentId, setMeta } from './meta';
import { origin as originOf, type Origin } from './origins';
import type { Action, Goal, Indicator, Programme, RichText, Section, Theme } from './schema';

/**
 * Appends items in document order. It keeps the last order key per parent and mints the next
 * one directly, instead of scanning the siblings for every insert (linear, not quadratic, import).
 */
class Appender {
  private readonly lastKeys = new Map<ItemId | null, string>();

  constructor(
    readonly doc: Y.Doc,
    readonly origin: Origin,
  ) {}

  add<K extends ItemKind>(
    kind: K,
    parent: ItemId | null,
    id: string,
    fields: Partial<ItemScalars<K>>,
  ): ItemId {
    const order = generateKeyBetween(this.lastKeys.get(parent) ?? null, null);
    this.lastKeys.set(parent, order);
    return addItem(this.doc, kind, parent, fields, {
      origin: this.origin,
      id: asItemId(id),
      order,
    });
  }

  text(id: ItemId, field: 'body' | 'description', text: RichText): void {
    if (text.length > 0) writeRichText(this.doc, richField(this.doc, id, field), text);
  }
}

function addIndicators(w: Appender, parent: ItemId, list: Indicator[]): void {
  for (const { id, ...fields } of list) w.add('indicator', parent, id, fields);
}

function addActions(w: Appender, goal: ItemId, list: Action[]): void {
  for (const { id, description, ...fields } of list) {
    w.text(w.add('action', goal, id, fields), 'description', description);
  }
}

function addGoals(w: Appender, theme: ItemId, list: Goal[]): void {
  for (const goal of list) {
    const goalId = w.add('goal', theme, goal.id, { title: goal.title });
    w.text(goalId, 'description', goal.description);
    addActions(w, goalId, goal.actions);
    addIndicators(w, goalId, goal.indicators);
  }
}

function addThemes(w: Appender, section: ItemId, list: Theme[]): void {
  for (const theme of list) {
    const themeId = w.add('theme', section, theme.id, { title: theme.title });
    w.text(themeId, 'description', theme.description);
    addGoals(w, themeId, theme.goals);
    addIndicators(w, themeId, theme.indicators);
  }
}

function addSection(w: Appender, section: Section): void {
  const { id, kind, key, title } = section;
  const sectionId = w.add('section', null, id, { sectionKind: kind, key, title });
  w.text(sectionId, 'body', section.body);
  switch (section.kind) {
    case 'themes':
      return addThemes(w, sectionId, section.themes);
    case 'indicators':
      return addIndicators(w, sectionId, section.indicators);
    case 'budget':
      for (const { id: lineId, amounts, category } of section.lines) {
        const line = w.add('budgetLine', sectionId, lineId, { category });
        for (const [year, amount] of Object.entries(amounts)) {
          setBudgetAmount(w.doc, line, year, amount, { origin: w.origin });
        }
      }
      for (const { id: funderId, ...fields } of section.funders)
        w.add('funder', sectionId, funderId, fields);
      return;
    case 'schedule':
      for (const { id: entryId, description, ...fields } of section.entries) {
        w.text(w.add('scheduleEntry', sectionId, entryId, fields), 'description', description);
      }
      return;
    default:
      return;
  }
}

/**
 * Write `programme` into `doc`, which must be a new, empty Y.Doc, in one transaction.
 *
 * @example
 * const doc = new Y.Doc();
 * writeProgramme(doc, parsedJson, origin('file'));
 */
export function writeProgramme(
  doc: Y.Doc,
  programme: Programme,
  o: Origin = originOf('file'),
): void {
  if (itemsMap(doc).size > 0) throw new ModelError('writeProgramme needs an empty Y.Doc.');
  const w = new Appender(doc, o);
  doc.transact(() => {
    initDocumentId(doc, asDocumentId(programme.id), { origin: o });
    setMeta(doc, programme.meta, { origin: o });
    for (const { id, ...fields } of programme.contacts) w.add('contact', null, id, fields);
    for (const section of programme.sections) addSection(w, section);
  }, o);
}

/** A new Y.Doc holding `programme`. */
export function programmeToDoc(programme: Programme, o: Origin = originOf('file')): Y.Doc {
  const doc = new Y.Doc();
  writeProgramme(doc, programme, o);
  return doc;
}
