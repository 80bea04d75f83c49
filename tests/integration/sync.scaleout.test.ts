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
import { PostgresInviteStore } from '../../server/sync/tokens/invitePostgresStore';
import { PostgresTokenStore } from '../../server/sync/tokens/postgresStore';
import { mintToken } from '../../server/sync/tokens/token';
import { callApi, eventually } from './helpers/api';
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

afterAll(async () => {
  await Promise.all(instances.map((server) => server.close()));
  await services?.stop();
});

describe.skipIf(SKIP_SCALEOUT)('sync server scale-out with Redis and PostgreSQL', () => {
  beforeAll(async () => {
    services ??= await startServices();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(instances.map((server) => server.close()));
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

describe.skipIf(SKIP_SCALEOUT)('workshop API with Redis and PostgreSQL', () => {
  beforeAll(async () => {
    services ??= await startServices();
  }, 120_000);

  it('redeems on one instance a code created on another, lists connections of both, and ends the workshop on every instance', async () => {
    const a = await instance('api-a');
    const b = await instance('api-b');
    const id = getDocumentId(createProgramme(getTemplate('elinvoimaohjelma')))!;
    const { token: hostToken } = await a.mintToken(id, 'editor', 3_600_000, 'Isäntä', {
      host: true,
    });
    const created = await callApi(a.url, `/api/v1/documents/${id}/invites`, {
      token: hostToken,
      json: { role: 'editor' },
    });
    expect(created.status).toBe(201);
    const joined = await callApi(b.url, '/api/v1/join', {
      json: { code: created.body.display, name: 'Bea' },
    });
    expect(joined.status).toBe(200);
    const guest = join(b.wsUrl, id, joined.body.token, 'Bea');
    await waitFor(() => online(guest), 'guest on instance b online');
    // The host asks instance a, which learns of b's connections through PostgreSQL.
    const guestRow = async () => {
      const list = await callApi(a.url, `/api/v1/documents/${id}/participants`, {
        token: hostToken,
      });
      return (list.body.participants as { tokenId: string; connected: boolean }[]).find(
        (p) => p.tokenId === joined.body.tokenId,
      );
    };
    await eventually(async () => (await guestRow())?.connected === true, 'a sees Bea connected');

    // A second guest on b, revoked through a: b closes it, and a's list shows it gone.
    const second = await callApi(b.url, '/api/v1/join', {
      json: { code: created.body.code, name: 'Cai' },
    });
    const cai = join(b.wsUrl, id, second.body.token, 'Cai');
    await waitFor(() => online(cai), 'second guest on b online');
    const revoked = await callApi(
      a.url,
      `/api/v1/documents/${id}/participants/${second.body.tokenId}/revoke`,
      { token: hostToken, method: 'POST' },
    );
    expect(revoked.body).toEqual({ revoked: 1 });
    await waitFor(() => cai.workshop.status().connection === 'denied', 'second guest closed');
    await eventually(async () => {
      const list = await callApi(a.url, `/api/v1/documents/${id}/participants`, {
        token: hostToken,
      });
      const row = (list.body.participants as { tokenId: string; connected: boolean }[]).find(
        (p) => p.tokenId === second.body.tokenId,
      );
      return row?.connected === false;
    }, 'a sees Cai gone');
    expect(online(guest)).toBe(true);
    cai.workshop.destroy();

    const ended = await callApi(a.url, `/api/v1/documents/${id}/end`, {
      token: hostToken,
      method: 'POST',
    });
    expect(ended.body).toEqual({ revoked: 2 });
    await waitFor(() => guest.workshop.status().connection === 'denied', 'guest on b closed');
    const again = await callApi(b.url, '/api/v1/join', {
      json: { code: created.body.code, name: 'Bea' },
    });
    expect(again.status).toBe(404);
    guest.workshop.destroy();
  });
});

describe.skipIf(SKIP_SCALEOUT)('PostgreSQL token table migration', () => {
  beforeAll(async () => {
    services ??= await startServices();
  }, 120_000);

  it('adds the host column to a token table made before host tokens, keeping old rows as non-host, also when instances prepare at once', async () => {
    const admin = new pg.Pool({ connectionString: services.postgresUrl });
    await admin.query('CREATE DATABASE linjaus_old_tokens');
    await admin.end();
    const pool = new pg.Pool({
      connectionString: services.postgresUrl.replace(/\/postgres$/, '/linjaus_old_tokens'),
    });
    try {
      await pool.query(`CREATE TABLE linjaus_tokens (id text PRIMARY KEY, document_name text NOT NULL,
        role text NOT NULL, hash text NOT NULL, created_at bigint NOT NULL, expires_at bigint NOT NULL,
        revoked_at bigint, label text NOT NULL DEFAULT '')`);
      const old = mintToken('dold', 'editor', 3_600_000, 'Vanha');
      const r = old.record;
      await pool.query('INSERT INTO linjaus_tokens VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
        r.id,
        r.documentName,
        r.role,
        r.hash,
        r.createdAt,
        r.expiresAt,
        r.revokedAt,
        r.label,
      ]);
      const store = new PostgresTokenStore(pool);
      const invites = new PostgresInviteStore(pool);
      // Instances starting together prepare the tables at the same time.
      await Promise.all([store.prepare(), store.prepare(), invites.prepare(), invites.prepare()]);
      expect(await store.get(r.id)).toEqual({ ...r, host: false });
      const host = mintToken('dold', 'editor', 3_600_000, '', Date.now(), { host: true });
      await store.add(host.record);
      expect((await store.get(host.record.id))!.host).toBe(true);
    } finally {
      await pool.end();
    }
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
