/**
 * A brand kit (templates/brands/<id>/brand.json) is data: colours, fonts, logo, page set-up.
 * The kit's files (TTF fonts, logo, cover image) travel as bytes next to it in a
 * {@link LoadedBrand}, so this module never touches a file system and runs in a worker too.
 */
import { z } from 'zod';

/** Current brand kit schema version. */
export const BRAND_SCHEMA_VERSION = 1;

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour "#RRGGBB"');
/** A file inside the kit folder: a plain relative name, no "..", no absolute path, no URL. */
const kitFile = z
  .string()
  .min(1)
  .max(200)
  .regex(/^(?!\/)(?!.*\.\.)(?![a-z]+:)[A-Za-z0-9._/-]+$/, 'a file name inside the kit folder');
const ttf = kitFile.regex(
  /\.ttf$/i,
  'a TrueType (.ttf) font file: WOFF2 crashes the PDF subsetter',
);

export const FontFamily = z
  .object({ normal: ttf, bold: ttf, italics: ttf, bolditalics: ttf })
  .strict()
  .describe('The four TTF files of one family.');
export type FontFamily = z.infer<typeof FontFamily>;

export const BrandKit = z
  .object({
    schemaVersion: z.literal(BRAND_SCHEMA_VERSION),
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
    name: z.string().min(1).max(200),
    /** Shown on the cover and in the running header when the programme names no organisation. */
    organisation: z.string().max(300).default(''),
    logo: z
      .object({
        file: kitFile.regex(/\.(svg|png|jpe?g)$/i, 'an SVG, PNG or JPEG file'),
        width: z.number().min(20).max(400).default(140),
      })
      .strict()
      .optional(),
    coverImage: z
      .object({
        file: kitFile.regex(/\.(png|jpe?g)$/i, 'a PNG or JPEG file'),
        alt: z.string().max(500).default(''),
      })
      .strict()
      .optional(),
    colors: z
      .object({
        primary: colour,
        secondary: colour,
        accent: colour,
        text: colour,
        muted: colour,
        /** A light tint for highlighted statements and table header rows. */
        tint: colour,
        /** Colour of text printed on `primary`. */
        onPrimary: colour,
      })
      .strict(),
    /** Colours of the theme pillars in the structure figure, used in turn. */
    themePalette: z.array(colour).min(1).max(12),
    fonts: z.object({ body: FontFamily, heading: FontFamily.optional() }).strict(),
    page: z
      .object({
        size: z.enum(['A4', 'A5', 'LETTER']).default('A4'),
        /** Left, top, right, bottom in points (1/72 in). */
        margins: z.tuple([
          z.number().min(20).max(150),
          z.number().min(40).max(150),
          z.number().min(20).max(150),
          z.number().min(40).max(150),
        ]),
      })
      .strict(),
    cover: z
      .object({ style: z.enum(['band', 'panel', 'minimal']).default('band') })
      .strict()
      .default({ style: 'band' }),
  })
  .strict();
export type BrandKit = z.infer<typeof BrandKit>;

/** A validated kit with the bytes of the files it names (keyed by the names in brand.json). */
export interface LoadedBrand {
  readonly kit: BrandKit;
  readonly files: ReadonlyMap<string, Uint8Array>;
}

/** Thrown when a kit is invalid or lacks a file it names; the message names the kit and the problem. */
export class BrandKitError extends Error {
  override readonly name = 'BrandKitError';
}

/**
 * Validates brand.json data and checks that every font it names is present.
 * @throws {@link BrandKitError} with a readable list of problems.
 */
export function loadBrand(
  json: unknown,
  files: ReadonlyMap<string, Uint8Array>,
  where = 'brand.json',
): LoadedBrand {
  const parsed = BrandKit.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new BrandKitError(`Invalid brand kit ${where}: ${problems}`);
  }
  const kit = parsed.data;
  const families = [kit.fonts.body, kit.fonts.heading].filter(
    (f): f is FontFamily => f !== undefined,
  );
  for (const family of families) {
    for (const file of Object.values(family)) {
      if (!files.has(file))
        throw new BrandKitError(`Brand kit "${kit.id}" names font ${file}, which is missing.`);
    }
  }
  return { kit, files };
}
