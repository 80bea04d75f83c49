/**
 * The `.linjaus` file: one zip a user can save, e-mail and open.
 *
 * - `manifest.json` — format version, document id, template ({@link Manifest});
 * - `content.json`  — the programme as readable JSON (the interchange format), for people and
 *                     tools; never read back as the source of truth;
 * - `state.yjs`     — the Yjs state (the truth: full CRDT history, so copies merge);
 * - `assets/…`      — logo and images.
 *
 * Reading validates everything and throws {@link FormatError}; it never returns a half-read
 * document.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import * as Y from 'yjs';
import { getDocumentId, itemsMap } from '../model/doc';
import { unknownRichNodes } from '../richtext/read';
import { getMeta } from '../model/meta';
import { origin } from '../model/origins';
import { Programme } from '../model/schema';
import { snapshot } from '../model/snapshot';
import { hasTemplate } from '../templates/registry';
import { FormatError, formatPath } from './errors';
import { LINJAUS_FILE_VERSION, Manifest } from './manifest';

/** Limits that keep a hostile file (zip bomb, huge asset) from exhausting memory. */
export const FILE_LIMITS = {
  /** Largest uncompressed entry. */
  maxEntryBytes: 64 * 1024 * 1024,
  /** Largest sum of uncompressed entries. */
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntries: 2000,
} as const;

const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** A read `.linjaus` file. */
export interface LinjausFile {
  readonly manifest: Manifest;
  readonly doc: Y.Doc;
  readonly programme: Programme;
  readonly assets: ReadonlyMap<string, Uint8Array>;
}

export interface LinjausWriteOptions {
  assets?: ReadonlyMap<string, Uint8Array>;
  /** Time written into the manifest (tests pass a fixed one). */
  now?: Date;
  generator?: string;
}

/**
 * Encode a programme as `.linjaus` bytes.
 *
 * @example
 * await writeFileAtomic('ohjelma.linjaus', writeLinjausFile(doc));
 */
export function writeLinjausFile(doc: Y.Doc, options: LinjausWriteOptions = {}): Uint8Array {
  // Never write a file that could not be opened again.
  const programme = validSnapshot(doc, 'schema', 'the document cannot be saved');
  const meta = getMeta(doc);
  const manifest: Manifest = {
    format: 'linjaus',
    formatVersion: LINJAUS_FILE_VERSION,
    documentId: programme.id,
    templateId: meta.templateId,
    title: meta.title,
    savedAt: (options.now ?? new Date()).toISOString(),
    generator: options.generator ?? 'Linjaus',
  };
  const files: Record<string, Uint8Array> = {
    'manifest.json': strToU8(JSON.stringify(manifest, null, 2)),
    'content.json': strToU8(JSON.stringify(programme, null, 2)),
    'state.yjs': Y.encodeStateAsUpdate(doc),
  };
  for (const [name, bytes] of options.assets ?? []) {
    if (!ASSET_NAME.test(name)) throw new FormatError('bad-asset', `invalid asset name "${name}"`);
    files[`assets/${name}`] = bytes;
  }
  return zipSync(files, { level: 6, mtime: new Date('2020-01-01T00:00:00Z') });
}

/** The snapshot of `doc`, validated; a problem becomes a FormatError naming its path. */
function validSnapshot(
  doc: Y.Doc,
  code: 'bad-state' | 'schema',
  what: string,
  file?: string,
): Programme {
  let result;
  try {
    result = Programme.safeParse(snapshot(doc));
  } catch (error) {
    throw new FormatError(
      code,
      `${what} (${error instanceof Error ? error.message : String(error)})`,
      file,
    );
  }
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue ? formatPath(issue.path) : '(document)';
    throw new FormatError(code, `${what}: ${path}: ${issue?.message ?? 'invalid'}`, file, path);
  }
  return result.data;
}

/** Node types in any rich-text field of `doc` that this version does not know. */
function unknownNodes(doc: Y.Doc): string[] {
  const found = new Set<string>();
  itemsMap(doc).forEach((map) => {
    map.forEach((value) => {
      if (value instanceof Y.XmlElement) unknownRichNodes(value).forEach((n) => found.add(n));
    });
  });
  return [...found];
}

function unzip(bytes: Uint8Array, file?: string): Unzipped {
  if (bytes.length === 0) throw new FormatError('empty', 'the file is empty (0 bytes)', file);
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip)
    throw new FormatError('not-zip', 'not a Linjaus file (it is not a zip archive)', file);
  let total = 0;
  let count = 0;
  const seen = new Set<string>();
  try {
    return unzipSync(bytes, {
      filter: (entry) => {
        if (seen.has(entry.name)) {
          throw new FormatError(
            'truncated',
            `the file is damaged (the entry "${entry.name}" appears twice)`,
            file,
          );
        }
        seen.add(entry.name);
        count += 1;
        total += entry.originalSize;
        if (
          count > FILE_LIMITS.maxEntries ||
          entry.originalSize > FILE_LIMITS.maxEntryBytes ||
          total > FILE_LIMITS.maxTotalBytes
        ) {
          throw new FormatError(
            'too-large',
            `the file unpacks to more than Linjaus accepts (entry "${entry.name}")`,
            file,
          );
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw new FormatError(
      'truncated',
      'the file is damaged or incomplete (the zip archive cannot be read)',
      file,
    );
  }
}

function readJson(entries: Unzipped, name: string, file?: string): unknown {
  const bytes = entries[name];
  if (!bytes) throw new FormatError('missing-entry', `the file has no ${name}`, file);
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    throw new FormatError(
      name === 'manifest.json' ? 'bad-manifest' : 'bad-json',
      `${name} is not valid JSON`,
      file,
    );
  }
}

function readManifest(entries: Unzipped, file?: string): Manifest {
  const raw = readJson(entries, 'manifest.json', file) as Record<string, unknown> | null;
  if (
    raw &&
    typeof raw === 'object' &&
    typeof raw.formatVersion === 'number' &&
    raw.formatVersion > LINJAUS_FILE_VERSION
  ) {
    throw new FormatError(
      'future-version',
      `the file was saved by a newer Linjaus (format ${raw.formatVersion}; this version reads up to ${LINJAUS_FILE_VERSION}). Update Linjaus to open it`,
      file,
      'manifest.formatVersion',
    );
  }
  const result = Manifest.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue ? formatPath(issue.path) : '';
    throw new FormatError(
      'bad-manifest',
      `manifest.json is not valid (${path}: ${issue?.message ?? 'invalid'})`,
      file,
      `manifest.${path}`,
    );
  }
  return result.data;
}

function readState(
  entries: Unzipped,
  manifest: Manifest,
  file?: string,
): { doc: Y.Doc; programme: Programme } {
  const state = entries['state.yjs'];
  if (!state)
    throw new FormatError('missing-entry', 'the file has no state.yjs (the document itself)', file);
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state, origin('file'));
  } catch {
    throw new FormatError('bad-state', 'state.yjs is damaged and cannot be read', file);
  }
  // Updates whose dependencies are missing wait invisibly in the store: the file is incomplete.
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    throw new FormatError(
      'bad-state',
      'state.yjs is incomplete (part of the document is missing)',
      file,
    );
  }
  if (getDocumentId(doc) !== manifest.documentId) {
    throw new FormatError(
      'bad-state',
      'state.yjs does not hold the document the manifest names',
      file,
    );
  }
  const unknown = unknownNodes(doc);
  if (unknown.length > 0) {
    throw new FormatError(
      'future-version',
      `the document contains content this Linjaus does not know (${unknown.join(', ')}); update Linjaus to open it`,
      file,
    );
  }
  return {
    doc,
    programme: validSnapshot(doc, 'bad-state', 'the document in state.yjs is not valid', file),
  };
}

function readAssets(entries: Unzipped, file?: string): Map<string, Uint8Array> {
  const assets = new Map<string, Uint8Array>();
  for (const [name, bytes] of Object.entries(entries)) {
    if (!name.startsWith('assets/') || name.endsWith('/')) continue;
    const base = name.slice('assets/'.length);
    if (!ASSET_NAME.test(base))
      throw new FormatError('bad-asset', `invalid asset name "${name}"`, file);
    assets.set(base, bytes);
  }
  return assets;
}

/**
 * Decode and validate `.linjaus` bytes.
 *
 * @example
 * const { doc, programme } = readLinjausFile(bytes, { fileName: 'ohjelma.linjaus' });
 */
export function readLinjausFile(
  bytes: Uint8Array,
  options: { fileName?: string } = {},
): LinjausFile {
  const file = options.fileName;
  const entries = unzip(bytes, file);
  const manifest = readManifest(entries, file);
  if (!hasTemplate(manifest.templateId)) {
    throw new FormatError(
      'unknown-template',
      `uses the template "${manifest.templateId}", which this Linjaus does not have`,
      file,
      'manifest.templateId',
    );
  }
  const { doc, programme } = readState(entries, manifest, file);
  return { manifest, doc, programme, assets: readAssets(entries, file) };
}

/**
 * Merge another copy of the same document into `doc` (CRDT merge: nothing is replaced, and
 * merging a copy into itself changes nothing — core/SPEC.md rule X1). Refuses a different
 * document, whose merge would duplicate content (rule X2).
 */
export function mergeLinjausFile(
  doc: Y.Doc,
  bytes: Uint8Array,
  options: { fileName?: string } = {},
): LinjausFile {
  const other = readLinjausFile(bytes, options);
  const id = getDocumentId(doc);
  if (id !== other.manifest.documentId) {
    throw new FormatError(
      'unrelated-documents',
      `is a different document (id ${other.manifest.documentId}, not ${id ?? 'none'}); only copies of one document can be merged`,
      options.fileName,
    );
  }
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other.doc, Y.encodeStateVector(doc)), origin('file'));
  return other;
}
