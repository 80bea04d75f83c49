/**
 * Joining: with a code, ask the server for a personal token bound to the participant's name
 * (`POST /api/v1/join`); with an old token link, use its token. Then fetch the workshop's
 * document into this browser's storage, remember the connection for the document, and open it
 * (the session extension then connects). Codes and tokens leave the address bar as soon as the
 * join screen opens.
 */
import * as Y from 'yjs';
import { getDocumentId } from '../../core';
import {
  connectWorkshop,
  webSocketUrlOf,
  workshopApi,
  WorkshopApiError,
  type WorkshopRole,
  type WorkshopStatus,
} from '../collab';
import { currentPlatform } from '../platform/current';
import { storeNewDocument } from '../session/DocumentSession';
import type { JoinTarget } from './joinCode';
import { ownColour, saveConfig, saveName } from './storage';

/** Why a join failed, for the message the user sees. */
export type JoinFailure =
  | { kind: 'denied'; reason: string | null }
  | { kind: 'api'; code: string; retryAfterSeconds: number | null }
  | { kind: 'empty' }
  | { kind: 'wrong-document' }
  /** The server gave a token, but the document's connection did not come up in time. */
  | { kind: 'no-connection' }
  /** The participant cancelled. */
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

export class JoinError extends Error {
  constructor(readonly failure: JoinFailure) {
    super(failure.kind);
  }
}

/**
 * How long the first sync may take after the server handed out the token. The WebSocket may never
 * get through (upgrade refused with 429/503, a proxy without WebSockets, the server gone between
 * the two requests) and the provider would retry for ever.
 */
export const FIRST_SYNC_TIMEOUT_MS = 15_000;

/** Options of {@link joinWorkshop}. */
export interface JoinOptions {
  /** Give up when the first sync has not come in this time (ms). */
  readonly firstSyncTimeoutMs?: number;
  /** Cancels the join (the connection is closed, `JoinError` `cancelled` thrown). */
  readonly signal?: AbortSignal;
  /** A WebSocket class where there is no global one (Node: `ws`). */
  readonly WebSocketPolyfill?: unknown;
}

/** Wait until the first sync or a refusal; a `JoinError` when it takes too long or is cancelled. */
function firstSync(
  subscribe: (l: () => void) => () => void,
  status: () => WorkshopStatus,
  timeoutMs: number,
  signal: AbortSignal | undefined,
) {
  return new Promise<WorkshopStatus>((resolve, reject) => {
    const done = () => {
      off();
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const check = () => {
      const s = status();
      if (s.connection === 'online' || s.connection === 'denied') {
        done();
        resolve(s);
      }
    };
    const onAbort = () => {
      done();
      reject(new JoinError({ kind: 'cancelled' }));
    };
    const timer = setTimeout(() => {
      done();
      reject(new JoinError({ kind: 'no-connection' }));
    }, timeoutMs);
    const off = subscribe(check);
    signal?.addEventListener('abort', onAbort);
    if (signal?.aborted) onAbort();
    else check();
  });
}

interface Credentials {
  readonly documentId: string;
  readonly token: string;
  /** Known from the join answer; read from the server's answer to the token otherwise. */
  readonly role: WorkshopRole | null;
  /** The name bound to the token (a code join), which awareness must publish exactly. */
  readonly boundName: string | null;
}

async function credentialsFor(target: JoinTarget, name: string): Promise<Credentials> {
  if (target.kind === 'token')
    return { documentId: target.documentId, token: target.token, role: null, boundName: null };
  try {
    const answer = await workshopApi(target.serverUrl).join(target.code, name);
    return {
      documentId: answer.documentId,
      token: answer.token,
      role: answer.role,
      boundName: answer.name,
    };
  } catch (error) {
    if (error instanceof WorkshopApiError)
      throw new JoinError({
        kind: 'api',
        code: error.code,
        retryAfterSeconds: error.retryAfterSeconds,
      });
    throw error;
  }
}

/** Where {@link fetchWorkshopDocument} connects, and as whom. */
export interface FetchTarget {
  /** `http(s)://host:port` this client talks to (the WebSocket is derived from it). */
  readonly serverUrl: string;
  readonly documentId: string;
  readonly token: string;
  /** The awareness name: exactly the token's label when the server bound one. */
  readonly name: string;
}

/**
 * Fetch a workshop's document fresh from the server into a new, empty Y.Doc and hand it to
 * `keep` (which stores it) once the first sync came in and the document is the one asked for;
 * the connection and the Y.Doc are closed afterwards. Throws `JoinError` (refused, empty, wrong
 * document, no connection in time, cancelled) before `keep` runs.
 */
export async function fetchWorkshopDocument<T>(
  target: FetchTarget,
  options: JoinOptions,
  keep: (doc: Y.Doc, status: WorkshopStatus) => Promise<T>,
): Promise<T> {
  const doc = new Y.Doc();
  const workshop = connectWorkshop({
    url: webSocketUrlOf(target.serverUrl),
    documentId: target.documentId,
    token: target.token,
    doc,
    user: { name: target.name, colour: ownColour() },
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
  });
  try {
    const status = await firstSync(
      workshop.subscribe,
      workshop.status,
      options.firstSyncTimeoutMs ?? FIRST_SYNC_TIMEOUT_MS,
      options.signal,
    );
    if (status.connection === 'denied')
      throw new JoinError({ kind: 'denied', reason: status.deniedReason });
    const id = getDocumentId(doc);
    if (id === null) throw new JoinError({ kind: 'empty' });
    if (id !== target.documentId) throw new JoinError({ kind: 'wrong-document' });
    return await keep(doc, status);
  } finally {
    workshop.destroy();
    doc.destroy();
  }
}

/** Join and return the local document id; throws `JoinError`. */
export async function joinWorkshop(
  target: JoinTarget,
  typedName: string,
  options: JoinOptions = {},
): Promise<string> {
  const credentials = await credentialsFor(target, typedName);
  if (options.signal?.aborted) throw new JoinError({ kind: 'cancelled' });
  const name = credentials.boundName ?? typedName;
  saveName(name);
  const { documentId, token } = credentials;
  return fetchWorkshopDocument(
    { serverUrl: target.serverUrl, documentId, token, name },
    options,
    async (doc, status) => {
      saveConfig(documentId, {
        serverUrl: target.serverUrl,
        token,
        role: credentials.role ?? (status.access === 'editor' ? 'editor' : 'viewer'),
        isHost: false,
        ...(credentials.boundName !== null ? { boundName: credentials.boundName } : {}),
      });
      await storeNewDocument(currentPlatform(), doc);
      return documentId;
    },
  );
}
