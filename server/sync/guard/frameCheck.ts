/**
 * Structural check of one client→server Hocuspocus frame, before Hocuspocus sees it. A frame
 * passes only if it is a message type a client may send, every field decodes, Yjs payloads
 * decode as updates / state vectors, and nothing trails the last field. Hocuspocus itself would
 * queue unparsable pre-auth frames forever or throw deep inside a handler.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Hocuspocus message types (`@hocuspocus/server` MessageType), as sent by clients. */
export const enum FrameType {
  Sync = 0,
  Awareness = 1,
  Auth = 2,
  QueryAwareness = 3,
  SyncReply = 4,
  Stateless = 5,
  BroadcastStateless = 6,
  Close = 7,
}

/** One entry of an awareness update: a client's state (null: the client left) and its clock. */
export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  /** The state as sent (JSON text), passed on unchanged. */
  readonly json: string;
  readonly state: unknown;
}

/** What a valid frame is. */
export interface FrameInfo {
  readonly documentName: string;
  readonly type: FrameType;
  /** Sync sub-type: 0 step 1, 1 step 2, 2 update. */
  readonly syncType?: number;
  /** Awareness frames: the entries. */
  readonly awareness?: readonly AwarenessEntry[];
}

export interface FrameLimits {
  /** Longest awareness state (JSON characters) one client may publish. */
  readonly maxAwarenessState: number;
  /** Longest stateless payload. */
  readonly maxStateless: number;
}

export const DEFAULT_FRAME_LIMITS: FrameLimits = { maxAwarenessState: 8192, maxStateless: 4096 };

/**
 * Entries one awareness frame may carry. Providers relay every awareness change they receive
 * (other participants' states included) back to the server, so a frame may hold one entry per
 * participant; the frame size cap bounds the total.
 */
const MAX_AWARENESS_ENTRIES = 1024;

export class FrameError extends Error {}
/** A well-formed frame of a type clients may not send. */
export class ForbiddenFrame extends FrameError {}

function checkAwareness(bytes: Uint8Array, limits: FrameLimits): AwarenessEntry[] {
  const decoder = decoding.createDecoder(bytes);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_AWARENESS_ENTRIES) throw new FrameError('too many awareness entries');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (json.length > limits.maxAwarenessState) throw new FrameError('awareness state too large');
    entries.push({ clientId, clock, json, state: JSON.parse(json) as unknown });
  }
  if (decoding.hasContent(decoder)) throw new FrameError('trailing bytes in awareness update');
  return entries;
}

function checkSync(decoder: decoding.Decoder): number {
  const syncType = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (syncType === 0) Y.decodeStateVector(payload);
  else if (syncType === 1 || syncType === 2) Y.decodeUpdate(payload);
  else throw new FrameError(`unknown sync type ${syncType}`);
  return syncType;
}

/**
 * Decode a frame; throws {@link FrameError} (or a decoding error) when it is malformed or of a
 * type clients may not send.
 */
export function checkFrame(
  data: Uint8Array,
  limits: FrameLimits = DEFAULT_FRAME_LIMITS,
): FrameInfo {
  const decoder = decoding.createDecoder(data);
  const documentName = decoding.readVarString(decoder);
  if (documentName.length === 0 || documentName.length > 128)
    throw new FrameError('bad document name');
  const type = decoding.readVarUint(decoder) as FrameType;
  let syncType: number | undefined;
  let awareness: AwarenessEntry[] | undefined;
  switch (type) {
    case FrameType.Sync:
    case FrameType.SyncReply:
      syncType = checkSync(decoder);
      break;
    case FrameType.Awareness:
      awareness = checkAwareness(decoding.readVarUint8Array(decoder), limits);
      break;
    case FrameType.Auth: {
      const authType = decoding.readVarUint(decoder);
      if (authType !== 0) throw new FrameError('clients only send token auth messages');
      if (decoding.readVarString(decoder).length > 512) throw new FrameError('token too long');
      break;
    }
    case FrameType.Stateless:
      if (decoding.readVarString(decoder).length > limits.maxStateless)
        throw new FrameError('stateless too large');
      break;
    case FrameType.QueryAwareness:
    case FrameType.Close:
      break;
    default:
      // BroadcastStateless would let any client forge server notices to everyone; SyncStatus and
      // unknown types are server→client only.
      throw new ForbiddenFrame(`message type ${String(type)} is not accepted from clients`);
  }
  if (decoding.hasContent(decoder)) throw new FrameError('trailing bytes');
  if (syncType !== undefined) return { documentName, type, syncType };
  if (awareness !== undefined) return { documentName, type, awareness };
  return { documentName, type };
}

/** An awareness frame for `documentName` carrying `entries` (as {@link checkFrame} read them). */
export function awarenessFrame(
  documentName: string,
  entries: readonly AwarenessEntry[],
): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, entry.json);
  }
  const outer = encoding.createEncoder();
  encoding.writeVarString(outer, documentName);
  encoding.writeVarUint(outer, FrameType.Awareness);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

/**
 * The Yjs update in a sync step 2 or update frame (a frame {@link checkFrame} accepted), or null
 * for every other frame.
 */
export function syncUpdateOf(data: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(data);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== FrameType.Sync && type !== FrameType.SyncReply) return null;
  const syncType = decoding.readVarUint(decoder);
  if (syncType !== 1 && syncType !== 2) return null;
  return decoding.readVarUint8Array(decoder);
}
