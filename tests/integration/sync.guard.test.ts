/**
 * The WebSocket and HTTP edge of the sync server: Origin/Host checks on the upgrade, the frame
 * size cap (1009), connections per IP, frames per second, malformed frames and forged server
 * notices each close only the offending socket; the web app is served with the right content
 * types and nothing outside its folder.
 */
import http from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createProgramme, getDocumentId, getTemplate, getMeta, setMeta } from '../../core';
import { join, online, waitFor, type TestClient } from './helpers/clients';
import {
  authFrame,
  broadcastStatelessFrame,
  openRaw,
  queryAwarenessFrame,
  syncStep1Frame,
  updateFrame,
} from './helpers/rawClient';
import { startTestServer, type TestServer } from './helpers/syncServer';

let test: TestServer;
let webDir: string;
let id: string;
let host: TestClient;

beforeAll(async () => {
  webDir = await mkdtemp(path.join(tmpdir(), 'linjaus-web-'));
  await mkdir(path.join(webDir, 'assets'));
  await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>Linjaus</title>');
  await writeFile(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(webDir, 'assets', 'app.css'), 'body{}');
  await writeFile(path.join(path.dirname(webDir), 'linjaus-secret.txt'), 'salaisuus');
  await symlink('/etc/hostname', path.join(webDir, 'assets', 'escape.txt'));
  test = await startTestServer({
    webDir,
    maxMessageBytes: 64 * 1024,
    maxConnectionsPerIp: 6,
    limits: { messagesPerSecond: 20, messageBurst: 40 },
  });
  const doc = createProgramme(getTemplate('elinvoimaohjelma'));
  id = getDocumentId(doc)!;
  host = join(
    test.server.wsUrl,
    id,
    (await test.server.mintToken(id, 'editor', 3_600_000)).token,
    'Isäntä',
    doc,
  );
  await waitFor(() => online(host), 'host online');
});
afterAll(async () => {
  host.workshop.destroy();
  await test.close();
  await rm(webDir, { recursive: true, force: true });
});

async function editorSocket() {
  const raw = openRaw(test.server.wsUrl);
  await raw.opened;
  raw.send(authFrame(id, (await test.server.mintToken(id, 'editor', 3_600_000)).token));
  raw.send(syncStep1Frame(id, new Uint8Array([0])));
  await waitFor(() => raw.received.length >= 2, 'authenticated and synced');
  return raw;
}

/** The host can still edit and have it stored: the server carries on. */
async function hostStillWorks(): Promise<void> {
  const title = `Otsikko ${Math.random()}`;
  setMeta(host.doc, { title });
  await host.workshop.whenSaved();
  expect(getMeta(test.server.hocuspocus.documents.get(id)!).title).toBe(title);
}

describe('sync server WebSocket guard', () => {
  it('refuses a cross-site Origin and an unknown Host, and accepts its own origin', async () => {
    const evil = openRaw(test.server.wsUrl, { Origin: 'https://evil.example' });
    await expect(evil.opened).rejects.toThrow('HTTP 403');
    const rebinding = openRaw(test.server.wsUrl, { Host: `evil.example:${test.server.port}` });
    await expect(rebinding.opened).rejects.toThrow('HTTP 421');
    const own = openRaw(test.server.wsUrl, { Origin: test.server.url });
    await own.opened;
    own.ws.close();
  });

  it('closes a socket that sends an oversized frame with 1009', async () => {
    const raw = await editorSocket();
    raw.send(updateFrame(id, new Uint8Array(100 * 1024)));
    expect((await raw.closed).code).toBe(1009);
    await hostStillWorks();
  });

  it('limits connections per IP address and admits again when one closes', async () => {
    const open = [];
    for (let i = 0; i < 5; i++) {
      const raw = openRaw(test.server.wsUrl);
      await raw.opened;
      open.push(raw);
    }
    const extra = openRaw(test.server.wsUrl);
    await expect(extra.opened).rejects.toThrow('HTTP 429');
    open[0]!.ws.close();
    await open[0]!.closed;
    let admitted = false;
    await waitFor(() => {
      if (!admitted) {
        const again = openRaw(test.server.wsUrl);
        again.opened.then(
          () => {
            admitted = true;
            again.ws.close();
          },
          () => undefined,
        );
      }
      return admitted;
    }, 'a new connection admitted');
    for (const raw of open.slice(1)) raw.ws.close();
    await Promise.all(open.map((raw) => raw.closed));
  });

  it('closes a socket that sends more frames per second than allowed with 1008', async () => {
    const raw = await editorSocket();
    for (let i = 0; i < 200; i++) raw.send(queryAwarenessFrame(id));
    expect(await raw.closed).toEqual({ code: 1008, reason: 'rate-limit' });
    await hostStillWorks();
  });

  it('closes a socket that sends a malformed frame with 1007, before or after authentication', async () => {
    const before = openRaw(test.server.wsUrl);
    await before.opened;
    before.send(new Uint8Array([200, 1, 2, 3]));
    expect((await before.closed).code).toBe(1007);
    const after = await editorSocket();
    const update = Y.encodeStateAsUpdate(host.doc);
    after.send(updateFrame(id, update.subarray(0, update.length - 5)));
    expect((await after.closed).code).toBe(1007);
    await hostStillWorks();
  });

  it('refuses forged "stored" notices: clients may not broadcast stateless messages', async () => {
    const raw = await editorSocket();
    raw.send(broadcastStatelessFrame(id, '{"t":"linjaus.stored","s":"AA=="}'));
    expect((await raw.closed).code).toBe(1008);
    await hostStillWorks();
  });
});

describe('sync server connections per IP behind a load balancer', () => {
  /** Open sockets as `client` (via X-Forwarded-For); the HTTP status of each refused one. */
  async function openAs(server: TestServer, client: string, n: number) {
    const sockets = Array.from({ length: n }, () =>
      openRaw(server.server.wsUrl, { 'X-Forwarded-For': client }),
    );
    const outcomes = await Promise.all(
      sockets.map((raw) =>
        raw.opened.then(
          () => 'open',
          (error: Error) => error.message,
        ),
      ),
    );
    return { sockets, outcomes };
  }
  const closeAll = async (sockets: ReturnType<typeof openRaw>[]) => {
    for (const raw of sockets) raw.ws.close();
    await Promise.all(sockets.map((raw) => raw.closed));
  };

  it('counts the client a trusted proxy names, not the proxy', async () => {
    const proxied = await startTestServer({
      trustedProxies: ['127.0.0.1'],
      maxConnectionsPerIp: 2,
    });
    try {
      const first = await openAs(proxied, '198.51.100.1', 3);
      expect(first.outcomes.sort()).toEqual(['HTTP 429', 'open', 'open']);
      // Another client behind the same balancer is not held up by the first one's sockets.
      const second = await openAs(proxied, '203.0.113.5, 198.51.100.2', 2);
      expect(second.outcomes).toEqual(['open', 'open']);
      await closeAll([...first.sockets, ...second.sockets]);
    } finally {
      await proxied.close();
    }
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const direct = await startTestServer({ maxConnectionsPerIp: 2 });
    try {
      const first = await openAs(direct, '198.51.100.1', 2);
      expect(first.outcomes).toEqual(['open', 'open']);
      const forged = await openAs(direct, '198.51.100.2', 1);
      expect(forged.outcomes).toEqual(['HTTP 429']);
      await closeAll([...first.sockets, ...forged.sockets]);
    } finally {
      await direct.close();
    }
  });
});

describe('sync server under a client that cannot keep up', () => {
  it('drops a socket that stops reading instead of buffering for it without bound', async () => {
    const slow = await startTestServer({ maxBufferedBytes: 512 * 1024 });
    const doc = createProgramme(getTemplate('elinvoimaohjelma'));
    const docId = getDocumentId(doc)!;
    const writer = join(
      slow.server.wsUrl,
      docId,
      (await slow.server.mintToken(docId, 'editor', 3_600_000)).token,
      'Kirjoittaja',
      doc,
    );
    await waitFor(() => online(writer), 'writer online');
    const raw = openRaw(slow.server.wsUrl);
    await raw.opened;
    raw.send(authFrame(docId, (await slow.server.mintToken(docId, 'viewer', 3_600_000)).token));
    raw.send(syncStep1Frame(docId, new Uint8Array([0])));
    await waitFor(() => raw.received.length >= 2, 'reader synced');
    // Stop reading: the server's unsent data for this socket grows with every update.
    (raw.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const chunk = 'x'.repeat(32 * 1024);
    await waitFor(() => {
      doc.getText('kuorma').insert(0, chunk);
      return slow.logs.some((line) => line.includes('could not keep up'));
    }, 'the slow socket is dropped');
    await waitFor(() => slow.server.connectionCount(docId) === 1, 'only the writer is left');
    setMeta(doc, { title: 'Edelleen toiminnassa' });
    await writer.workshop.whenSaved();
    writer.workshop.destroy();
    await slow.close();
  });
});

describe('sync server web app', () => {
  const get = (p: string, headers: Record<string, string> = {}) =>
    fetch(`${test.server.url}${p}`, { headers });

  it('serves the built app with the right content types', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>Linjaus</title>');
    expect((await get('/assets/app.js')).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await get('/assets/app.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect((await get('/assets/app.js')).headers.get('x-content-type-options')).toBe('nosniff');
    const route = await get('/workshop/join');
    expect(await route.text()).toContain('<title>Linjaus</title>');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('serves nothing outside its folder', async () => {
    for (const p of [
      '/../linjaus-secret.txt',
      '/%2e%2e/linjaus-secret.txt',
      '/assets/..%2f..%2flinjaus-secret.txt',
      '/%00',
      '/assets/escape.txt',
    ]) {
      const response = await get(p);
      expect(response.status, p).toBeGreaterThanOrEqual(400);
      expect(await response.text(), p).not.toContain('salaisuus');
    }
  });

  it('answers only to its own host names', async () => {
    // fetch() may not set Host; a plain request can, as a DNS-rebinding page's browser would.
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.get(
        { host: '127.0.0.1', port: test.server.port, path: '/', headers: { Host: 'evil.example' } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
    });
    expect(status).toBe(421);
  });
});
