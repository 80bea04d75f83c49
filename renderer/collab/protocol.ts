/**
 * The one message Linjaus adds on top of the Hocuspocus protocol: the server's "stored" notice.
 *
 * Hocuspocus acknowledges an update when it has been applied in memory, before it is stored
 * (saves are debounced). So the server sends, after each durable write, a stateless message
 * holding the Yjs snapshot (state vector + delete set) of what is now stored. A client compares it
 * with its own local updates (`Y.snapshotContainsUpdate`): when every local update is contained,
 * its work is on the server's disk — that, and only that, is "saved" (docs/sync.md).
 *
 * Pure and DOM-free: the server imports it too, so both ends share one codec.
 */
import * as Y from 'yjs';

/** Stateless payload type of the server's notice. */
export const STORED_NOTICE = 'linjaus.stored';
/** Stateless payload type a client sends to ask for the latest stored snapshot. */
export const STORED_QUERY = 'linjaus.stored?';
/** Stateless payload type of the server's notice that this client's access was revoked. */
export const REVOKED_NOTICE = 'linjaus.revoked';

/** A decoded "stored" notice. */
export interface StoredNotice {
  readonly type: typeof STORED_NOTICE;
  /** Snapshot of the stored state; everything it contains is durable. */
  readonly snapshot: Y.Snapshot;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Encode a "stored" notice for an encoded snapshot (`Y.encodeSnapshot`). */
export function encodeStoredNotice(encodedSnapshot: Uint8Array): string {
  return JSON.stringify({ t: STORED_NOTICE, s: toBase64(encodedSnapshot) });
}

/** The stateless query a client sends after it has synced. */
export function encodeStoredQuery(): string {
  return JSON.stringify({ t: STORED_QUERY });
}

/** The kind of a stateless payload, or null when it is not one of ours. */
export function statelessKind(payload: string): string | null {
  try {
    const value: unknown = JSON.parse(payload);
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { t?: unknown }).t === 'string'
    ) {
      return (value as { t: string }).t;
    }
  } catch {
    // Not JSON: not one of ours.
  }
  return null;
}

/** Decode a "stored" notice; null for anything else or anything malformed. */
export function decodeStoredNotice(payload: string): StoredNotice | null {
  try {
    const value = JSON.parse(payload) as { t?: unknown; s?: unknown };
    if (value.t !== STORED_NOTICE || typeof value.s !== 'string') return null;
    return { type: STORED_NOTICE, snapshot: Y.decodeSnapshot(fromBase64(value.s)) };
  } catch {
    return null;
  }
}
