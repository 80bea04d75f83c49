/** Workshop clients in Node (real Hocuspocus providers over `ws`), and waiting for conditions. */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connectWorkshop, participantColour, type Workshop } from '../../../renderer/collab';

export interface TestClient {
  name: string;
  doc: Y.Doc;
  workshop: Workshop;
}

/** Join `documentId` on the server at `wsUrl` with `token`, starting from `doc` (empty by default). */
export function join(
  wsUrl: string,
  documentId: string,
  token: string,
  name: string,
  doc = new Y.Doc(),
): TestClient {
  const workshop = connectWorkshop({
    url: wsUrl,
    documentId,
    token,
    doc,
    user: { name, colour: participantColour(name) },
    WebSocketPolyfill: WebSocket,
    reconnectDelayMs: 50,
    resyncIntervalMs: 250,
  });
  return { name, doc, workshop };
}

/**
 * Resolve when `condition()` holds, checking every 10 ms; reject with `what` after `timeoutMs`.
 * The timeout only bounds a hang; no test asserts on timing.
 */
export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A replica's state in canonical bytes. Replicas hold the same content but may split or merge
 * structs differently depending on delivery order; reloading from its own encoding normalises
 * that (core/SPEC.md C1), so equal content gives byte-identical output.
 */
export function canonicalBytes(doc: Y.Doc): Uint8Array {
  const reloaded = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(doc));
  const bytes = Y.encodeStateAsUpdate(reloaded);
  reloaded.destroy();
  return bytes;
}

export const stateOf = (doc: Y.Doc): string => Buffer.from(canonicalBytes(doc)).toString('base64');

/** True when every doc has the same state vector and the same encoded state. */
export function converged(docs: Y.Doc[]): boolean {
  const first = docs[0];
  if (!first) return true;
  const sv = Buffer.from(Y.encodeStateVector(first)).toString('base64');
  return (
    docs.every((doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64') === sv) &&
    docs.every((doc) => stateOf(doc) === stateOf(first))
  );
}

export const online = (client: TestClient): boolean =>
  client.workshop.status().connection === 'online';
