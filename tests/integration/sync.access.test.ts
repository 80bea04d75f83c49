/**
 * The access matrix, asserted on what each client received: without a valid token for this
 * document a client gets no document content and its writes never land; viewers and commenters
 * read but cannot write; revoking a token or ending the session closes live connections; tokens
 * never appear in the server log; host tokens are editor tokens with a flag that old token files
 * lack.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createProgramme, getDocumentId, getTemplate, setMeta, getMeta } from '../../core';
import { mintToken } from '../../server/sync/tokens/token';
import { converged, join, online, waitFor, type TestClient } from './helpers/clients';
import { startTestServer, type TestServer } from './helpers/syncServer';

let test: TestServer;
let id: string;
let host: TestClient;
const secrets: string[] = [];

async function mint(
  role: 'editor' | 'viewer' | 'commenter',
  documentName = id,
  lifetime = 3_600_000,
): Promise<{ token: string; tokenId: string }> {
  const { token, record } = await test.server.mintToken(documentName, role, lifetime);
  secrets.push(token.split('.')[2]!);
  return { token, tokenId: record.id };
}

beforeAll(async () => {
  test = await startTestServer();
  const doc = createProgramme(getTemplate('elinvoimaohjelma'), { title: 'Salainen luonnos' });
  id = getDocumentId(doc)!;
  host = join(test.server.wsUrl, id, (await mint('editor')).token, 'Isäntä', doc);
  await waitFor(() => online(host), 'host online');
  await host.workshop.whenSaved();
});
afterAll(async () => {
  host.workshop.destroy();
  await test.close();
});

/** A client that starts with an edit of its own, to see whether it lands. */
function intruder(token: string, documentName = id): TestClient {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'Murtautujan otsikko');
  return join(test.server.wsUrl, documentName, token, 'Murtautuja', doc);
}

const serverDoc = () => test.server.hocuspocus.documents.get(id)!;
const receivedNothing = (client: TestClient) =>
  [...client.doc.store.clients.keys()].every((clientId) => clientId === client.doc.clientID) &&
  client.doc.getMap('items').size === 0;

async function expectRefused(client: TestClient, reason: string): Promise<void> {
  await waitFor(() => client.workshop.status().connection === 'denied', `refusal (${reason})`);
  expect(client.workshop.status().deniedReason).toBe(reason);
  expect(receivedNothing(client)).toBe(true);
  expect(getMeta(serverDoc()).title).toBe('Salainen luonnos');
  client.workshop.destroy();
}

describe('sync server access', () => {
  const other = mintToken('dotherdocument0000000000', 'editor', 3_600_000);
  const cases: [string, () => Promise<string> | string, string][] = [
    ['no token', () => '', 'invalid-token'],
    ['a malformed token', () => 'kissa', 'invalid-token'],
    [
      'a token with the wrong secret',
      async () => (await mint('editor')).token.replace(/\.[^.]+$/, `.${'A'.repeat(43)}`),
      'invalid-token',
    ],
    [
      'a token of another document',
      async () => (await test.server.tokens.add(other.record), other.token),
      'invalid-token',
    ],
    [
      'an expired token',
      async () => {
        const expired = mintToken(id, 'editor', 1000, '', Date.now() - 10_000);
        await test.server.tokens.add(expired.record);
        return expired.token;
      },
      'expired',
    ],
    [
      'a revoked token',
      async () => {
        const { token, tokenId } = await mint('editor');
        await test.server.revokeToken(tokenId);
        return token;
      },
      'revoked',
    ],
  ];
  for (const [what, token, reason] of cases) {
    it(`gives a client with ${what} no content and lets none of its writes land`, async () => {
      await expectRefused(intruder(await token()), reason);
    });
  }

  it('refuses a document name that is not an id, even with a valid token', async () => {
    const { token } = await mint('editor', '../../etc/passwd');
    await expectRefused(intruder(token, '../../etc/passwd'), 'invalid-document');
  });

  for (const role of ['viewer', 'commenter'] as const) {
    it(`lets a ${role} read the programme but rejects its writes`, async () => {
      const reader = join(test.server.wsUrl, id, (await mint(role)).token, role);
      await waitFor(
        () => online(reader) && converged([reader.doc, host.doc]),
        `${role} has the programme`,
      );
      expect(reader.workshop.status().access).toBe('readonly');
      expect(getMeta(reader.doc).title).toBe('Salainen luonnos');
      setMeta(reader.doc, { title: `${role} kirjoitti` });
      // The host's own next edit arrives at the reader, proving the reader's edit had time to land.
      setMeta(host.doc, { organisations: ['Seutukunta'] });
      await waitFor(
        () => getMeta(reader.doc).organisations.includes('Seutukunta'),
        'host edit reaches the reader',
      );
      await test.server.flush();
      expect(getMeta(serverDoc()).title).toBe('Salainen luonnos');
      expect(getMeta(host.doc).title).toBe('Salainen luonnos');
      // A read-only connection waits for none of its own updates (the server refuses them).
      expect(reader.workshop.status()).toMatchObject({ waitingChanges: 0, isSaved: true });
      reader.workshop.destroy();
    });
  }

  it('lets an editor write, and reports it saved', async () => {
    const editor = join(test.server.wsUrl, id, (await mint('editor')).token, 'Toimittaja');
    await waitFor(() => online(editor), 'editor online');
    setMeta(editor.doc, { organisations: ['Seutukunta', 'Kunta'] });
    await editor.workshop.whenSaved();
    expect(getMeta(serverDoc()).organisations).toEqual(['Seutukunta', 'Kunta']);
    await waitFor(() => getMeta(host.doc).organisations.length === 2, 'host sees it');
    editor.workshop.destroy();
  });

  it('closes the connection of a revoked participant at once and keeps their later edits out', async () => {
    const { token, record } = await test.server.mintToken(id, 'editor', 3_600_000, 'Vieras');
    const tokenId = record.id;
    const guest = join(test.server.wsUrl, id, token, 'Vieras');
    await waitFor(() => online(guest), 'guest online');
    let labels: string[] = [];
    await waitFor(() => {
      void test.server.participants(id).then((records) => (labels = records.map((r) => r.label)));
      return labels.includes('Vieras');
    }, 'the guest in the participant list');
    await test.server.revokeToken(tokenId);
    await waitFor(() => guest.workshop.status().connection === 'denied', 'guest sees revocation');
    expect(guest.workshop.status().deniedReason).toBe('revoked');
    setMeta(guest.doc, { title: 'Kirjoitettu eston jälkeen' });
    setMeta(host.doc, { organisations: ['Esto testattu'] });
    await waitFor(
      () => getMeta(serverDoc()).organisations[0] === 'Esto testattu',
      'host edit stored',
    );
    expect(getMeta(serverDoc()).title).toBe('Salainen luonnos');
    expect(online(host)).toBe(true);
    guest.workshop.destroy();
  });

  it('closes connections whose token another process revoked (the linjaus token command)', async () => {
    const { token, tokenId } = await mint('viewer');
    const guest = join(test.server.wsUrl, id, token, 'Vieras');
    await waitFor(() => online(guest), 'guest online');
    const { FileTokenStore } = await import('../../server/sync/tokens/fileStore');
    await new FileTokenStore(test.dataDir).revoke({ id: tokenId });
    await waitFor(
      () => guest.workshop.status().connection === 'denied',
      'guest closed by the sweep',
    );
    guest.workshop.destroy();
  });

  it('closes a connection when its token expires', async () => {
    const { token } = await mint('viewer', id, 1500);
    const guest = join(test.server.wsUrl, id, token, 'Vieras');
    await waitFor(() => online(guest), 'guest online');
    await waitFor(() => guest.workshop.status().connection === 'denied', 'guest closed at expiry');
    expect(guest.workshop.status().deniedReason).toBe('expired');
    guest.workshop.destroy();
  });

  it('ends the session for everyone of one document, and only that document', async () => {
    const doc2 = createProgramme(getTemplate('hankesuunnitelma'));
    const id2 = getDocumentId(doc2)!;
    const a = join(test.server.wsUrl, id2, (await mint('editor', id2)).token, 'A', doc2);
    const b = join(test.server.wsUrl, id2, (await mint('viewer', id2)).token, 'B');
    await waitFor(() => online(a) && online(b), 'second workshop online');
    expect(await test.server.endSession(id2)).toBeGreaterThanOrEqual(2);
    await waitFor(
      () => [a, b].every((c) => c.workshop.status().connection === 'denied'),
      'both closed',
    );
    expect(online(host)).toBe(true);
    a.workshop.destroy();
    b.workshop.destroy();
  });

  it('tells the end of the workshop (`ended`) apart from a removed participant (`revoked`)', async () => {
    const doc3 = createProgramme(getTemplate('hankesuunnitelma'));
    const id3 = getDocumentId(doc3)!;
    const clients = {
      a: join(test.server.wsUrl, id3, (await mint('editor', id3)).token, 'A', doc3),
      b: join(test.server.wsUrl, id3, (await mint('viewer', id3)).token, 'B'),
    };
    const removed = await mint('editor', id3);
    const c = join(test.server.wsUrl, id3, removed.token, 'C');
    const heard = new Map<TestClient, { notice: unknown[]; close: string[] }>();
    for (const client of [clients.a, clients.b, c]) {
      const seen = { notice: [] as unknown[], close: [] as string[] };
      heard.set(client, seen);
      client.workshop.provider.on('stateless', ({ payload }: { payload: string }) => {
        const message = JSON.parse(payload) as { t?: string; reason?: unknown };
        if (message.t === 'linjaus.revoked') seen.notice.push(message.reason);
      });
      client.workshop.provider.on('close', ({ event }: { event: CloseEvent }) => {
        if (event.code === 4403) seen.close.push(event.reason);
      });
    }
    await waitFor(() => [clients.a, clients.b, c].every(online), 'third workshop online');

    await test.server.revokeToken(removed.tokenId);
    await waitFor(() => heard.get(c)!.close.length > 0, 'C closed');
    expect(heard.get(c)).toEqual({ notice: ['revoked'], close: ['revoked'] });
    expect(c.workshop.status().deniedReason).toBe('revoked');

    await test.server.endSession(id3);
    for (const client of [clients.a, clients.b]) {
      await waitFor(() => heard.get(client)!.close.length > 0, `${client.name} closed`);
      expect(heard.get(client), client.name).toEqual({ notice: ['ended'], close: ['ended'] });
      expect(client.workshop.status().deniedReason).toBe('ended');
    }
    expect(heard.get(c)!.notice).toEqual(['revoked']);
    for (const client of [clients.a, clients.b, c]) client.workshop.destroy();
  });

  it('records host tokens, mints them only as editors, and lets them edit like an editor token', async () => {
    const plain = await test.server.mintToken(id, 'editor', 3_600_000);
    expect(plain.record.host).toBe(false);
    const { token, record } = await test.server.mintToken(id, 'editor', 3_600_000, 'Isäntä', {
      host: true,
    });
    secrets.push(token.split('.')[2]!);
    expect((await test.server.tokens.get(record.id))!.host).toBe(true);
    await expect(
      test.server.mintToken(id, 'viewer', 3_600_000, '', { host: true }),
    ).rejects.toThrow('editor');
    const second = join(test.server.wsUrl, id, token, 'Isäntä');
    await waitFor(() => online(second), 'host token online');
    expect(second.workshop.status().access).toBe('editor');
    setMeta(second.doc, { organisations: ['Isännän kunta'] });
    await second.workshop.whenSaved();
    expect(getMeta(serverDoc()).organisations).toEqual(['Isännän kunta']);
    second.workshop.destroy();
  });

  it('reads a token file written before host tokens existed, as tokens without host rights', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'linjaus-oldtokens-'));
    const old = mintToken(id, 'editor', 3_600_000, 'Vanha');
    const { host: _host, ...withoutHost } = old.record;
    await writeFile(
      path.join(dir, 'tokens.json'),
      JSON.stringify({ version: 1, tokens: [withoutHost] }),
    );
    const { FileTokenStore } = await import('../../server/sync/tokens/fileStore');
    expect(await new FileTokenStore(dir).get(old.record.id)).toEqual({
      ...old.record,
      host: false,
    });
    await rm(dir, { recursive: true, force: true });
  });

  it('never writes a token secret to the log', () => {
    expect(test.logs.length).toBeGreaterThan(5);
    const log = test.logs.join('\n');
    for (const secret of secrets) expect(log).not.toContain(secret);
  });
});
