/**
 * The programme as plain data ({@link Programme}): what export, `content.json` and the JSON
 * interchange read. One pass over the items builds a parent index, so a snapshot is linear in
 * the size of the document.
 */
import * as Y from 'yjs';
import { readRichText } from '../richtext/read';
import { getDocumentId, itemsMap, knownKindOf, placementOf, type ItemMap } from './doc';
import { ModelError } from './errors';
import type { ItemId } from './ids';
import type { ItemKind, ItemScalars } from './kinds';
import { readScalars } from './scalars';
import { getMeta } from './meta';
import { compareOrdered } from './order';
import {
  Money,
  PROGRAMME_FORMAT_VERSION,
  type Action,
  type BudgetLine,
  type Contact,
  type Funder,
  type Goal,
  type Indicator,
  type Programme,
  type RichText,
  type ScheduleEntry,
  type Section,
  type SectionKind,
  type Theme,
} from './schema';

interface Node {
  readonly id: ItemId;
  readonly kind: ItemKind;
  readonly map: ItemMap;
  readonly order: string;
}

class ItemIndex {
  private readonly children = new Map<string | null, Node[]>();

  constructor(doc: Y.Doc) {
    itemsMap(doc).forEach((map, id) => {
      const kind = knownKindOf(map);
      const pos = placementOf(map);
      if (!pos || !kind) return;
      const list = this.children.get(pos.parent) ?? [];
      list.push({ id: id as ItemId, kind, map, order: pos.order });
      this.children.set(pos.parent, list);
    });
    for (const list of this.children.values()) list.sort(compareOrdered);
  }

  of(parent: ItemId | null, kind: ItemKind): Node[] {
    return (this.children.get(parent) ?? []).filter((n) => n.kind === kind);
  }
}

const scalars = <K extends ItemKind>(node: Node, kind: K): ItemScalars<K> =>
  readScalars(node.map, kind);

function rich(node: Node, field: string): RichText {
  const el = node.map.get(field);
  return el instanceof Y.XmlElement ? readRichText(el) : [];
}

function indicators(index: ItemIndex, parent: ItemId): Indicator[] {
  return index.of(parent, 'indicator').map((n) => ({ id: n.id, ...scalars(n, 'indicator') }));
}

function actions(index: ItemIndex, goal: ItemId): Action[] {
  return index
    .of(goal, 'action')
    .map((n) => ({ id: n.id, ...scalars(n, 'action'), description: rich(n, 'description') }));
}

function goals(index: ItemIndex, theme: ItemId): Goal[] {
  return index.of(theme, 'goal').map((n) => ({
    id: n.id,
    title: scalars(n, 'goal').title,
    description: rich(n, 'description'),
    actions: actions(index, n.id),
    indicators: indicators(index, n.id),
  }));
}

function themes(index: ItemIndex, section: ItemId): Theme[] {
  return index.of(section, 'theme').map((n) => ({
    id: n.id,
    title: scalars(n, 'theme').title,
    description: rich(n, 'description'),
    goals: goals(index, n.id),
    indicators: indicators(index, n.id),
  }));
}

function budgetLines(index: ItemIndex, section: ItemId): BudgetLine[] {
  return index.of(section, 'budgetLine').map((n) => {
    const amounts: Record<string, number> = {};
    const map = n.map.get('amounts');
    if (map instanceof Y.Map) {
      [...map.entries()]
        .filter(([year, v]) => /^\d{4}$/.test(year) && Money.safeParse(v).success)
        .sort(([a], [b]) => a.localeCompare(b))
        .forEach(([year, v]) => (amounts[year] = v as number));
    }
    return { id: n.id, category: scalars(n, 'budgetLine').category, amounts };
  });
}

function section(index: ItemIndex, n: Node): Section {
  const { sectionKind, key, title } = scalars(n, 'section');
  const base = { id: n.id, key, title, body: rich(n, 'body') };
  const kind: SectionKind = sectionKind;
  switch (kind) {
    case 'themes':
      return { ...base, kind, themes: themes(index, n.id) };
    case 'indicators':
      return { ...base, kind, indicators: indicators(index, n.id) };
    case 'budget': {
      const funders: Funder[] = index
        .of(n.id, 'funder')
        .map((f) => ({ id: f.id, ...scalars(f, 'funder') }));
      return { ...base, kind, lines: budgetLines(index, n.id), funders };
    }
    case 'schedule': {
      const entries: ScheduleEntry[] = index.of(n.id, 'scheduleEntry').map((e) => ({
        id: e.id,
        ...scalars(e, 'scheduleEntry'),
        description: rich(e, 'description'),
      }));
      return { ...base, kind, entries };
    }
    default:
      return { ...base, kind };
  }
}

/**
 * The whole programme as plain, validated-shape data. Orphans (items under a deleted parent,
 * rule D2) and items of kinds this version does not know are left out.
 *
 * @example
 * const { meta, sections } = snapshot(doc);
 */
export function snapshot(doc: Y.Doc): Programme {
  const id = getDocumentId(doc);
  if (!id) throw new ModelError('This Y.Doc is not a Linjaus programme (it has no document id).');
  const index = new ItemIndex(doc);
  const contacts: Contact[] = index
    .of(null, 'contact')
    .map((n) => ({ id: n.id, ...scalars(n, 'contact') }));
  return {
    format: 'linjaus-programme',
    formatVersion: PROGRAMME_FORMAT_VERSION,
    id,
    meta: getMeta(doc),
    contacts,
    sections: index.of(null, 'section').map((n) => section(index, n)),
  };
}
