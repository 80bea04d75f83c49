/** A bare WebSocket speaking (or mangling) the Hocuspocus protocol, for access and fuzz tests. */
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';

export interface RawClient {
  readonly ws: WebSocket;
  /** Resolves when open; rejects with the HTTP status when the upgrade is refused. */
  readonly opened: Promise<void>;
  /** Resolves with the close code and reason. */
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly received: Buffer[];
  send(frame: Uint8Array): void;
}

export function openRaw(url: string, headers: Record<string, string> = {}): RawClient {
  const ws = new WebSocket(url, { headers });
  const received: Buffer[] = [];
  ws.on('message', (data: Buffer) => received.push(data));
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_request, response) =>
      reject(new Error(`HTTP ${String(response.statusCode)}`)),
    );
    ws.once('error', reject);
  });
  opened.catch(() => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return { ws, opened, closed, received, send: (frame) => ws.send(frame) };
}

function frame(documentName: string, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, documentName);
  write(e);
  return encoding.toUint8Array(e);
}

export const authFrame = (doc: string, token: string) =>
  frame(doc, (e) => {
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
  });

export const syncStep1Frame = (doc: string, stateVector: Uint8Array) =>
  frame(doc, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint8Array(e, stateVector);
  });

export const updateFrame = (doc: string, update: Uint8Array) =>
  frame(doc, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });

export const queryAwarenessFrame = (doc: string) => frame(doc, (e) => encoding.writeVarUint(e, 3));

export const broadcastStatelessFrame = (doc: string, payload: string) =>
  frame(doc, (e) => {
    encoding.writeVarUint(e, 6);
    encoding.writeVarString(e, payload);
  });
