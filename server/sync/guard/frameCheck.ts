/**
 * Structural check of one client→server Hocuspocus frame, before Hocuspocus sees it. A frame
 * passes only if it is a message type a client may send, every field decodes, Yjs payloads
 * decode as updates / state vectors, and nothing trails the last field. Hocuspocus itself would
 * queue unparsable pre-auth frames forever or throw deep inside a handler.
 */
import * as decoding from 'lib0/decoding';
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

/** What a valid frame is. */
export interface FrameInfo {
  readonly documentName: string;
  readonly type: FrameType;
  /** Sync sub-type: 0 step 1, 1 step 2, 2 update. */
  readonly syncType?: number;
}

export interface FrameLimits {
  /** Longest awareness state (JSON characters) one client may publish. */
  readonly maxAwarenessState: number;
  /** Longest stateless payload. */
  readonly maxStateless: number;
}

export const DEFAULT_FRAME_LIMITS: FrameLimits = { maxAwarenessState: 8192, maxStateless: 4096 };

export class FrameError extends Error {}
/** A well-formed frame of a type clients may not send. */
export class ForbiddenFrame extends FrameError {}

function checkAwareness(bytes: Uint8Array, limits: FrameLimits): void {
  const decoder = decoding.createDecoder(bytes);
  const count = decoding.readVarUint(decoder);
  if (count > 16) throw new FrameError('too many awareness entries');
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    if (state.length > limits.maxAwarenessState) throw new FrameError('awareness state too large');
    JSON.parse(state);
  }
  if (decoding.hasContent(decoder)) throw new FrameError('trailing bytes in awareness update');
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
  switch (type) {
    case FrameType.Sync:
    case FrameType.SyncReply:
      syncType = checkSync(decoder);
      break;
    case FrameType.Awareness:
      checkAwareness(decoding.readVarUint8Array(decoder), limits);
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
  return syncType === undefined ? { documentName, type } : { documentName, type, syncType };
}
