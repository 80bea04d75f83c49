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
import { addItem as addItemAt, richField, setBudgetAmount } from './items';
import type { ItemKind, ItemScalars } from './kinds';
import { initDocumentId, setMeta } from './meta';
import { origin as originOf, type Origin } from './origins';
import type { Action, Goal, Indicator, Programme, RichText, Theme } from './schema';

/**
 * Import appends children in order: keep the last order key per parent and mint the next one
 * directly, instead of scanning the siblings for every insert (linear, not quadratic, import).
 */
const lastKeys = new WeakMap<Y.Doc, Map<string | null, string | null>>();

function addItem<K extends ItemKind>(
  doc: Y.Doc,
  kind: K,
  parent: ItemId | null,
  fields: Partial<ItemScalars<K>>,
  options: { origin: Origin; id: ItemId },
): ItemId {
  let keys = lastKeys.get(doc);
  if (!keys) lastKeys.set(doc, (keys = new Map()));
  const order = generateKeyBetween(keys.get(parent) ?? null, null);
  keys.set(parent, order);
  return addItemAt(doc, kind, parent, fields, { ...options, order });
}

function writeField(doc: Y.Doc, id: ItemId, field: 'body' | 'description', text: RichText): void {
  if (text.length > 0) writeRichText(doc, richField(doc, id, field), text);
}

function addIndicators(doc: Y.Doc, parent: ItemId, list: Indicator[], o: { origin: Origin }): void {
  for (const { id, ...fields } of list)
    addItem(doc, 'indicator', parent, fields, { ...o, id: asItemId(id) });
}

function addActions(doc: Y.Doc, goal: ItemId, list: Action[], o: { origin: Origin }): void {
  for (const { id, description, ...fields } of list) {
    const actionId = addItem(doc, 'action', goal, fields, { ...o, id: asItemId(id) });
    writeField(doc, actionId, 'description', description);
  }
}

function addGoals(doc: Y.Doc, theme: ItemId, list: Goal[], o: { origin: Origin }): void {
  for (const goal of list) {
    const goalId = addItem(
      doc,
      'goal',
      theme,
      { title: goal.title },
      { ...o, id: asItemId(goal.id) },
    );
    writeField(doc, goalId, 'description', goal.description);
    addActions(doc, goalId, goal.actions, o);
    addIndicators(doc, goalId, goal.indicators, o);
  }
}

function addThemes(doc: Y.Doc, section: ItemId, list: Theme[], o: { origin: Origin }): void {
  for (const theme of list) {
    const themeId = addItem(
      doc,
      'theme',
      section,
      { title: theme.title },
      { ...o, id: asItemId(theme.id) },
    );
    writeField(doc, themeId, 'description', theme.description);
    addGoals(doc, themeId, theme.goals, o);
    addIndicators(doc, themeId, theme.indicators, o);
  }
}

/**
 * Write `programme` into `doc` (normally a new, empty Y.Doc) in one transaction.
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
  const opts = { origin: o };
  if (childrenOfRoot(doc) > 0) throw new ModelError('writeProgramme needs an empty Y.Doc.');
  lastKeys.delete(doc);
  doc.transact(() => {
    initDocumentId(doc, asDocumentId(programme.id), opts);
    setMeta(doc, programme.meta, opts);
    for (const { id, ...fields } of programme.contacts)
      addItem(doc, 'contact', null, fields, { ...opts, id: asItemId(id) });
    for (const section of programme.sections) {
      const sectionId = addItem(
        doc,
        'section',
        null,
        { sectionKind: section.kind, key: section.key, title: section.title },
        { ...opts, id: asItemId(section.id) },
      );
      writeField(doc, sectionId, 'body', section.body);
      switch (section.kind) {
        case 'themes':
          addThemes(doc, sectionId, section.themes, opts);
          break;
        case 'indicators':
          addIndicators(doc, sectionId, section.indicators, opts);
          break;
        case 'budget':
          for (const { id, amounts, category } of section.lines) {
            const lineId = addItem(
              doc,
              'budgetLine',
              sectionId,
              { category },
              { ...opts, id: asItemId(id) },
            );
            for (const [year, amount] of Object.entries(amounts))
              setBudgetAmount(doc, lineId, year, amount, opts);
          }
          for (const { id, ...fields } of section.funders)
            addItem(doc, 'funder', sectionId, fields, { ...opts, id: asItemId(id) });
          break;
        case 'schedule':
          for (const { id, description, ...fields } of section.entries) {
            const entryId = addItem(doc, 'scheduleEntry', sectionId, fields, {
              ...opts,
              id: asItemId(id),
            });
            writeField(doc, entryId, 'description', description);
          }
          break;
        default:
          break;
      }
    }
  }, o);
  lastKeys.delete(doc);
}

const childrenOfRoot = (doc: Y.Doc): number => itemsMap(doc).size;

/** A new Y.Doc holding `programme`. */
export function programmeToDoc(programme: Programme, o: Origin = originOf('file')): Y.Doc {
  const doc = new Y.Doc();
  writeProgramme(doc, programme, o);
  return doc;
}
