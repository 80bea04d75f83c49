/**
 * 1,000 hostile frames — random bytes, truncated and bit-flipped real updates, well-framed and
 * not — sent before authentication, after authenticating as a viewer, and after authenticating
 * as an editor. The server stays up and answers, a host in another session keeps editing and
 * saving, and the document is unchanged by everything sent without write access. Frames from an
 * editor may be valid edits once mangled; there the server must keep serving the document.
 * Replay a failure with LINJAUS_SEED=<seed>.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  childrenOf,
  createProgramme,
  getDocumentId,
  getMeta,
  getTemplate,
  richField,
  setMeta,
  type ItemId,
} from '../../core';
import { rng, seeds, type Rng } from '../helpers/random';
import { typeInto } from '../helpers/typing';
import { join, online, stateOf, waitFor, type TestClient } from './helpers/clients';
import {
  authFrame,
  openRaw,
  syncStep1Frame,
  updateFrame,
  type RawClient,
} from './helpers/rawClient';
import { startTestServer, type TestServer } from './helpers/syncServer';

let test: TestServer;
let target: string;
let other: string;
let host: TestClient;
let bystander: TestClient;
const realUpdates: Uint8Array[] = [];

beforeAll(async () => {
  // Generous rate limits so the frames reach the parser instead of the rate limiter.
  test = await startTestServer({ limits: { messagesPerSecond: 1e6, messageBurst: 1e6 } });
  const doc = createProgramme(getTemplate('elinvoimaohjelma'));
  target = getDocumentId(doc)!;
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  scratch.on('update', (update: Uint8Array) => realUpdates.push(update));
  const vision = childrenOf(scratch, null, 'section')[0] as ItemId;
  for (const word of ['elinvoima', 'seutu', 'työpaja', 'kylä'])
    typeInto(scratch, richField(scratch, vision, 'body'), word);
  setMeta(scratch, { title: 'Sotkettu' });
  realUpdates.push(Y.encodeStateAsUpdate(doc));
  host = join(
    test.server.wsUrl,
    target,
    (await test.server.mintToken(target, 'editor', 3_600_000)).token,
    'Isäntä',
    doc,
  );
  const otherDoc = createProgramme(getTemplate('hankesuunnitelma'));
  other = getDocumentId(otherDoc)!;
  bystander = join(
    test.server.wsUrl,
    other,
    (await test.server.mintToken(other, 'editor', 3_600_000)).token,
    'Sivullinen',
    otherDoc,
  );
  await waitFor(() => online(host) && online(bystander), 'both sessions online');
  await Promise.all([host.workshop.whenSaved(), bystander.workshop.whenSaved()]);
});
afterAll(async () => {
  host.workshop.destroy();
  bystander.workshop.destroy();
  await test.close();
});

function mangled(r: Rng): Uint8Array {
  const update = r.pick(realUpdates)!;
  const kind = r.int(5);
  if (kind === 0) return new Uint8Array(r.int(200)).map(() => r.int(256));
  const bytes = Uint8Array.from(update);
  if (kind === 1) return updateFrame(target, bytes.subarray(0, r.int(bytes.length)));
  const flips = 1 + r.int(3);
  for (let i = 0; i < flips; i++) {
    const at = r.int(bytes.length);
    bytes[at] = bytes[at]! ^ (1 << r.int(8));
  }
  if (kind === 2 || kind === 3) return updateFrame(target, bytes);
  const frame = updateFrame(target, update);
  const at = r.int(frame.length);
  frame[at] = frame[at]! ^ (1 << r.int(8));
  return frame;
}

async function health(): Promise<void> {
  const response = await fetch(`${test.server.url}/healthz`);
  expect(response.status).toBe(200);
}

/** Send `count` frames, opening (and authenticating) a new socket whenever the server closed one. */
async function fuzz(
  r: Rng,
  count: number,
  token: string | null,
): Promise<{ closes: Map<number, number> }> {
  const closes = new Map<number, number>();
  let raw: RawClient | null = null;
  for (let i = 0; i < count; i++) {
    if (!raw || raw.ws.readyState !== WebSocket.OPEN) {
      raw = openRaw(test.server.wsUrl);
      const current: RawClient = raw;
      void current.closed.then(({ code }) => closes.set(code, (closes.get(code) ?? 0) + 1));
      await current.opened;
      if (token) {
        current.send(authFrame(target, token));
        current.send(syncStep1Frame(target, Y.encodeStateVector(new Y.Doc())));
        await waitFor(() => current.received.length >= 2, 'authenticated');
      }
    }
    raw.send(mangled(r));
    if (i % 25 === 0) {
      await new Promise((resolve) => setImmediate(resolve));
      await health();
    }
  }
  raw?.ws.close();
  return { closes };
}

async function sessionsUnaffected(): Promise<void> {
  await health();
  const mark = `tarkistus ${Math.random()}`;
  setMeta(bystander.doc, { title: mark });
  await bystander.workshop.whenSaved();
  expect(getMeta(test.server.hocuspocus.documents.get(other)!).title).toBe(mark);
  expect(online(host)).toBe(true);
}

describe('sync server under fuzzed frames', () => {
  const [seed] = seeds(1) as [number];

  it(`survives 400 hostile frames before authentication with the document unchanged (seed ${seed})`, async () => {
    const before = stateOf(test.server.hocuspocus.documents.get(target)!);
    const { closes } = await fuzz(rng(seed), 400, null);
    await sessionsUnaffected();
    expect(stateOf(test.server.hocuspocus.documents.get(target)!)).toBe(before);
    expect(closes.get(1007) ?? 0).toBeGreaterThan(0);
  });

  it(`survives 300 hostile frames from a viewer with the document unchanged (seed ${seed})`, async () => {
    const before = stateOf(test.server.hocuspocus.documents.get(target)!);
    const viewer = (await test.server.mintToken(target, 'viewer', 3_600_000)).token;
    await fuzz(rng(seed + 1), 300, viewer);
    await sessionsUnaffected();
    expect(stateOf(test.server.hocuspocus.documents.get(target)!)).toBe(before);
  });

  it(`survives 300 hostile frames from an editor and still serves the document (seed ${seed})`, async () => {
    const editor = (await test.server.mintToken(target, 'editor', 3_600_000)).token;
    await fuzz(rng(seed + 2), 300, editor);
    await sessionsUnaffected();
    // An editor may write anything, so a mangled update may change the document; Yjs can even
    // throw half-way through one (it has no transactional apply), which is a known weakness here
    // (docs/sync.md). What must hold: the server keeps serving this document to a new client.
    const late = join(test.server.wsUrl, target, editor, 'Myöhäinen');
    await waitFor(() => online(late), 'a new client joins and syncs');
    expect(late.doc.getMap('items').size).toBeGreaterThan(0);
    late.workshop.destroy();
  });
});
