/**
 * The workshop client against a real sync server on port 0: the HTTP API as a host and a
 * participant use it (invite → join by code → participant list → revoke; the errors each case
 * gives), and `connectWorkshop` giving a borrowed awareness back intact when it leaves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocumentId } from '../../core';
import {
  connectWorkshop,
  workshopApi,
  WorkshopApiError,
  type Workshop,
} from '../../renderer/collab';
import { startSyncServer, type SyncServer } from '../../server/sync/server';
import { newProgramme } from '../fixtures/electron/programmes';

const HOUR = 3_600_000;
const dir = mkdtempSync(path.join(os.tmpdir(), 'linjaus-ws-client-'));
let server: SyncServer;

beforeAll(async () => {
  server = await startSyncServer({ dataDir: dir, port: 0 });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The error a call failed with (the test fails when it did not fail). */
async function failure(call: Promise<unknown>): Promise<WorkshopApiError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkshopApiError);
  return error as WorkshopApiError;
}

const connect = (
  documentId: string,
  token: string,
  doc: Y.Doc,
  name: string,
  awareness?: Awareness,
) =>
  connectWorkshop({
    url: server.wsUrl,
    documentId,
    token,
    doc,
    user: { name, colour: '#1f5fa8' },
    WebSocketPolyfill: WebSocket,
    reconnectDelayMs: 50,
    ...(awareness ? { awareness } : {}),
  });

describe('workshopApi', () => {
  it('lets a host invite by code, a participant join with a name, and the host list and revoke them', async () => {
    const doc = 'api-flow';
    const { token: hostToken, record } = await server.mintToken(doc, 'editor', HOUR, 'Aino', {
      host: true,
    });
    const api = workshopApi(server.url);

    const invite = await api.createInvite(doc, hostToken, 'viewer');
    expect(invite.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(invite.display).toBe(`${invite.code.slice(0, 4)}-${invite.code.slice(4)}`);
    expect(invite.role).toBe('viewer');

    // Typed as people type it: lower case, with the dash.
    const joined = await api.join(invite.display.toLowerCase(), 'Bertil');
    expect(joined).toMatchObject({ documentId: doc, role: 'viewer', name: 'Bertil' });

    const list = await api.participants(doc, hostToken);
    expect(list.map((p) => [p.tokenId, p.name, p.role, p.host, p.revoked])).toEqual(
      expect.arrayContaining([
        [record.id, 'Aino', 'editor', true, false],
        [joined.tokenId, 'Bertil', 'viewer', false, false],
      ]),
    );

    await api.revoke(doc, hostToken, joined.tokenId);
    const after = await api.participants(doc, hostToken);
    expect(after.find((p) => p.tokenId === joined.tokenId)?.revoked).toBe(true);
    expect((await failure(api.revoke(doc, hostToken, record.id))).code).toBe('self');

    expect(await api.end(doc, hostToken)).toBeGreaterThan(0);
    expect((await failure(api.join(invite.code, 'Cecilia'))).code).toBe('unknown-code');
  });

  it('says why: not a host token, unknown token, bad name, unknown code, and no server at all', async () => {
    const doc = 'api-errors';
    const { token: editor } = await server.mintToken(doc, 'editor', HOUR, 'Eero');
    const { token: host } = await server.mintToken(doc, 'editor', HOUR, '', { host: true });
    const api = workshopApi(server.url);
    const forbidden = await failure(api.participants(doc, editor));
    expect([forbidden.code, forbidden.status]).toEqual(['forbidden', 403]);
    const other = await failure(api.participants('another-doc', host));
    expect(other.code).toBe('forbidden');
    const bogus = `lj1.${'x'.repeat(16)}.${'y'.repeat(43)}`;
    expect((await failure(api.createInvite(doc, bogus, 'editor'))).code).toBe('unauthorized');
    const invite = await api.createInvite(doc, host, 'editor');
    expect((await failure(api.join(invite.code, '  '))).code).toBe('name');
    expect((await failure(api.join('ZZZZ-ZZZZ', 'Eve'))).code).toBe('unknown-code');

    const closed = await startSyncServer({ dataDir: path.join(dir, 'closed'), port: 0 });
    const deadUrl = closed.url;
    await closed.close();
    const unreachable = await failure(workshopApi(deadUrl).participants(doc, host));
    expect([unreachable.code, unreachable.status]).toEqual(['unreachable', 0]);
  });

  it('reports the rate limit with the time to wait after too many wrong codes', async () => {
    const api = workshopApi(server.url);
    let limited: WorkshopApiError | null = null;
    for (let i = 0; i < 20 && !limited; i++) {
      const error = await failure(api.join(`ZZZZ-ZZ${String(i).padStart(2, '0')}`, 'Eve'));
      if (error.code === 'rate-limit') limited = error;
      else expect(error.code).toBe('unknown-code');
    }
    expect(limited?.status).toBe(429);
    expect(limited?.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('connectWorkshop', () => {
  const workshops: Workshop[] = [];
  afterAll(() => workshops.forEach((w) => w.destroy()));

  it('gives a borrowed awareness back intact: its observers keep working and it can join again', async () => {
    const doc = newProgramme('Lainattu');
    const documentId = getDocumentId(doc)!;
    const { token } = await server.mintToken(documentId, 'editor', HOUR, '');
    const awareness = new Awareness(doc);
    const seen: number[] = [];
    const fieldObserver = () => seen.push(seen.length);
    awareness.on('change', fieldObserver);
    const observers = () =>
      // lib0's Observable keeps its observers in `_observers` (name → set); no public count.
      [...(awareness as unknown as { _observers: Map<string, Set<unknown>> })._observers].map(
        ([name, set]) => [name, set.size],
      );
    const before = observers();

    const first = connect(documentId, token, doc, 'Aino', awareness);
    expect(first.awareness).toBe(awareness);
    await until(() => first.status().connection === 'online', 'the first connection');
    first.destroy();

    // Not destroyed: the editor's observer still hears changes, nothing of the provider stays.
    expect(observers()).toEqual(before);
    const heard = seen.length;
    awareness.setLocalState({ name: 'Aino' });
    expect(seen.length).toBeGreaterThan(heard);

    // The same awareness serves the next workshop, and a peer sees it there.
    const second = connect(documentId, token, doc, 'Aino', awareness);
    workshops.push(second);
    const peerDoc = new Y.Doc();
    const peer = connect(documentId, token, peerDoc, 'Bertil');
    workshops.push(peer);
    await until(
      () => peer.participants().some((p) => p.name === 'Aino'),
      'the peer to see the borrowed awareness',
    );
  });

  it('destroys an awareness it created itself', async () => {
    const doc = new Y.Doc();
    const { token } = await server.mintToken('own-awareness', 'editor', HOUR, '');
    const workshop = connect('own-awareness', token, doc, 'Aino');
    const created = workshop.awareness;
    // (ws in Node throws when a socket still connecting is closed: wait for the connection.)
    await until(() => workshop.status().connection === 'online', 'the connection');
    let heard = 0;
    created.on('change', () => heard++);
    workshop.destroy();
    const after = heard;
    created.setLocalState({ name: 'x' });
    expect(heard).toBe(after);
  });
});
