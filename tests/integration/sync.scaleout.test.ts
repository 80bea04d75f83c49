/**
 * Scale-out: two sync server instances sharing documents through a real Redis, storing them in a
 * real PostgreSQL (both from Debian packages, started here on loopback). Clients on different
 * instances edit one programme and converge; tokens minted on one instance work on the other;
 * "saved" reaches clients on both; a third instance started afterwards serves everything saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import {
  childrenOf,
  createProgramme,
  getDocumentId,
  getTemplate,
  richField,
  type ItemId,
} from '../../core';
import { startSyncServer, type SyncServer } from '../../server/sync/server';
import { rng, seeds } from '../helpers/random';
import { typeInto } from '../helpers/typing';
import { randomOperation } from '../sync/operations';
import { converged, join, online, stateOf, waitFor, type TestClient } from './helpers/clients';
import { SKIP_SCALEOUT, startServices, type Services } from './helpers/services';

let services: Services;
const instances: SyncServer[] = [];

async function instance(name: string): Promise<SyncServer> {
  const server = await startSyncServer({
    port: 0,
    name,
    redisUrl: services.redisUrl,
    postgresUrl: services.postgresUrl,
    tokenSweepMs: 200,
    log: () => undefined,
  });
  instances.push(server);
  return server;
}

describe.skipIf(SKIP_SCALEOUT)('sync server scale-out with Redis and PostgreSQL', () => {
  beforeAll(async () => {
    services = await startServices();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(instances.map((server) => server.close()));
    await services?.stop();
  });

  it('converges clients on two instances and serves everything saved from a third', async () => {
    const a = await instance('a');
    const b = await instance('b');
    const doc = createProgramme(getTemplate('elinvoimaohjelma'));
    const id = getDocumentId(doc)!;
    const clients: TestClient[] = [
      join(a.wsUrl, id, (await a.mintToken(id, 'editor', 3_600_000)).token, 'A', doc),
    ];
    await waitFor(() => online(clients[0]!), 'client on instance a online');
    // Minted on a, used on b: the token store is shared.
    clients.push(join(b.wsUrl, id, (await a.mintToken(id, 'editor', 3_600_000)).token, 'B'));
    clients.push(join(b.wsUrl, id, (await b.mintToken(id, 'editor', 3_600_000)).token, 'C'));
    await waitFor(
      () => clients.every(online) && converged(clients.map((c) => c.doc)),
      'clients on both instances converge',
    );

    const r = rng(seeds(1)[0]!);
    const vision = childrenOf(doc, null, 'section')[0] as ItemId;
    for (let round = 0; round < 15; round++) {
      for (const client of clients) {
        randomOperation(client.doc, r);
        typeInto(client.doc, richField(client.doc, vision, 'body'), client.name);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await waitFor(
      () => converged(clients.map((c) => c.doc)),
      'converge after edits on both instances',
    );
    await Promise.all(clients.map((c) => c.workshop.whenSaved()));
    const saved = Y.encodeStateAsUpdate(clients[0]!.doc);
    const expected = stateOf(clients[0]!.doc);
    for (const client of clients) expect(stateOf(client.doc)).toBe(expected);
    for (const client of clients) client.workshop.destroy();
    await a.close();
    await b.close();

    const pool = new pg.Pool({ connectionString: services.postgresUrl });
    const rows = await pool.query('SELECT name FROM linjaus_documents WHERE name = $1', [id]);
    await pool.end();
    expect(rows.rowCount).toBe(1);

    const c = await instance('c');
    const reader = join(c.wsUrl, id, (await c.mintToken(id, 'viewer', 3_600_000)).token, 'Lukija');
    await waitFor(() => online(reader), 'reader on a fresh instance');
    expect(Y.snapshotContainsUpdate(Y.snapshot(reader.doc), saved)).toBe(true);
    reader.workshop.destroy();
  });
});

describe('scale-out test services', () => {
  it('fail with the Debian packages to install when redis-server is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(startServices()).rejects.toThrow('apt-get install -y redis-server postgresql');
    } finally {
      process.env.PATH = path;
    }
  });
});
