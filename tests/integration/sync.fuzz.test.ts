/**
 * 1,000 hostile frames — random bytes, truncated and bit-flipped real updates, well-framed and
 * not — sent before authentication, after authenticating as a viewer, and after authenticating
 * as an editor. The server stays up and answers, a host in another session keeps editing and
 * saving, and the document is unchanged by everything sent without write access.
 *
 * From an editor, every frame is answered before the next is sent, so each one's fate is known:
 * refused by the gate (malformed), refused by the integrity check (it would throw half-way or
 * leave pending structs: 1007 `bad-update`), or accepted — as a no-op or as a change. A mangled
 * update that is still a complete, valid Yjs update (a truncated update that ends on a struct
 * boundary, a flipped bit inside inserted text, in a client id or in a delete range that stays
 * in range) is exactly what an editor's own client could have sent: the server cannot tell it
 * from an edit, and editors may edit. What must hold is that the server only integrates whole
 * updates: no pending structs, every connected client converges to the server's bytes, and the
 * document still snapshots and saves as a `.linjaus` file.
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
  readLinjausFile,
  richField,
  setMeta,
  snapshot,
  writeLinjausFile,
  type ItemId,
} from '../../core';
import { Integrity } from '../../server/sync/integrity/integrity';
import { rng, seeds, type Rng } from '../helpers/random';
import { typeInto } from '../helpers/typing';
import { converged, join, online, stateOf, waitFor, type TestClient } from './helpers/clients';
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

const serverDoc = (name: string): Y.Doc => test.server.hocuspocus.documents.get(name)!;

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

/** A raw socket, authenticated with `token` (and synced) when one is given. */
async function rawSocket(token: string | null): Promise<RawClient> {
  const raw = openRaw(test.server.wsUrl);
  await raw.opened;
  if (token) {
    raw.send(authFrame(target, token));
    raw.send(syncStep1Frame(target, Y.encodeStateVector(new Y.Doc())));
    await waitFor(() => raw.received.length >= 2, 'authenticated');
  }
  return raw;
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
      raw = await rawSocket(token);
      void raw.closed.then(({ code }) => closes.set(code, (closes.get(code) ?? 0) + 1));
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

type Fate = 'refused-malformed' | 'refused-bad-update' | 'refused-other' | 'no-op' | 'change';

/**
 * Send `count` frames as an editor, one at a time: after each, a sync step 1 whose answer
 * (or the socket closing) shows the frame was dealt with. The fate of each frame is read from
 * the close reason and from the server document's own update events.
 */
async function fuzzEditor(r: Rng, count: number, token: string): Promise<Map<Fate, number>> {
  const fates = new Map<Fate, number>();
  let changes = 0;
  const onUpdate = (): void => void changes++;
  serverDoc(target).on('update', onUpdate);
  let raw: RawClient | null = null;
  try {
    for (let i = 0; i < count; i++) {
      if (!raw || raw.ws.readyState !== WebSocket.OPEN) raw = await rawSocket(token);
      const socket: RawClient = raw;
      const before = changes;
      const answers = socket.received.length;
      let closed: { code: number; reason: string } | null = null;
      void socket.closed.then((event) => (closed = event));
      socket.send(mangled(r));
      socket.send(syncStep1Frame(target, new Uint8Array([0])));
      await waitFor(
        () => closed !== null || socket.received.length > answers,
        'the frame is dealt with',
      );
      const ended = closed as { code: number; reason: string } | null;
      const fate: Fate = ended
        ? ended.reason === 'bad-update'
          ? 'refused-bad-update'
          : ended.code === 1007
            ? 'refused-malformed'
            : 'refused-other'
        : changes > before
          ? 'change'
          : 'no-op';
      fates.set(fate, (fates.get(fate) ?? 0) + 1);
      if (i % 25 === 0) await health();
    }
  } finally {
    serverDoc(target).off('update', onUpdate);
    raw?.ws.close();
  }
  return fates;
}

async function sessionsUnaffected(): Promise<void> {
  await health();
  const mark = `tarkistus ${Math.random()}`;
  setMeta(bystander.doc, { title: mark });
  await bystander.workshop.whenSaved();
  expect(getMeta(serverDoc(other)).title).toBe(mark);
  expect(online(host)).toBe(true);
}

describe('sync server under fuzzed frames', () => {
  const [seed] = seeds(1) as [number];

  it(`survives 400 hostile frames before authentication with the document unchanged (seed ${seed})`, async () => {
    const before = stateOf(serverDoc(target));
    const { closes } = await fuzz(rng(seed), 400, null);
    await sessionsUnaffected();
    expect(stateOf(serverDoc(target))).toBe(before);
    expect(closes.get(1007) ?? 0).toBeGreaterThan(0);
  });

  it(`survives 300 hostile frames from a viewer with the document unchanged (seed ${seed})`, async () => {
    const before = stateOf(serverDoc(target));
    const viewer = (await test.server.mintToken(target, 'viewer', 3_600_000)).token;
    await fuzz(rng(seed + 1), 300, viewer);
    await sessionsUnaffected();
    expect(stateOf(serverDoc(target))).toBe(before);
  });

  it(`integrates only whole updates from 300 hostile editor frames, and every client converges (seed ${seed})`, async () => {
    const editor = (await test.server.mintToken(target, 'editor', 3_600_000)).token;
    // A second participant connected all through the garbage, besides the host.
    const watcher = join(test.server.wsUrl, target, editor, 'Tarkkailija');
    await waitFor(() => online(watcher), 'the watcher is online');
    const document = serverDoc(target);
    const before = stateOf(document);
    const integrity = test.server.hocuspocus.configuration.extensions.find(
      (extension): extension is Integrity => extension instanceof Integrity,
    )!;
    const refused = () =>
      integrity.counts.throws + integrity.counts.pending + integrity.counts.unsupported;
    const refusedBefore = refused();

    const fates = await fuzzEditor(rng(seed + 2), 300, editor);
    const count = (fate: Fate) => fates.get(fate) ?? 0;
    console.info(
      `[fuzz seed ${seed}] editor frames: ${count('refused-malformed')} refused as malformed, ` +
        `${count('refused-bad-update')} refused as bad updates, ${count('refused-other')} refused ` +
        `otherwise, ${count('no-op')} accepted as no-ops, ${count('change')} accepted as changes`,
    );
    await sessionsUnaffected();

    // Updates that would have half-applied or left pending parts were met, and refused.
    expect(count('refused-bad-update')).toBeGreaterThan(0);
    expect(refused() - refusedBefore).toBe(count('refused-bad-update'));
    expect(document.store.pendingStructs).toBeNull();
    expect(document.store.pendingDs).toBeNull();
    if (count('change') === 0) expect(stateOf(document)).toBe(before);

    // Everyone converges on what the server integrated; a newcomer too.
    const late = join(test.server.wsUrl, target, editor, 'Myöhäinen');
    await waitFor(() => online(late), 'a new client joins and syncs');
    await waitFor(
      () => converged([document, host.doc, watcher.doc, late.doc]),
      'every client converges with the server',
    );
    for (const client of [host, watcher, late]) {
      expect(client.doc.store.pendingStructs).toBeNull();
      expect(client.doc.store.pendingDs).toBeNull();
    }
    // And the document is still a programme that saves and opens again.
    expect(snapshot(document).id).toBe(target);
    const file = writeLinjausFile(document);
    expect(readLinjausFile(file).programme.id).toBe(target);
    watcher.workshop.destroy();
    late.workshop.destroy();
  });
});
