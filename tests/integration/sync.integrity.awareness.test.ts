/**
 * Awareness binding (docs/sync.md): a connection may speak only for its own awareness client id
 * (the first it publishes in the document; one another live connection owns is refused) and,
 * when its token has a label, only under that name. Spoofing closes the socket with 1008
 * `awareness-spoofing` and leaves everyone else's presence as it was; real providers, which
 * relay each other's states back to the server, are never closed.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '@hocuspocus/server';
import { createProgramme, getDocumentId, getTemplate } from '../../core';
import { join, online, waitFor, type TestClient } from './helpers/clients';
import { authFrame, openRaw, syncStep1Frame, type RawClient } from './helpers/rawClient';
import { startTestServer, type TestServer } from './helpers/syncServer';

let test: TestServer;
let id: string;
let host: TestClient;

beforeAll(async () => {
  test = await startTestServer();
  const doc = createProgramme(getTemplate('elinvoimaohjelma'));
  id = getDocumentId(doc)!;
  host = join(
    test.server.wsUrl,
    id,
    (await test.server.mintToken(id, 'editor', 3_600_000, 'Isäntä')).token,
    'Isäntä',
    doc,
  );
  await waitFor(() => online(host), 'host online');
});
afterAll(async () => {
  host.workshop.destroy();
  await test.close();
});

const serverAwareness = () => (test.server.hocuspocus.documents.get(id) as Document).awareness;

interface Entry {
  clientId: number;
  clock: number;
  state: unknown;
}

function awarenessFrame(entries: Entry[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, JSON.stringify(entry.state));
  }
  const frame = encoding.createEncoder();
  encoding.writeVarString(frame, id);
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(inner));
  return encoding.toUint8Array(frame);
}

async function labelledToken(label: string): Promise<string> {
  return (await test.server.mintToken(id, 'editor', 3_600_000, label)).token;
}

/** A raw socket authenticated (and synced) for the document with `token`. */
async function rawEditor(token: string): Promise<RawClient> {
  const raw = openRaw(test.server.wsUrl);
  await raw.opened;
  raw.send(authFrame(id, token));
  raw.send(syncStep1Frame(id, new Uint8Array([0])));
  await waitFor(() => raw.received.length >= 2, 'authenticated and synced');
  return raw;
}

/**
 * Send `frame`, then a sync step 1: its answer means the frame was taken (`accepted`),
 * otherwise the socket closes and says why.
 */
async function verdict(raw: RawClient, frame: Uint8Array): Promise<string> {
  let closed: { code: number; reason: string } | null = null;
  void raw.closed.then((event) => (closed = event));
  const answers = raw.received.length;
  raw.send(frame);
  raw.send(syncStep1Frame(id, new Uint8Array([0])));
  await waitFor(() => closed !== null || raw.received.length > answers, 'an answer or a close');
  const ended = closed as { code: number; reason: string } | null;
  return ended ? `${ended.code} ${ended.reason}` : 'accepted';
}

const clockOf = (clientId: number): number => serverAwareness().meta.get(clientId)?.clock ?? 0;

describe('sync server awareness binding', () => {
  it('closes a connection that publishes another connection’s client id, leaving the victim’s entry unchanged', async () => {
    const victim = join(test.server.wsUrl, id, await labelledToken('Aino'), 'Aino');
    const victimId = victim.doc.clientID;
    await waitFor(() => serverAwareness().states.has(victimId), 'the victim is present');
    const forged = { user: { name: 'Aino', colour: '#000000' }, focus: { itemId: 'x' } };
    // Far ahead of anything the victim itself will have sent by the end of the test.
    const forgedClock = clockOf(victimId) + 1000;

    // As the attacker's first entry (it owns nothing yet)...
    const first = await rawEditor(await labelledToken('Aino'));
    expect(
      await verdict(
        first,
        awarenessFrame([{ clientId: victimId, clock: forgedClock, state: forged }]),
      ),
    ).toBe('1008 awareness-spoofing');
    // ...and after publishing its own.
    const second = await rawEditor(await labelledToken('Bertil'));
    const own = { clientId: 424242, clock: 1, state: { user: { name: 'Bertil' } } };
    expect(await verdict(second, awarenessFrame([own]))).toBe('accepted');
    expect(
      await verdict(
        second,
        awarenessFrame([{ clientId: victimId, clock: forgedClock, state: forged }]),
      ),
    ).toBe('1008 awareness-spoofing');

    // The server holds what the victim itself published, nothing of the forgery.
    expect(serverAwareness().states.get(victimId)).toEqual(
      victim.workshop.awareness.getLocalState(),
    );
    expect(clockOf(victimId)).toBeLessThan(forgedClock);
    const seen = host.workshop.participants().find((p) => p.clientId === victimId);
    expect(seen?.name).toBe('Aino');
    expect(seen?.focus).toBeNull();
    expect(online(victim)).toBe(true);
    victim.workshop.destroy();
  });

  it('judges awareness sent before authentication once the socket has authenticated', async () => {
    const victimId = host.doc.clientID;
    const before = structuredClone(serverAwareness().states.get(victimId));
    const raw = openRaw(test.server.wsUrl);
    await raw.opened;
    raw.send(authFrame(id, await labelledToken('Bertil')));
    raw.send(
      awarenessFrame([
        { clientId: victimId, clock: clockOf(victimId) + 5, state: { user: { name: 'Bertil' } } },
      ]),
    );
    expect(await raw.closed).toEqual({ code: 1008, reason: 'awareness-spoofing' });
    expect(serverAwareness().states.get(victimId)).toEqual(before);
  });

  it('closes a connection whose token is labelled "Aino" when it publishes the name "Bertil"', async () => {
    for (const state of [{ name: 'Bertil' }, { user: { name: 'Bertil', colour: '#123456' } }]) {
      const raw = await rawEditor(await labelledToken('Aino'));
      const clientId = 5000 + Math.floor(Math.random() * 1000);
      expect(await verdict(raw, awarenessFrame([{ clientId, clock: 1, state }]))).toBe(
        '1008 awareness-spoofing',
      );
      expect(serverAwareness().states.has(clientId)).toBe(false);
    }
  });

  it('closes a connection that publishes another participant’s token id, and takes its own', async () => {
    const victim = await test.server.mintToken(id, 'editor', 3_600_000, 'Isäntä');
    const own = await test.server.mintToken(id, 'editor', 3_600_000, 'Aino');
    for (const tokenId of [victim.record.id, null, 42]) {
      const raw = await rawEditor(own.token);
      const clientId = 6000 + Math.floor(Math.random() * 1000);
      const state = { name: 'Aino', color: '#1f6f8b', tokenId };
      expect(await verdict(raw, awarenessFrame([{ clientId, clock: 1, state }]))).toBe(
        '1008 awareness-spoofing',
      );
      expect(serverAwareness().states.has(clientId)).toBe(false);
    }
    const raw = await rawEditor(own.token);
    const state = { name: 'Aino', color: '#1f6f8b', tokenId: own.record.id };
    expect(await verdict(raw, awarenessFrame([{ clientId: 777101, clock: 1, state }]))).toBe(
      'accepted',
    );
    expect(serverAwareness().states.get(777101)).toEqual(state);
    raw.ws.close();
  });

  it('lets a client publish its labelled name, and others see it', async () => {
    const aino = join(test.server.wsUrl, id, await labelledToken('Aino'), 'Aino');
    await waitFor(
      () => host.workshop.participants().some((p) => p.clientId === aino.doc.clientID),
      'the host sees Aino',
    );
    expect(host.workshop.participants().find((p) => p.clientId === aino.doc.clientID)?.name).toBe(
      'Aino',
    );
    aino.workshop.setFocus({ itemId: 'kohta', field: 'body' });
    await waitFor(
      () =>
        host.workshop.participants().find((p) => p.clientId === aino.doc.clientID)?.focus !== null,
      'the host sees where Aino is',
    );
    expect(online(aino)).toBe(true);
    // The app's own shape (a top-level name) is fine too.
    const raw = await rawEditor(await labelledToken('Aino'));
    const state = { name: 'Aino', color: '#1f6f8b', section: 'visio' };
    expect(await verdict(raw, awarenessFrame([{ clientId: 777001, clock: 1, state }]))).toBe(
      'accepted',
    );
    expect(serverAwareness().states.get(777001)).toEqual(state);
    raw.ws.close();
    aino.workshop.destroy();
  });

  it('drops another client’s removal and echoes of others’ states without closing the sender', async () => {
    const victimId = host.doc.clientID;
    const before = structuredClone(serverAwareness().states.get(victimId));
    const raw = await rawEditor(await labelledToken('Bertil'));
    const frame = awarenessFrame([
      { clientId: victimId, clock: clockOf(victimId), state: before },
      { clientId: victimId, clock: clockOf(victimId) + 1, state: null },
      { clientId: 888001, clock: 1, state: { user: { name: 'Bertil' } } },
    ]);
    expect(await verdict(raw, frame)).toBe('accepted');
    expect(serverAwareness().states.get(victimId)).toEqual(before);
    expect(serverAwareness().states.get(888001)).toEqual({ user: { name: 'Bertil' } });
    // Its own removal is its to make.
    expect(await verdict(raw, awarenessFrame([{ clientId: 888001, clock: 2, state: null }]))).toBe(
      'accepted',
    );
    expect(serverAwareness().states.has(888001)).toBe(false);
    raw.ws.close();
  });

  it('lets the same token take its client id over from a socket the server still holds', async () => {
    const token = await labelledToken('Aino');
    const old = await rawEditor(token);
    const state = { user: { name: 'Aino' } };
    expect(await verdict(old, awarenessFrame([{ clientId: 999001, clock: 1, state }]))).toBe(
      'accepted',
    );
    const fresh = await rawEditor(token);
    expect(await verdict(fresh, awarenessFrame([{ clientId: 999001, clock: 2, state }]))).toBe(
      'accepted',
    );
    const stranger = await rawEditor(await labelledToken('Aino'));
    expect(await verdict(stranger, awarenessFrame([{ clientId: 999001, clock: 3, state }]))).toBe(
      '1008 awareness-spoofing',
    );
    old.ws.close();
    fresh.ws.close();
  });

  it('never closes real providers relaying each other’s awareness (20 participants)', async () => {
    const logsBefore = test.logs.length;
    const names = Array.from({ length: 20 }, (_, i) => `Osallistuja ${i + 1}`);
    const clients = await Promise.all(
      names.map(async (name) => join(test.server.wsUrl, id, await labelledToken(name), name)),
    );
    await waitFor(
      () =>
        clients.every(
          (client) => online(client) && client.workshop.participants().length >= names.length + 1,
        ),
      'everyone sees everyone',
    );
    // A round of focus changes: every state is relayed by every other provider.
    clients.forEach((client, i) => client.workshop.setFocus({ itemId: `k${i}` }));
    await waitFor(
      () =>
        clients.every((client) =>
          client.workshop.participants().every((p) => p.isSelf || p.name === 'Isäntä' || p.focus),
        ),
      'everyone sees everyone’s focus',
    );
    // A latecomer receives everyone's state at once and relays it all back in one frame.
    const late = join(test.server.wsUrl, id, await labelledToken('Myöhäinen'), 'Myöhäinen');
    clients.push(late);
    await waitFor(
      () => clients.every((client) => client.workshop.participants().length >= names.length + 2),
      'everyone sees the latecomer, and the latecomer everyone',
    );
    expect(clients.every(online)).toBe(true);
    expect(test.logs.slice(logsBefore).filter((line) => line.startsWith('[ws] closed'))).toEqual(
      [],
    );
    for (const client of clients) client.workshop.destroy();
  });
});
