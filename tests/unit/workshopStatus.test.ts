/**
 * What `connectWorkshop` reports against a real sync server on port 0: a read-only connection
 * has nothing to save (the server refuses its updates, so none is waited for), and an editor's
 * later connection of the same document counts its changes again. And why a connection was shut
 * out: the host's end of the workshop is told apart from a removed participant.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocumentId } from '../../core';
import {
  connectWorkshop,
  deniedReasonOfClose,
  deniedReasonOfNotice,
  type Workshop,
} from '../../renderer/collab';
import { deniedStatusText, workshopText } from '../../renderer/workshop/strings';
import { startSyncServer, type SyncServer } from '../../server/sync/server';
import { newProgramme } from '../fixtures/electron/programmes';

const HOUR = 3_600_000;
const dir = mkdtempSync(path.join(os.tmpdir(), 'linjaus-ws-status-'));
let server: SyncServer;
const workshops: Workshop[] = [];

beforeAll(async () => {
  server = await startSyncServer({ dataDir: dir, port: 0 });
});
afterAll(async () => {
  workshops.forEach((w) => w.destroy());
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const connect = (documentId: string, token: string, doc: Y.Doc, name: string) => {
  const workshop = connectWorkshop({
    url: server.wsUrl,
    documentId,
    token,
    doc,
    user: { name, colour: '#1f5fa8' },
    WebSocketPolyfill: WebSocket,
    reconnectDelayMs: 50,
  });
  workshops.push(workshop);
  return workshop;
};

describe('connectWorkshop status', () => {
  it('has nothing to save on a read-only connection, even after a local write', async () => {
    const hostDoc = newProgramme('Katseltava');
    const documentId = getDocumentId(hostDoc)!;
    const { token: editor } = await server.mintToken(documentId, 'editor', HOUR, 'Aino');
    const host = connect(documentId, editor, hostDoc, 'Aino');
    await host.whenSaved();

    const { token: viewer } = await server.mintToken(documentId, 'viewer', HOUR, 'Vera');
    const viewerDoc = new Y.Doc();
    const seen = connect(documentId, viewer, viewerDoc, 'Vera');
    await until(() => seen.status().connection === 'online', 'the viewer to sync');
    expect(seen.status().access).toBe('readonly');
    viewerDoc.getMap('local').set('tried', 'to write');
    // The server never stores it; waiting for it would say "saving" for ever.
    await until(() => seen.status().isSaved, 'the viewer to have nothing to save');
    expect(seen.status()).toMatchObject({ waitingChanges: 0, isSaved: true });
    await seen.whenSaved();

    // The next visit with an editor token counts the document's changes again.
    seen.destroy();
    const { token: second } = await server.mintToken(documentId, 'editor', HOUR, 'Vera');
    const again = connect(documentId, second, viewerDoc, 'Vera');
    expect(again.status().isSaved).toBe(false);
    await until(() => again.status().access === 'editor', 'the editor connection');
    viewerDoc.getMap('local').set('now', 'an editor');
    expect(again.status().waitingChanges).toBeGreaterThan(0);
    await again.whenSaved();
    expect(again.status()).toMatchObject({ waitingChanges: 0, isSaved: true });
  });
});

describe('denied reasons', () => {
  it('tells the end of the workshop apart from removed access, in the close and in the notice', () => {
    expect(deniedReasonOfClose(4403, 'ended')).toBe('ended');
    expect(deniedReasonOfClose(4403, 'revoked')).toBe('revoked');
    expect(deniedReasonOfClose(4403, 'expired')).toBe('expired');
    // An older server closes with no reason: still shut out for good.
    expect(deniedReasonOfClose(4403, '')).toBe('revoked');
    expect(deniedReasonOfClose(4403, 'x'.repeat(500))).toBe('revoked');
    expect(deniedReasonOfClose(1008, 'awareness-spoofing')).toBe('awareness-spoofing');
    expect(deniedReasonOfClose(1006, '')).toBeNull();
    expect(deniedReasonOfClose(1008, 'too big')).toBeNull();

    expect(deniedReasonOfNotice(JSON.stringify({ t: 'linjaus.revoked', reason: 'ended' }))).toBe(
      'ended',
    );
    expect(deniedReasonOfNotice(JSON.stringify({ t: 'linjaus.revoked', reason: 'revoked' }))).toBe(
      'revoked',
    );
    expect(deniedReasonOfNotice(JSON.stringify({ t: 'linjaus.revoked' }))).toBe('revoked');
    expect(deniedReasonOfNotice('{not json')).toBe('revoked');
    expect(deniedReasonOfNotice(JSON.stringify({ reason: 'r'.repeat(500) }))).toHaveLength(64);
  });

  it('says the workshop has ended in fi, sv and en, and keeps the removed-access text', () => {
    expect(deniedStatusText(workshopText('fi'), 'ended')).toBe('Työpaja on päättynyt.');
    expect(deniedStatusText(workshopText('sv'), 'ended')).toBe('Workshopen har avslutats.');
    expect(deniedStatusText(workshopText('en'), 'ended')).toBe('The workshop has ended.');
    expect(deniedStatusText(workshopText('fi'), 'revoked')).toBe(
      'Työpaja: pääsy evätty (pääsy on poistettu)',
    );
    expect(deniedStatusText(workshopText('en'), 'something-new')).toBe(
      'Workshop: access refused (unknown reason)',
    );
  });
});
