/**
 * Real sync server on port 0, real Hocuspocus providers in Node: clients editing one programme's
 * structure and rich text (through headless Lexical) converge to identical bytes and identical
 * snapshots, also when one of them is offline for a while; "saved" comes only from the server's
 * stored notice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { connectWorkshop } from '../../renderer/collab';
import {
  childrenOf,
  createProgramme,
  getDocumentId,
  getTemplate,
  richField,
  snapshot,
  type ItemId,
} from '../../core';
import { stableJson } from '../helpers/programme';
import { rng, seeds } from '../helpers/random';
import { typeInto } from '../helpers/typing';
import { randomOperation } from '../sync/operations';
import { converged, join, online, stateOf, waitFor, type TestClient } from './helpers/clients';
import { startTestServer, type TestServer } from './helpers/syncServer';

let test: TestServer;
beforeAll(async () => {
  test = await startTestServer();
});
afterAll(async () => {
  await test.close();
});

/** A new programme on the server: the host joins with it, `guests` join with empty docs. */
async function workshop(guests: number): Promise<{ id: string; clients: TestClient[] }> {
  const doc = createProgramme(getTemplate('elinvoimaohjelma'), {
    title: 'Seutukunnan elinvoimaohjelma',
  });
  const id = getDocumentId(doc)!;
  const clients: TestClient[] = [];
  const mint = async () => (await test.server.mintToken(id, 'editor', 3_600_000)).token;
  clients.push(join(test.server.wsUrl, id, await mint(), 'Isäntä', doc));
  await waitFor(() => online(clients[0]!), 'host online');
  for (let i = 0; i < guests; i++)
    clients.push(join(test.server.wsUrl, id, await mint(), `Vieras ${i + 1}`));
  await waitFor(
    () => clients.every(online) && converged(clients.map((c) => c.doc)),
    'everyone online with the programme',
  );
  return { id, clients };
}

async function expectConverged(id: string, clients: TestClient[]): Promise<void> {
  const docs = clients.map((c) => c.doc);
  await waitFor(() => converged(docs), 'all clients converge');
  await Promise.all(clients.map((c) => c.workshop.whenSaved()));
  const server = test.server.hocuspocus.documents.get(id)!;
  const bytes = stateOf(docs[0]!);
  for (const doc of [...docs, server]) expect(stateOf(doc)).toBe(bytes);
  const json = stableJson(snapshot(docs[0]!));
  for (const doc of docs) expect(stableJson(snapshot(doc))).toBe(json);
}

const leave = (clients: TestClient[]) => clients.forEach((c) => c.workshop.destroy());

describe('sync server with Hocuspocus providers', () => {
  it('gives a guest the host programme and converges two clients typing in the same field', async () => {
    const { id, clients } = await workshop(1);
    const [host, guest] = clients as [TestClient, TestClient];
    const vision = childrenOf(guest.doc, null, 'section')[0] as ItemId;
    for (let i = 0; i < 20; i++) {
      typeInto(host.doc, richField(host.doc, vision, 'body'), 'a');
      typeInto(guest.doc, richField(guest.doc, vision, 'body'), 'b');
      if (i % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await expectConverged(id, clients);
    const text = JSON.stringify(snapshot(host.doc));
    expect(text.split('a').length).toBeGreaterThan(20);
    expect(host.workshop.status()).toMatchObject({
      connection: 'online',
      isSaved: true,
      waitingChanges: 0,
      access: 'editor',
    });
    leave(clients);
  });

  for (const seed of seeds(2)) {
    it(`converges five clients making random structural and rich-text edits (seed ${seed})`, async () => {
      const { id, clients } = await workshop(4);
      const r = rng(seed);
      for (let round = 0; round < 30; round++) {
        for (const client of clients) randomOperation(client.doc, r);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await expectConverged(id, clients);
      leave(clients);
    });
  }

  it('merges edits made while one client was offline, with no prompt and nothing lost', async () => {
    const { id, clients } = await workshop(2);
    const [host, , away] = clients as [TestClient, TestClient, TestClient];
    const r = rng(seeds(1)[0]!);
    away.workshop.disconnect();
    await waitFor(() => away.workshop.status().connection === 'offline', 'offline indicator');
    for (let round = 0; round < 25; round++)
      for (const client of clients) randomOperation(client.doc, r);
    const vision = childrenOf(away.doc, null, 'section')[0] as ItemId;
    typeInto(away.doc, richField(away.doc, vision, 'body'), 'kirjoitettu verkotta');
    expect(away.workshop.status().waitingChanges).toBeGreaterThan(0);
    expect(away.workshop.status().isSaved).toBe(false);
    const offlineState = Y.encodeStateAsUpdate(away.doc);
    expect(Y.snapshotContainsUpdate(Y.snapshot(host.doc), offlineState)).toBe(false);
    await away.workshop.connect();
    await expectConverged(id, clients);
    expect(Y.snapshotContainsUpdate(Y.snapshot(host.doc), offlineState)).toBe(true);
    expect(away.workshop.status()).toMatchObject({
      connection: 'online',
      isSaved: true,
      waitingChanges: 0,
    });
    leave(clients);
  });

  it('shares an awareness the app already has', async () => {
    const doc = createProgramme(getTemplate('elinvoimaohjelma'));
    const id = getDocumentId(doc)!;
    const awareness = new Awareness(doc);
    const own = connectWorkshop({
      url: test.server.wsUrl,
      documentId: id,
      token: (await test.server.mintToken(id, 'editor', 3_600_000)).token,
      doc,
      awareness,
      user: { name: 'Sessio', colour: '#1f5fa8' },
      WebSocketPolyfill: WebSocket,
    });
    expect(own.awareness).toBe(awareness);
    const guest = join(
      test.server.wsUrl,
      id,
      (await test.server.mintToken(id, 'viewer', 3_600_000)).token,
      'Vieras',
    );
    await waitFor(
      () => guest.workshop.participants().some((p) => p.name === 'Sessio'),
      'the session user is visible',
    );
    own.destroy();
    guest.workshop.destroy();
  });

  it('shows every participant with the name and colour they chose', async () => {
    const { clients } = await workshop(2);
    await waitFor(
      () => clients.every((c) => c.workshop.participants().length === 3),
      'three participants everywhere',
    );
    const names = clients[1]!.workshop.participants().map((p) => p.name);
    expect(names[0]).toBe('Vieras 1');
    expect([...names].sort()).toEqual(['Isäntä', 'Vieras 1', 'Vieras 2']);
    clients[2]!.workshop.setFocus({ itemId: 'x', field: 'body' });
    await waitFor(
      () =>
        clients[0]!.workshop
          .participants()
          .some((p) => p.name === 'Vieras 2' && p.focus?.field === 'body'),
      'focus shared',
    );
    leave(clients);
  });
});
