/**
 * Fonts for the PDF: the kit's TTF families, plus a fallback family (emoji) for characters the
 * brand font lacks, and the glyph coverage the definition uses to decide which characters need
 * the fallback or a warning.
 */
import { create } from 'fontkit';
import type { FontFamily, LoadedBrand } from './schema';

/** One font family as bytes, in the four styles pdfmake asks for. */
export interface FontBytes {
  normal: Uint8Array;
  bold: Uint8Array;
  italics: Uint8Array;
  bolditalics: Uint8Array;
}
/** Font families by name, as {@link renderPdf} embeds them. */
export type PdfFonts = Record<string, FontBytes>;

/** Family names used in document definitions. */
export const FONT = { body: 'Body', heading: 'Heading' } as const;

/** The family name of the `index`-th fallback font ("Fallback1", "Fallback2" …). */
export const fallbackFamily = (index: number): string => `Fallback${index + 1}`;

/** A fallback font: a family in four styles, or one file used for every style (emoji). */
export type FallbackFont = FontBytes | Uint8Array;

/** The regular-style bytes of a fallback font (what its glyph coverage is read from). */
export const fallbackBytes = (font: FallbackFont): Uint8Array =>
  font instanceof Uint8Array ? font : font.normal;

/** Which code points a font can draw. */
export interface GlyphCoverage {
  has(codePoint: number): boolean;
}

const coverageCache = new WeakMap<Uint8Array, GlyphCoverage>();

/** The code points a TTF font has glyphs for (cached per byte array). */
export function glyphCoverage(bytes: Uint8Array): GlyphCoverage {
  const cached = coverageCache.get(bytes);
  if (cached) return cached;
  const coverage = new Set(create(bytes).characterSet);
  coverageCache.set(bytes, coverage);
  return coverage;
}

function familyBytes(brand: LoadedBrand, family: FontFamily): FontBytes {
  const get = (name: string): Uint8Array => {
    const bytes = brand.files.get(name);
    if (!bytes) throw new Error(`Brand kit "${brand.kit.id}" lacks font file ${name}.`);
    return bytes;
  };
  return {
    normal: get(family.normal),
    bold: get(family.bold),
    italics: get(family.italics),
    bolditalics: get(family.bolditalics),
  };
}

/**
 * The font families of a brand (Body, Heading = Body when the kit has none) and the fallback
 * fonts, in order, as Fallback1, Fallback2 …
 */
export function brandFonts(brand: LoadedBrand, fallbacks: readonly FallbackFont[] = []): PdfFonts {
  const body = familyBytes(brand, brand.kit.fonts.body);
  const heading = brand.kit.fonts.heading ? familyBytes(brand, brand.kit.fonts.heading) : body;
  const fonts: PdfFonts = { [FONT.body]: body, [FONT.heading]: heading };
  fallbacks.forEach((font, i) => {
    fonts[fallbackFamily(i)] =
      font instanceof Uint8Array
        ? { normal: font, bold: font, italics: font, bolditalics: font }
        : font;
  });
  return fonts;
}
