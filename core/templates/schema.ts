/**
 * The shape of a programme template (templates/*.json): which sections a document has, the
 * names of its levels, guidance text, and labels in Finnish, Swedish and English.
 */
import { z } from 'zod';
import { SectionKind } from '../model/schema';

/** Current template schema version. */
export const TEMPLATE_SCHEMA_VERSION = 1;

/** A text in every interface/document language. Finnish first. */
export const Labels = z
  .object({ fi: z.string().min(1), sv: z.string().min(1), en: z.string().min(1) })
  .strict();
export type Labels = z.infer<typeof Labels>;

export const LevelName = z.object({ singular: Labels, plural: Labels }).strict();
export type LevelName = z.infer<typeof LevelName>;

export const TemplateSection = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
    kind: SectionKind,
    title: Labels,
    /** Placeholder guidance shown in the section's empty text field. */
    guidance: Labels,
  })
  .strict();
export type TemplateSection = z.infer<typeof TemplateSection>;

export const Template = z
  .object({
    schemaVersion: z.literal(TEMPLATE_SCHEMA_VERSION),
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
    name: Labels,
    description: Labels,
    /** Names of the structural levels, e.g. Teema → Tavoite → Toimenpide → Mittari. */
    levels: z
      .object({ theme: LevelName, goal: LevelName, action: LevelName, indicator: LevelName })
      .strict(),
    /** Guidance for the rich-text description of items at each level. */
    itemGuidance: z.object({ theme: Labels, goal: Labels, action: Labels }).strict(),
    sections: z
      .array(TemplateSection)
      .min(1)
      .refine((s) => new Set(s.map((x) => x.key)).size === s.length, 'section keys must be unique')
      .refine(
        (s) =>
          s.filter((x) => x.kind === 'vision').length <= 1 &&
          s.filter((x) => x.kind === 'targetState').length <= 1,
        'at most one vision and one target-state section',
      ),
    defaultBrandKitId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/)
      .default('default'),
  })
  .strict();
export type Template = z.infer<typeof Template>;
