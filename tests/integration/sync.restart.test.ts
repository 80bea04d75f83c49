/**
 * "Saved" means stored: a server killed without warning (SIGKILL) mid-session and started again
 * on the same data loses nothing any client was told was saved; edits not yet reported saved
 * are re-sent by the clients when they reconnect.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createProgramme,
  getDocumentId,
  getTemplate,
  richField,
  childrenOf,
  type ItemId,
} from '../../core';
import { FileTokenStore } from '../../server/sync/tokens/fileStore';
import { mintToken } from '../../server/sync/tokens/token';
import { rng, seeds } from '../helpers/random';
import { typeInto } from '../helpers/typing';
import { randomOperation } from '../sync/operations';
import { converged, join, online, waitFor, type TestClient } from './helpers/clients';
import { spawnServer } from './helpers/serverProcess';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function token(
  dataDir: string,
  id: string,
  role: 'editor' | 'viewer' = 'editor',
): Promise<string> {
  const minted = mintToken(id, role, 3_600_000);
  await new FileTokenStore(dataDir).add(minted.record);
  return minted.token;
}

describe('sync server restart', () => {
  it('loses nothing that was reported saved when the server is killed mid-session', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'linjaus-restart-'));
    dirs.push(dataDir);
    let server = await spawnServer(dataDir);
    const doc = createProgramme(getTemplate('elinvoimaohjelma'));
    const id = getDocumentId(doc)!;
    const clients: TestClient[] = [join(server.wsUrl, id, await token(dataDir, id), 'A', doc)];
    await waitFor(() => online(clients[0]!), 'host online');
    clients.push(join(server.wsUrl, id, await token(dataDir, id), 'B'));
    await waitFor(
      () => clients.every(online) && converged(clients.map((c) => c.doc)),
      'both online',
    );

    // Each client remembers its state whenever it is told everything is saved.
    const saved = new Map<TestClient, Uint8Array>();
    const savedCount = new Map<TestClient, number>();
    for (const client of clients) {
      client.workshop.subscribe(() => {
        if (!client.workshop.status().isSaved) return;
        saved.set(client, Y.encodeStateAsUpdate(client.doc));
        savedCount.set(client, (savedCount.get(client) ?? 0) + 1);
      });
    }
    const r = rng(seeds(1)[0]!);
    const vision = childrenOf(doc, null, 'section')[0] as ItemId;
    // Keep typing until both have been told "saved" several times, then crash with edits in flight.
    await waitFor(() => {
      for (const client of clients) {
        randomOperation(client.doc, r);
        typeInto(client.doc, richField(client.doc, vision, 'body'), client.name);
      }
      return clients.every((c) => (savedCount.get(c) ?? 0) >= 5);
    }, 'both clients told saved at least five times');
    for (const client of clients)
      typeInto(client.doc, richField(client.doc, vision, 'body'), 'viimeinen');
    await server.crash();
    const savedStates = clients.map((c) => saved.get(c)!);
    // The writers go away with whatever was not saved, so only the disk can answer.
    for (const client of clients) client.workshop.destroy();

    server = await spawnServer(dataDir);
    const reader = join(server.wsUrl, id, await token(dataDir, id, 'viewer'), 'Lukija');
    await waitFor(() => online(reader), 'reader online after restart');
    const onDisk = Y.snapshot(reader.doc);
    for (const state of savedStates) expect(Y.snapshotContainsUpdate(onDisk, state)).toBe(true);
    reader.workshop.destroy();
    await server.stop();
  });

  it('takes back unsaved edits from clients that reconnect after a crash', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'linjaus-restart-'));
    dirs.push(dataDir);
    let server = await spawnServer(dataDir);
    const doc = createProgramme(getTemplate('elinvoimaohjelma'));
    const id = getDocumentId(doc)!;
    const client = join(server.wsUrl, id, await token(dataDir, id), 'A', doc);
    await waitFor(() => online(client), 'online');
    await client.workshop.whenSaved();
    const port = server.port;
    await server.crash();
    await waitFor(() => client.workshop.status().connection === 'offline', 'offline after crash');
    const vision = childrenOf(doc, null, 'section')[0] as ItemId;
    typeInto(doc, richField(doc, vision, 'body'), 'kirjoitettu palvelimen ollessa alhaalla');
    expect(client.workshop.status().isSaved).toBe(false);
    server = await spawnServer(dataDir, port);
    await waitFor(() => client.workshop.status().isSaved, 'saved after the server came back');
    client.workshop.destroy();
    const reader = join(server.wsUrl, id, await token(dataDir, id, 'viewer'), 'Lukija');
    await waitFor(() => online(reader), 'reader online');
    expect(JSON.stringify(reader.doc.getMap('items').toJSON())).toContain(
      'kirjoitettu palvelimen ollessa alhaalla',
    );
    reader.workshop.destroy();
    await server.stop();
  });
});
