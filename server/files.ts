/**
 * File IO for the command line and the server: atomic writes and loading a programme from a
 * `.linjaus` or `.json` file. (The desktop app has its own storage log in electron/.)
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type * as Y from 'yjs';
import { FormatError } from '../core/format/errors';
import { readLinjausFile } from '../core/format/linjausFile';
import { parseProgrammeJson } from '../core/format/restore';
import { programmeToDoc } from '../core/model/fromProgramme';
import { origin } from '../core/model/origins';
import type { Programme } from '../core/model/schema';

/**
 * Write `bytes` to `path` so that a reader sees either the old file or the complete new one:
 * write a temporary file beside it, fsync, rename over, fsync the directory. On any error the
 * temporary file is removed and the old file is untouched.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  try {
    const dir = await open(dirname(path), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // Some file systems cannot fsync a directory; the rename itself has happened.
  }
}

/** A programme loaded from disk. */
export interface LoadedProgramme {
  readonly doc: Y.Doc;
  readonly programme: Programme;
  readonly assets: ReadonlyMap<string, Uint8Array>;
  readonly kind: 'linjaus' | 'json';
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : String(code ?? error);
    throw new FormatError('missing-entry', `cannot read the file (${why})`, path);
  }
}

/**
 * Load a `.linjaus` or `.json` programme; the extension decides, with the content sniffed when
 * it is neither. Throws {@link FormatError} with the file named.
 */
export async function loadProgrammeFile(path: string): Promise<LoadedProgramme> {
  const bytes = await readBytes(path);
  const ext = extname(path).toLowerCase();
  const looksLikeZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (ext === '.linjaus' || (ext !== '.json' && looksLikeZip)) {
    const file = readLinjausFile(bytes, { fileName: path });
    return { doc: file.doc, programme: file.programme, assets: file.assets, kind: 'linjaus' };
  }
  const programme = parseProgrammeJson(
    new TextDecoder('utf-8', { fatal: false }).decode(bytes),
    path,
  );
  return {
    doc: programmeToDoc(programme, origin('file')),
    programme,
    assets: new Map(),
    kind: 'json',
  };
}
