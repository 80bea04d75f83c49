/**
 * One append-only update log per document. Each record is `[u32 length][u32 crc32][update]`
 * (little-endian). Appends are fsynced before they are reported stored; a torn or corrupt tail
 * (a crash mid-append) is cut off on open — it was never reported stored. Compaction writes the
 * merged state as a single record to a temporary file, fsyncs it, renames it over the log and
 * fsyncs the directory, so at every instant either the old or the new log is complete.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';

const HEADER = 8;
/** A record larger than this is treated as corruption (the server caps frames far below it). */
const MAX_RECORD = 256 * 1024 * 1024;

/** What reading a log found. */
export interface LogContents {
  readonly updates: Uint8Array[];
  /** Bytes of intact records. */
  readonly validBytes: number;
  /** Bytes cut off the tail because they were torn or corrupt. */
  readonly droppedBytes: number;
}

/** Encode one record. */
export function encodeRecord(update: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(HEADER + update.length);
  out.writeUInt32LE(update.length, 0);
  out.writeUInt32LE(crc32(update), 4);
  out.set(update, HEADER);
  return out;
}

/** Parse records until the end or the first torn/corrupt one. */
export function decodeRecords(bytes: Uint8Array): LogContents {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const updates: Uint8Array[] = [];
  let offset = 0;
  while (offset + HEADER <= buffer.length) {
    const length = buffer.readUInt32LE(offset);
    const sum = buffer.readUInt32LE(offset + 4);
    const end = offset + HEADER + length;
    if (length > MAX_RECORD || end > buffer.length) break;
    const update = buffer.subarray(offset + HEADER, end);
    if (crc32(update) !== sum) break;
    updates.push(new Uint8Array(update));
    offset = end;
  }
  return { updates, validBytes: offset, droppedBytes: buffer.length - offset };
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** An open log file. Not safe for concurrent use: callers serialise (see `EmbeddedStorage`). */
export class UpdateLog {
  private constructor(
    readonly file: string,
    private handle: fs.FileHandle,
    private size: number,
  ) {}

  /** Open (creating if needed) the log at `file`, reading what it holds and cutting a bad tail. */
  static async open(file: string): Promise<{ log: UpdateLog; contents: LogContents }> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    // A crash during compaction can leave a temporary file behind; the log itself is intact.
    await fs.rm(`${file}.tmp`, { force: true });
    const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return Buffer.alloc(0);
      throw error;
    });
    const contents = decodeRecords(bytes);
    const handle = await fs.open(file, 'a+');
    if (contents.droppedBytes > 0) {
      await handle.truncate(contents.validBytes);
      await handle.sync();
    }
    return { log: new UpdateLog(file, handle, contents.validBytes), contents };
  }

  /** Bytes in the log. */
  get bytes(): number {
    return this.size;
  }

  /** Append updates as records and fsync; resolves when they are durable. */
  async append(updates: readonly Uint8Array[]): Promise<void> {
    if (updates.length === 0) return;
    const chunk = Buffer.concat(updates.map(encodeRecord));
    await this.handle.write(chunk, 0, chunk.length);
    await this.handle.sync();
    this.size += chunk.length;
  }

  /** Replace the log by one record holding `state` (the merged document state). */
  async compact(state: Uint8Array): Promise<void> {
    const tmp = `${this.file}.tmp`;
    const record = encodeRecord(state);
    const out = await fs.open(tmp, 'w');
    try {
      await out.write(record, 0, record.length);
      await out.sync();
    } finally {
      await out.close();
    }
    await fs.rename(tmp, this.file);
    await fsyncDir(path.dirname(this.file));
    await this.handle.close();
    this.handle = await fs.open(this.file, 'a+');
    this.size = record.length;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
