/**
 * The server applies an editor's update only when it integrates completely (issue 5, server
 * integrity). Each case first shows on a plain copy of the document what the update would do
 * there — throw half-way with part of it integrated, or leave pending structs / a pending delete
 * set — and then that the server refuses it (1007 `bad-update`), leaves its document
 * byte-identical, logs no content, and carries on. Legitimate updates that carry other client
 * ids — offline edits made under an earlier client id, structs relayed from another tab — are
 * accepted.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { readRichText, richTextToPlain } from '../../core/richtext/read';
import { typeInto } from '../helpers/typing';
import { converged, join, online, stateOf, waitFor, type TestClient } from './helpers/clients';
import { authFrame, openRaw, syncStep1Frame, updateFrame } from './helpers/rawClient';
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
    (await test.server.mintToken(id, 'editor', 3_600_000)).token,
    'Isäntä',
    doc,
  );
  await waitFor(() => online(host), 'host online');
  await host.workshop.whenSaved();
});
afterAll(async () => {
  host.workshop.destroy();
  await test.close();
});

const serverDoc = (): Y.Doc => test.server.hocuspocus.documents.get(id)!;

/** A Yjs v1 update written field by field, to say exactly what is in it. */
interface CraftedStruct {
  client: number;
  clock: number;
  text: string;
  /** Left origin; without one the struct goes to the end of root type `kuorma`... */
  origin?: { client: number; clock: number };
}

function craftUpdate(
  structs: CraftedStruct[],
  deletes: { client: number; clock: number; len: number }[] = [],
): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, structs.length);
  for (const s of structs) {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, s.client);
    encoding.writeVarUint(e, s.clock);
    // Content type 4 is a string; bit 8 says a left origin follows.
    encoding.writeUint8(e, s.origin ? 4 | 0x80 : 4);
    if (s.origin) {
      encoding.writeVarUint(e, s.origin.client);
      encoding.writeVarUint(e, s.origin.clock);
    } else {
      // ...named by its key (parent info 1).
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, 'kuorma');
    }
    encoding.writeVarString(e, s.text);
  }
  encoding.writeVarUint(e, deletes.length);
  for (const d of deletes) {
    encoding.writeVarUint(e, d.client);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, d.clock);
    encoding.writeVarUint(e, d.len);
  }
  return encoding.toUint8Array(e);
}

/** What applying `update` to a plain copy of the server's document does. */
function onACopy(update: Uint8Array): { threw: boolean; changed: boolean; pending: boolean } {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(serverDoc()));
  let changed = false;
  copy.on('update', () => (changed = true));
  let threw = false;
  try {
    Y.applyUpdate(copy, update);
  } catch {
    threw = true;
  }
  const pending = copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
  copy.destroy();
  return { threw, changed, pending };
}

/**
 * Send `update` as an authenticated editor, then a sync step 1: its answer means the update was
 * taken (`accepted`), else the socket closes and the close code and reason say why.
 */
async function sendAsEditor(update: Uint8Array): Promise<{ code: number; reason: string }> {
  const raw = openRaw(test.server.wsUrl);
  await raw.opened;
  raw.send(authFrame(id, (await test.server.mintToken(id, 'editor', 3_600_000)).token));
  raw.send(syncStep1Frame(id, new Uint8Array([0])));
  await waitFor(() => raw.received.length >= 2, 'authenticated and synced');
  let closed: { code: number; reason: string } | null = null;
  void raw.closed.then((event) => (closed = event));
  const answers = raw.received.length;
  raw.send(updateFrame(id, update));
  raw.send(syncStep1Frame(id, new Uint8Array([0])));
  await waitFor(() => closed !== null || raw.received.length > answers, 'an answer or a close');
  if (closed) return closed;
  raw.ws.close();
  return { code: 0, reason: 'accepted' };
}

async function refusedUnchanged(update: Uint8Array, secret: string): Promise<void> {
  const before = stateOf(serverDoc());
  expect(await sendAsEditor(update)).toEqual({ code: 1007, reason: 'bad-update' });
  expect(stateOf(serverDoc())).toBe(before);
  expect(serverDoc().store.pendingStructs).toBeNull();
  expect(serverDoc().store.pendingDs).toBeNull();
  const refusal = test.logs.filter((line) => line.includes('refused an update'));
  expect(refusal.length).toBeGreaterThan(0);
  expect(test.logs.join('\n')).not.toContain(secret);
  // The server carries on: the host edits and it is stored.
  const title = `Otsikko ${Math.random()}`;
  setMeta(host.doc, { title });
  await host.workshop.whenSaved();
  expect(getMeta(serverDoc()).title).toBe(title);
  await waitFor(() => converged([serverDoc(), host.doc]), 'host and server agree');
}

describe('sync server integrity of editors’ updates', () => {
  it('refuses an update that makes Yjs throw half-way through integration, leaving the document byte-identical', async () => {
    // Client 2000's struct integrates first (Yjs goes from the highest client id down); client
    // 1000's then names its own clock 5 as origin, which does not exist: Yjs throws.
    const update = craftUpdate([
      { client: 2000, clock: 0, text: 'puolikas-ehjä' },
      { client: 1000, clock: 0, text: 'puolikas-rikki', origin: { client: 1000, clock: 5 } },
    ]);
    expect(Y.decodeUpdate(update).structs).toHaveLength(2);
    expect(onACopy(update)).toMatchObject({ threw: true, changed: true });
    await refusedUnchanged(update, 'puolikas');
  });

  it('refuses an update with a gap in a client’s clock (it would wait as pending structs)', async () => {
    const update = craftUpdate([{ client: 3000, clock: 7, text: 'aukko' }]);
    expect(onACopy(update)).toMatchObject({ threw: false, changed: false, pending: true });
    await refusedUnchanged(update, 'aukko');
  });

  it('refuses an update whose whole part would integrate while the rest waits for a missing origin', async () => {
    const update = craftUpdate([
      { client: 4001, clock: 0, text: 'kokonainen' },
      { client: 4000, clock: 0, text: 'orpo', origin: { client: 987654, clock: 3 } },
    ]);
    expect(onACopy(update)).toMatchObject({ threw: false, changed: true, pending: true });
    await refusedUnchanged(update, 'orpo');
  });

  it('refuses a real edit sent without the edit it builds on (missing origin)', async () => {
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(serverDoc()));
    const updates: Uint8Array[] = [];
    offline.on('update', (update: Uint8Array) => updates.push(update));
    const vision = childrenOf(offline, null, 'section')[0] as ItemId;
    typeInto(offline, richField(offline, vision, 'body'), 'ensimmäinen');
    typeInto(offline, richField(offline, vision, 'body'), ' toinen');
    expect(updates).toHaveLength(2);
    expect(onACopy(updates[1]!)).toMatchObject({ pending: true });
    await refusedUnchanged(updates[1]!, 'toinen');
  });

  it('refuses a delete set for content the server does not have (it would wait as a pending delete set)', async () => {
    const update = craftUpdate([], [{ client: 5000, clock: 0, len: 4 }]);
    expect(onACopy(update)).toMatchObject({ threw: false, changed: false, pending: true });
    await refusedUnchanged(update, '\u0000never');
  });

  it('accepts offline edits made under an earlier client id and structs relayed from another tab', async () => {
    const token = (await test.server.mintToken(id, 'editor', 3_600_000)).token;
    const first = join(test.server.wsUrl, id, token, 'Välilehti 1');
    await waitFor(() => online(first) && converged([serverDoc(), first.doc]), 'first tab synced');
    first.workshop.disconnect();
    await waitFor(() => !online(first), 'first tab offline');
    const vision = childrenOf(first.doc, null, 'section')[0] as ItemId;
    typeInto(first.doc, richField(first.doc, vision, 'body'), ' offline-yksi');

    // The app restarts from its local copy: a new Y.Doc, so a new client id, holding structs of
    // the earlier one the server has never seen; it edits too, offline.
    const restored = new Y.Doc();
    Y.applyUpdate(restored, Y.encodeStateAsUpdate(first.doc));
    expect(restored.clientID).not.toBe(first.doc.clientID);
    typeInto(restored, richField(restored, vision, 'body'), ' offline-kaksi');
    // A second tab got the first tab's structs locally (BroadcastChannel-style) and edits.
    const tab = new Y.Doc();
    Y.applyUpdate(tab, Y.encodeStateAsUpdate(first.doc));
    typeInto(tab, richField(tab, vision, 'body'), ' välilehti');

    const refusedBefore = test.logs.filter((line) => line.includes('refused an update')).length;
    const second = join(test.server.wsUrl, id, token, 'Uudelleen', restored);
    const third = join(test.server.wsUrl, id, token, 'Välilehti 2', tab);
    await waitFor(() => online(second) && online(third), 'both online');
    await first.workshop.connect();
    await waitFor(
      () => converged([serverDoc(), host.doc, first.doc, restored, tab]),
      'everyone converges',
    );
    const text = richTextToPlain(readRichText(richField(serverDoc(), vision, 'body')));
    for (const part of ['offline-yksi', 'offline-kaksi', 'välilehti']) expect(text).toContain(part);
    expect(test.logs.filter((line) => line.includes('refused an update')).length).toBe(
      refusedBefore,
    );
    for (const client of [first, second, third]) client.workshop.destroy();
  });
});
