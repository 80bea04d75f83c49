/**
 * Reads a brand kit folder (templates/brands/<id>/ or any folder with a brand.json) into a
 * {@link LoadedBrand}: the validated kit plus the bytes of exactly the files it names. The
 * Node-only half of brand handling; `core/pdf` gets bytes and never a path.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BrandKitError,
  loadBrand,
  type FallbackFont,
  type LoadedBrand,
} from '../../core/pdf/index';

/** The folder holding the bundled brand kits. */
export const BRANDS_DIR = fileURLToPath(new URL('../../templates/brands/', import.meta.url));
/** The emoji font tried last for characters brand fonts lack. */
export const FALLBACK_FONT = path.join(BRANDS_DIR, '_shared', 'NotoEmoji-Regular.ttf');

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** The folder of a kit given as a folder path or a bundled kit id. */
export async function resolveBrandDir(kitDirOrId: string): Promise<string> {
  if (/^[a-z0-9][a-z0-9_-]{0,63}$/.test(kitDirOrId)) {
    const bundled = path.join(BRANDS_DIR, kitDirOrId);
    if (await isDirectory(bundled)) return bundled;
  }
  if (await isDirectory(kitDirOrId)) return path.resolve(kitDirOrId);
  throw new BrandKitError(
    `No brand kit "${kitDirOrId}": give a bundled kit id (${(await bundledBrandIds()).join(', ')}) or a folder with a brand.json.`,
  );
}

/** Ids of the kits in templates/brands/. */
export async function bundledBrandIds(): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const entries = await readdir(BRANDS_DIR, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
    .map((e) => e.name)
    .sort();
}

/**
 * Loads and validates a brand kit.
 * @throws {@link BrandKitError} naming the kit and what is wrong.
 */
export async function loadBrandKit(kitDirOrId: string): Promise<LoadedBrand> {
  const dir = await resolveBrandDir(kitDirOrId);
  const jsonPath = path.join(dir, 'brand.json');
  let json: unknown;
  try {
    json = JSON.parse(await readFile(jsonPath, 'utf8'));
  } catch (error) {
    throw new BrandKitError(
      `Cannot read ${jsonPath}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const names = new Set<string>();
  const raw = json as {
    fonts?: Record<string, Record<string, unknown>>;
    logo?: { file?: unknown };
    coverImage?: { file?: unknown };
  };
  for (const family of Object.values(raw.fonts ?? {}))
    for (const f of Object.values(family ?? {})) if (typeof f === 'string') names.add(f);
  if (typeof raw.logo?.file === 'string') names.add(raw.logo.file);
  if (typeof raw.coverImage?.file === 'string') names.add(raw.coverImage.file);
  const files = new Map<string, Uint8Array>();
  for (const name of names) {
    const full = path.resolve(dir, name);
    if (!full.startsWith(dir + path.sep)) continue; // the schema rejects it with a clear message
    try {
      files.set(name, new Uint8Array(await readFile(full)));
    } catch {
      // A missing logo or cover image is a warning at export; a missing font is an error in loadBrand.
    }
  }
  return loadBrand(json, files, jsonPath);
}

/**
 * The bundled fallback fonts, in the order they are tried: Source Sans 3 (from the default kit:
 * broad Latin, Greek, Cyrillic, sub- and superscripts, arrows) and Noto Emoji. Fonts that are not
 * installed are left out.
 */
export async function loadFallbackFonts(): Promise<FallbackFont[]> {
  const read = async (file: string): Promise<Uint8Array | null> => {
    try {
      return new Uint8Array(await readFile(file));
    } catch {
      return null;
    }
  };
  const fonts: FallbackFont[] = [];
  const dir = path.join(BRANDS_DIR, 'default', 'fonts');
  const [normal, bold, italics, bolditalics] = await Promise.all(
    ['Regular', 'SemiBold', 'Italic', 'SemiBoldItalic'].map((s) =>
      read(path.join(dir, `SourceSans3-${s}.ttf`)),
    ),
  );
  if (normal && bold && italics && bolditalics) fonts.push({ normal, bold, italics, bolditalics });
  const emoji = await read(FALLBACK_FONT);
  if (emoji) fonts.push(emoji);
  return fonts;
}
