/**
 * The byte layout of a document's update log (pure: no file IO here).
 *
 * ```
 * file   = MAGIC frame*
 * frame  = length:u32le  crc32(payload):u32le  payload[length]
 * payload = kind:u8  body          kind 1 = header (UTF-8 JSON), kind 2 = one Yjs update
 * ```
 *
 * A frame is appended with one `write` and then fsynced. A process killed mid-write leaves a
 * torn last frame: its length runs past the end of the file or its checksum does not match.
 * {@link decodeLog} stops at the first such frame and reports how many bytes are valid, so the
 * tail can be dropped; every frame before it was fsynced whole and is kept.
 */
import { crc32 } from './crc32';

/** First bytes of every log file: a version-tagged magic number. */
export const LOG_MAGIC = new TextEncoder().encode('LINJLOG1');
/** Frames larger than this are treated as corruption, not as a real (absurd) update. */
export const MAX_FRAME_BYTES = 256 * 1024 * 1024;

const KIND_HEADER = 1;
const KIND_UPDATE = 2;
const FRAME_OVERHEAD = 8;

/** What the first frame of a log records: which document the updates belong to. */
export interface LogHeader {
  readonly format: 1;
  readonly documentId: string;
}

/** The result of reading a log's bytes. */
export interface DecodedLog {
  /** The header, or null when the file has no valid header (then the log is unusable). */
  readonly header: LogHeader | null;
  /** Yjs updates in the order they were appended. */
  readonly updates: Uint8Array[];
  /** Length of the prefix made of whole, checksummed frames. */
  readonly validLength: number;
  /** Bytes after {@link validLength}: a torn or corrupt tail that must be dropped. */
  readonly droppedBytes: number;
}

function frame(kind: number, body: Uint8Array): Uint8Array {
  const payload = new Uint8Array(body.length + 1);
  payload[0] = kind;
  payload.set(body, 1);
  const out = new Uint8Array(FRAME_OVERHEAD + payload.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, payload.length, true);
  view.setUint32(4, crc32(payload), true);
  out.set(payload, FRAME_OVERHEAD);
  return out;
}

/** The bytes of a new log: magic and header frame. */
export function encodeLogStart(header: LogHeader): Uint8Array {
  const head = frame(KIND_HEADER, new TextEncoder().encode(JSON.stringify(header)));
  const out = new Uint8Array(LOG_MAGIC.length + head.length);
  out.set(LOG_MAGIC, 0);
  out.set(head, LOG_MAGIC.length);
  return out;
}

/** One update frame, ready to append. */
export const encodeUpdateFrame = (update: Uint8Array): Uint8Array => frame(KIND_UPDATE, update);

function parseHeader(body: Uint8Array): LogHeader | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    if (typeof value !== 'object' || value === null) return null;
    const { format, documentId } = value as Record<string, unknown>;
    if (format !== 1 || typeof documentId !== 'string' || documentId.length === 0) return null;
    return { format, documentId };
  } catch {
    return null;
  }
}

function hasMagic(bytes: Uint8Array): boolean {
  if (bytes.length < LOG_MAGIC.length) return false;
  return LOG_MAGIC.every((b, i) => bytes[i] === b);
}

/** Decode a log, stopping at the first torn or corrupt frame. */
export function decodeLog(bytes: Uint8Array): DecodedLog {
  if (!hasMagic(bytes))
    return { header: null, updates: [], validLength: 0, droppedBytes: bytes.length };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: LogHeader | null = null;
  const updates: Uint8Array[] = [];
  let offset = LOG_MAGIC.length;
  while (offset + FRAME_OVERHEAD <= bytes.length) {
    const length = view.getUint32(offset, true);
    const checksum = view.getUint32(offset + 4, true);
    const start = offset + FRAME_OVERHEAD;
    if (length === 0 || length > MAX_FRAME_BYTES || start + length > bytes.length) break;
    const payload = bytes.subarray(start, start + length);
    if (crc32(payload) !== checksum) break;
    const body = payload.subarray(1);
    if (header === null) {
      // The first frame must be the header; anything else means this is not a log we wrote.
      header = payload[0] === KIND_HEADER ? parseHeader(body) : null;
      if (header === null) break;
    } else if (payload[0] === KIND_UPDATE) {
      updates.push(body.slice());
    } else {
      break;
    }
    offset = start + length;
  }
  const validLength = header === null ? 0 : offset;
  return { header, updates, validLength, droppedBytes: bytes.length - validLength };
}
