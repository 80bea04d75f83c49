/**
 * The kinds of item a programme holds, their fields, and which parent each may have. This table
 * is the one place the hierarchy "section → theme → goal → action / indicator" is written down.
 */
import { z } from 'zod';
import {
  Action,
  BudgetLine,
  Contact,
  Funder,
  Goal,
  IdString,
  Indicator,
  ScheduleEntry,
  SectionTitle,
  SectionKind,
  Theme,
  type SectionKind as SectionKindT,
} from './schema';

export const ITEM_KINDS = [
  'section',
  'theme',
  'goal',
  'action',
  'indicator',
  'budgetLine',
  'funder',
  'scheduleEntry',
  'contact',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** True for a kind this version knows (guards lookups keyed by strings from outside). */
export const isItemKind = (value: unknown): value is ItemKind =>
  typeof value === 'string' && (ITEM_KINDS as readonly string[]).includes(value);

/**
 * Scalar fields of each kind, validated on every write. Built from the interchange schema's own
 * parts, so a value the model accepts is always one a saved file can hold.
 */
export const ITEM_SCALARS = {
  section: z.object({ sectionKind: SectionKind, key: IdString, title: SectionTitle }),
  theme: Theme.pick({ title: true }),
  goal: Goal.pick({ title: true }),
  action: Action.omit({ id: true, description: true }),
  indicator: Indicator.omit({ id: true }),
  budgetLine: BudgetLine.pick({ category: true }),
  funder: Funder.omit({ id: true }),
  scheduleEntry: ScheduleEntry.omit({ id: true, description: true }),
  contact: Contact.omit({ id: true }),
} satisfies Record<ItemKind, z.ZodObject>;

export type ItemScalars<K extends ItemKind> = z.infer<(typeof ITEM_SCALARS)[K]>;

/** Defaults for a new item's scalar fields. */
export const ITEM_DEFAULTS: { [K in ItemKind]: ItemScalars<K> } = {
  section: { sectionKind: 'richText', key: 'section', title: '' },
  theme: { title: '' },
  goal: { title: '' },
  action: { title: '', responsible: '', start: null, end: null, status: 'planned', cost: null },
  indicator: {
    name: '',
    unit: '',
    baselineValue: null,
    baselineYear: null,
    targetValue: null,
    targetYear: null,
    source: '',
    direction: 'higher',
  },
  budgetLine: { category: '' },
  funder: { name: '', share: 0 },
  scheduleEntry: { title: '', start: null, end: null },
  contact: { name: '', title: '', email: '', phone: '' },
};

/** Rich-text fields of each kind (each a Y.XmlElement in the item's map). */
export const ITEM_RICH_FIELDS = {
  section: ['body'],
  theme: ['description'],
  goal: ['description'],
  action: ['description'],
  indicator: [],
  budgetLine: [],
  funder: [],
  scheduleEntry: ['description'],
  contact: [],
} as const satisfies Record<ItemKind, readonly string[]>;
export type RichFieldOf<K extends ItemKind> = (typeof ITEM_RICH_FIELDS)[K][number];

/** A parent is the document root (`null`), an item of a kind, or a section of a section kind. */
export type ParentRule = 'root' | ItemKind | `section:${SectionKindT}`;

/** Which parents each kind may have (core/SPEC.md rule S3). */
export const PARENT_RULES: Record<ItemKind, readonly ParentRule[]> = {
  section: ['root'],
  contact: ['root'],
  theme: ['section:themes'],
  goal: ['theme'],
  action: ['goal'],
  indicator: ['goal', 'theme', 'section:indicators'],
  budgetLine: ['section:budget'],
  funder: ['section:budget'],
  scheduleEntry: ['section:schedule'],
};
