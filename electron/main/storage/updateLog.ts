/**
 * A document's append-only update log on disk. {@link UpdateLog.append} resolves only after the
 * frame is fsynced: that promise is what "saved" means in the app.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { decodeLog, encodeLogStart, encodeUpdateFrame, type LogHeader } from './frames';
import { fsyncDir, isNotFound, writeFileSynced } from './durable';

/** What opening a log found on disk. */
export interface LogReplay {
  /** Updates that were fsynced before the last stop, oldest first. */
  readonly updates: Uint8Array[];
  /** Bytes of a torn or corrupt tail that were dropped (0 after a clean stop). */
  readonly droppedBytes: number;
  /** Set when an existing log belonged to another document and was moved aside, not replayed. */
  readonly foreignLogMovedTo: string | null;
}

/** Read the updates of a log without changing it (tools, tests). Missing file → no updates. */
export async function readLog(
  file: string,
): Promise<{ header: LogHeader | null; updates: Uint8Array[] }> {
  try {
    const { header, updates } = decodeLog(new Uint8Array(await fs.readFile(file)));
    return { header, updates };
  } catch (error) {
    if (isNotFound(error)) return { header: null, updates: [] };
    throw error;
  }
}

export class UpdateLog {
  private constructor(
    readonly file: string,
    readonly documentId: string,
    private handle: fs.FileHandle,
    private startLength: number,
    private length: number,
  ) {}

  /**
   * Open (or create) the log of `documentId` at `file`. An existing log's valid updates are
   * returned for replay and its torn tail is cut off; a log of a different document is renamed
   * aside (never replayed into the wrong document, never deleted).
   */
  static async open(
    file: string,
    documentId: string,
  ): Promise<{ log: UpdateLog; replay: LogReplay }> {
    let bytes: Uint8Array | null = null;
    try {
      bytes = new Uint8Array(await fs.readFile(file));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    const start = encodeLogStart({ format: 1, documentId });
    let updates: Uint8Array[] = [];
    let droppedBytes = 0;
    let foreignLogMovedTo: string | null = null;
    let length = start.length;
    const decoded = bytes ? decodeLog(bytes) : null;
    if (decoded?.header && decoded.header.documentId === documentId) {
      updates = decoded.updates;
      droppedBytes = decoded.droppedBytes;
      length = decoded.validLength;
      if (droppedBytes > 0) await truncateSynced(file, length);
    } else {
      if (bytes && bytes.length > 0 && decoded?.header) {
        foreignLogMovedTo = `${file}.${decoded.header.documentId}.orphan`;
        await fs.rename(file, foreignLogMovedTo);
      } else if (bytes) {
        // A log without a whole header holds nothing that was reported saved.
        droppedBytes = bytes.length;
      }
      await createLog(file, start);
    }
    const handle = await fs.open(file, 'a');
    return {
      log: new UpdateLog(file, documentId, handle, start.length, length),
      replay: { updates, droppedBytes, foreignLogMovedTo },
    };
  }

  /** Bytes of updates appended since the log was last reset. */
  get pendingBytes(): number {
    return this.length - this.startLength;
  }

  /**
   * Append Yjs updates with one write and one fsync (group commit: updates that arrived while the
   * previous fsync ran share the next one). Resolves when all of them are durable.
   */
  async append(updates: readonly Uint8Array[]): Promise<void> {
    if (updates.length === 0) return;
    const frames = updates.map(encodeUpdateFrame);
    const bytes = new Uint8Array(frames.reduce((n, f) => n + f.length, 0));
    let offset = 0;
    for (const f of frames) {
      bytes.set(f, offset);
      offset += f.length;
    }
    for (let written = 0; written < bytes.length;) {
      const { bytesWritten } = await this.handle.write(bytes, written, bytes.length - written);
      written += bytesWritten;
    }
    await this.handle.datasync();
    this.length += bytes.length;
  }

  /**
   * Start the log afresh with `snapshot` (the whole document state) as its only update, after
   * the state was compacted into the document file. The log stays self-sufficient: if someone
   * else later replaces the document file, file + log still hold everything we saved. Written
   * aside and renamed; a crash before the rename replays the old log, which Yjs ignores.
   */
  async reset(snapshot: Uint8Array): Promise<void> {
    await this.handle.close();
    const start = encodeLogStart({ format: 1, documentId: this.documentId });
    const first = encodeUpdateFrame(snapshot);
    const bytes = new Uint8Array(start.length + first.length);
    bytes.set(start, 0);
    bytes.set(first, start.length);
    await createLog(this.file, bytes);
    this.handle = await fs.open(this.file, 'a');
    this.startLength = bytes.length;
    this.length = bytes.length;
  }

  /** Create a new log for `documentId` at `file` holding `snapshot`, replacing any log there. */
  static async create(file: string, documentId: string, snapshot: Uint8Array): Promise<UpdateLog> {
    const start = encodeLogStart({ format: 1, documentId });
    await createLog(file, start);
    const log = new UpdateLog(
      file,
      documentId,
      await fs.open(file, 'a'),
      start.length,
      start.length,
    );
    await log.reset(snapshot);
    return log;
  }

  /** Close the file handle; the log stays on disk. */
  async close(): Promise<void> {
    await this.handle.close();
  }

  /** Close and delete the log (its updates are in the document file). */
  async remove(): Promise<void> {
    await this.close();
    await fs.rm(this.file, { force: true });
    await fsyncDir(path.dirname(this.file));
  }
}

async function createLog(file: string, start: Uint8Array): Promise<void> {
  // Written aside and renamed so a crash never leaves a log with half a header.
  const temp = `${file}.new`;
  await writeFileSynced(temp, start);
  await fs.rename(temp, file);
  await fsyncDir(path.dirname(file));
}

async function truncateSynced(file: string, length: number): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
