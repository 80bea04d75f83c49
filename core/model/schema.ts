/**
 * The plain-data shape of a programme: the JSON interchange format, the readable
 * `content.json` inside a `.linjaus` file, and the snapshot that export reads. One zod schema
 * validates every input from outside and generates the published JSON Schema
 * (`templates/schema/programme.schema.json`), so the two never drift apart.
 */
import { z } from 'zod';

/** Current interchange format version. Older versions are upgraded by `core/format/migrate`. */
export const PROGRAMME_FORMAT_VERSION = 1;

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export const Language = z.enum(LANGUAGES).describe('Document or UI language (ISO 639-1).');
export type Language = z.infer<typeof Language>;

/** An id: 1–64 characters of a–z, 0–9, "-" and "_", starting with a letter or digit. */
export const IdString = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'an id of 1–64 characters: a–z, 0–9, "-" or "_"');
const id = IdString;

/** A year ("2026") or a calendar date ("2022-12-01"). */
export const PartialDate = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'a year (2026) or a date (2022-12-01)',
  )
  .describe('A year "YYYY", a month "YYYY-MM" or a date "YYYY-MM-DD".');
export type PartialDate = z.infer<typeof PartialDate>;

const year = z.number().int().min(1900).max(2200);
const text = (max: number) => z.string().max(max);
/** An amount in euros: non-negative, at most two decimals. */
export const Money = z
  .number()
  .finite()
  .min(0)
  .max(1e12)
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'at most two decimals (cents)');

// ---------------------------------------------------------------------------------------------
// Rich text
export const TextRun = z
  .object({
    type: z.literal('text'),
    text: z.string().max(100_000),
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
    underline: z.boolean().optional(),
    strikethrough: z.boolean().optional(),
  })
  .strict();
export type TextRun = z.infer<typeof TextRun>;

export const LineBreak = z.object({ type: z.literal('linebreak') }).strict();
export type LineBreak = z.infer<typeof LineBreak>;

/** Link targets allowed in documents: web and mail only (no javascript:, file: …). */
export const LinkUrl = z
  .string()
  .max(2048)
  .regex(/^(https?:\/\/|mailto:)[^\s\0]+$/i, 'an http(s):// or mailto: address');

export const Link = z
  .object({
    type: z.literal('link'),
    url: LinkUrl,
    children: z.array(z.union([TextRun, LineBreak])),
  })
  .strict();
export type Link = z.infer<typeof Link>;

export const Inline = z.discriminatedUnion('type', [TextRun, LineBreak, Link]);
export type Inline = z.infer<typeof Inline>;

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: ListItem[];
}
export interface ListItem {
  children: Inline[];
  /** A nested list under this item. */
  list?: ListBlock;
}

export const ListBlock: z.ZodType<ListBlock> = z.lazy(() =>
  z
    .object({
      type: z.literal('list'),
      ordered: z.boolean(),
      items: z.array(ListItem),
    })
    .strict(),
);
export const ListItem: z.ZodType<ListItem> = z.lazy(() =>
  z.object({ children: z.array(Inline), list: ListBlock.optional() }).strict(),
);

export const Paragraph = z
  .object({ type: z.literal('paragraph'), children: z.array(Inline) })
  .strict();
export const Heading = z
  .object({
    type: z.literal('heading'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    children: z.array(Inline),
  })
  .strict();
export const Quote = z.object({ type: z.literal('quote'), children: z.array(Inline) }).strict();

export const Block = z.union([Paragraph, Heading, Quote, ListBlock]);
export type Block =
  z.infer<typeof Paragraph> | z.infer<typeof Heading> | z.infer<typeof Quote> | ListBlock;

/** A rich-text field's content: paragraphs, headings (levels 1–3 inside the field), quotes and lists. */
export const RichText = z.array(Block).max(100_000).describe('Rich text: a list of blocks.');
export type RichText = Block[];

// ---------------------------------------------------------------------------------------------
// Meta
export const ProgrammeStatus = z.enum(['draft', 'inReview', 'approved']);
export type ProgrammeStatus = z.infer<typeof ProgrammeStatus>;

export const Approval = z
  .object({
    body: text(300).describe('The approving body, e.g. "seutuvaltuusto".'),
    date: PartialDate.nullable(),
    reference: text(100).describe('Decision reference, e.g. "§ 12".'),
  })
  .strict();
export type Approval = z.infer<typeof Approval>;

export const Meta = z
  .object({
    title: text(500),
    subtitle: text(1000),
    organisations: z.array(text(300)).max(100),
    periodStart: PartialDate.nullable(),
    periodEnd: PartialDate.nullable(),
    languages: z.array(Language).min(1).max(3).describe('The first language is the primary one.'),
    templateId: id,
    brandKitId: id,
    status: ProgrammeStatus,
    approval: Approval.nullable(),
  })
  .strict();
export type Meta = z.infer<typeof Meta>;

export const Contact = z
  .object({
    id,
    name: text(300),
    title: text(300),
    email: text(320),
    phone: text(60),
  })
  .strict();
export type Contact = z.infer<typeof Contact>;

// ---------------------------------------------------------------------------------------------
// Structured items
export const IndicatorDirection = z.enum(['higher', 'lower']);
export type IndicatorDirection = z.infer<typeof IndicatorDirection>;

export const Indicator = z
  .object({
    id,
    name: text(500),
    unit: text(100),
    baselineValue: z.number().finite().nullable(),
    baselineYear: year.nullable(),
    targetValue: z.number().finite().nullable(),
    targetYear: year.nullable(),
    source: text(500),
    direction: IndicatorDirection,
  })
  .strict();
export type Indicator = z.infer<typeof Indicator>;

export const ActionStatus = z.enum(['planned', 'ongoing', 'done', 'cancelled']);
export type ActionStatus = z.infer<typeof ActionStatus>;

export const Action = z
  .object({
    id,
    title: text(500),
    description: RichText,
    responsible: text(500),
    start: PartialDate.nullable(),
    end: PartialDate.nullable(),
    status: ActionStatus,
    cost: Money.nullable(),
  })
  .strict();
export type Action = z.infer<typeof Action>;

export const Goal = z
  .object({
    id,
    title: text(500),
    description: RichText,
    actions: z.array(Action),
    indicators: z.array(Indicator),
  })
  .strict();
export type Goal = z.infer<typeof Goal>;

export const Theme = z
  .object({
    id,
    title: text(500),
    description: RichText,
    goals: z.array(Goal),
    indicators: z.array(Indicator),
  })
  .strict();
export type Theme = z.infer<typeof Theme>;

export const BudgetLine = z
  .object({
    id,
    category: text(300),
    /** Amount in euros per year, keyed by year ("2023"). */
    amounts: z.record(z.string().regex(/^\d{4}$/, 'a year'), Money),
  })
  .strict();
export type BudgetLine = z.infer<typeof BudgetLine>;

export const Funder = z
  .object({
    id,
    name: text(300),
    /** Share of the total budget in percent (0–100). */
    share: z.number().finite().min(0).max(100),
  })
  .strict();
export type Funder = z.infer<typeof Funder>;

export const ScheduleEntry = z
  .object({
    id,
    title: text(500),
    start: PartialDate.nullable(),
    end: PartialDate.nullable(),
    description: RichText,
  })
  .strict();
export type ScheduleEntry = z.infer<typeof ScheduleEntry>;

// ---------------------------------------------------------------------------------------------
// Sections
export const SECTION_KINDS = [
  'richText',
  'vision',
  'targetState',
  'themes',
  'indicators',
  'budget',
  'schedule',
  'contacts',
] as const;
export const SectionKind = z.enum(SECTION_KINDS);
export type SectionKind = z.infer<typeof SectionKind>;

/** A section's own title; empty means the template's label in the document language. */
export const SectionTitle = text(500);

const sectionBase = {
  id,
  /** The template section this one instantiates (e.g. "visio"). */
  key: id,
  title: SectionTitle,
  /** Introductory rich text of the section. */
  body: RichText,
};

export const Section = z.discriminatedUnion('kind', [
  z.object({ ...sectionBase, kind: z.literal('richText') }).strict(),
  z.object({ ...sectionBase, kind: z.literal('vision') }).strict(),
  z.object({ ...sectionBase, kind: z.literal('targetState') }).strict(),
  z.object({ ...sectionBase, kind: z.literal('themes'), themes: z.array(Theme) }).strict(),
  z
    .object({ ...sectionBase, kind: z.literal('indicators'), indicators: z.array(Indicator) })
    .strict(),
  z
    .object({
      ...sectionBase,
      kind: z.literal('budget'),
      lines: z.array(BudgetLine),
      funders: z.array(Funder),
    })
    .strict(),
  z
    .object({ ...sectionBase, kind: z.literal('schedule'), entries: z.array(ScheduleEntry) })
    .strict(),
  z.object({ ...sectionBase, kind: z.literal('contacts') }).strict(),
]);
export type Section = z.infer<typeof Section>;
export type SectionOf<K extends SectionKind> = Extract<Section, { kind: K }>;

// ---------------------------------------------------------------------------------------------
// The whole programme
export const Programme = z
  .object({
    format: z.literal('linjaus-programme'),
    formatVersion: z.literal(PROGRAMME_FORMAT_VERSION),
    id: id.describe('Document id; two copies of one document share it.'),
    meta: Meta,
    contacts: z.array(Contact),
    sections: z.array(Section),
  })
  .strict()
  .describe('A Linjaus programme document (JSON interchange format).');
export type Programme = z.infer<typeof Programme>;
