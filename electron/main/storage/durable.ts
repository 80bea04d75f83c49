/**
 * Durable file primitives: every write that the app reports as saved goes through here.
 *
 * The atomic replace follows the classic recipe — write a temp file in the same folder, fsync it,
 * keep the previous version as a backup, rename over the target, fsync the folder — so the target
 * path always holds either the complete old version or the complete new one.
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';

/** fsync a directory so a rename or create inside it survives a power cut. */
export async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for syncing; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Write `bytes` to a new file and fsync it before returning. */
export async function writeFileSynced(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'w', 0o644);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** True when `file` exists (any kind of entry). */
export async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** True for the "no such file" error of Node's fs. */
export const isNotFound = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === 'ENOENT';

/** The sidecar files of a document file, all in its folder. */
export interface SidecarPaths {
  readonly file: string;
  /** The update log (appended with fsync, replayed on open, reset after compaction). */
  readonly log: string;
  /** The previous version while a new one is being put in place. */
  readonly backup: string;
}

/** Sidecar paths next to `file`, e.g. `Ohjelma.linjaus` → `.Ohjelma.linjaus.log`. */
export function sidecarPaths(file: string): SidecarPaths {
  const dir = path.dirname(file);
  const base = path.basename(file);
  return { file, log: path.join(dir, `.${base}.log`), backup: path.join(dir, `.${base}.bak`) };
}

/**
 * Replace `file` with `bytes` atomically, keeping the previous version at `backup` until the
 * new one is complete and durable. `beforeRename` runs after the temp file is durable and right
 * before the switch (the store checks there for a concurrent change on disk); if it throws,
 * nothing is replaced.
 */
export async function atomicReplace(
  file: string,
  bytes: Uint8Array,
  options: { backup: string; beforeRename?: () => Promise<void> },
): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFileSynced(temp, bytes);
    await options.beforeRename?.();
    const hadPrevious = await exists(file);
    if (hadPrevious) {
      await fs.rm(options.backup, { force: true });
      await linkOrCopy(file, options.backup);
      await fsyncDir(dir);
    }
    await fs.rename(temp, file);
    await fsyncDir(dir);
    if (hadPrevious) await fs.rm(options.backup, { force: true });
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * Remove what an interrupted {@link atomicReplace} of `file` left behind: temp files, and the
 * backup once `file` itself was read successfully. Only this app writes these names.
 */
export async function removeLeftovers(
  file: string,
  options: { backup?: string } = {},
): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  for (const name of await fs.readdir(dir)) {
    if (name.startsWith(prefix) && name.endsWith('.tmp'))
      await fs.rm(path.join(dir, name), { force: true });
  }
  if (options.backup) await fs.rm(options.backup, { force: true });
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    // A hard link is instant and needs no extra space; some synced or network folders refuse it.
    await fs.link(from, to);
  } catch {
    await fs.copyFile(from, to);
    const handle = await fs.open(to, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}
