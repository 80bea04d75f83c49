/**
 * The client module the app calls (`renderer/collab`), in Node: join links, participant colours,
 * and the rule that a local change is saved only when a stored snapshot contains it — deletions
 * included.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodeStoredNotice,
  encodeStoredNotice,
  makeJoinLink,
  parseJoinLink,
  participantColour,
  PARTICIPANT_COLOURS,
  SavedTracker,
  webSocketUrlOf,
} from '../../renderer/collab';

const remote = { kind: 'remote' };

function stored(doc: Y.Doc): Y.Snapshot {
  // Through the wire codec, as the client receives it.
  return decodeStoredNotice(encodeStoredNotice(Y.encodeSnapshot(Y.snapshot(doc))))!.snapshot;
}

describe('renderer/collab', () => {
  it('makes join links that carry the token in the fragment and reads them back', () => {
    const link = makeJoinLink({
      serverUrl: 'http://192.168.1.10:4321/',
      documentId: 'dabc',
      token: 'lj1.x.y',
    });
    expect(link).toBe('http://192.168.1.10:4321/#join=dabc&t=lj1.x.y');
    expect(new URL(link).search).toBe('');
    expect(parseJoinLink(link)).toEqual({
      serverUrl: 'http://192.168.1.10:4321',
      documentId: 'dabc',
      token: 'lj1.x.y',
    });
    expect(parseJoinLink('javascript:alert(1)#join=d&t=x')).toBeNull();
    expect(parseJoinLink('http://x/#join=d')).toBeNull();
    expect(parseJoinLink('ei linkki')).toBeNull();
    expect(webSocketUrlOf('https://linjaus.kunta.fi')).toBe('wss://linjaus.kunta.fi');
  });

  it('gives each participant a stable colour from the palette', () => {
    expect(participantColour(42)).toBe(participantColour(42));
    expect(PARTICIPANT_COLOURS).toContain(participantColour('Aino'));
    expect(new Set([1, 2, 3, 4, 5, 6, 7, 8].map(participantColour)).size).toBeGreaterThan(3);
  });

  it('counts local changes as waiting until a stored snapshot contains them, deletions included', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    const tracker = new SavedTracker(client, (origin) => origin === remote);
    client.getText('t').insert(0, 'hei maailma');
    expect(tracker.waitingChanges).toBe(1);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    tracker.stored(stored(server));
    expect(tracker.isSaved).toBe(true);

    client.getText('t').delete(0, 4);
    expect(tracker.waitingChanges).toBe(1);
    // An older stored snapshot (before the deletion) does not save it…
    tracker.stored(stored(server));
    expect(tracker.isSaved).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    tracker.stored(stored(server));
    expect(tracker.isSaved).toBe(true);
    tracker.destroy();
  });

  it('ignores remote changes and counts what the document held before it started', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'Offline-luonnos');
    const tracker = new SavedTracker(doc, (origin) => origin === remote);
    expect(tracker.waitingChanges).toBe(1);
    const peer = new Y.Doc();
    peer.getText('t').insert(0, 'vertaisen teksti');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer), remote);
    expect(tracker.waitingChanges).toBe(1);
    for (let i = 0; i < 200; i++) doc.getText('u').insert(0, 'x');
    expect(tracker.waitingChanges).toBe(201);
    tracker.stored(stored(doc));
    expect(tracker.waitingChanges).toBe(0);
    tracker.destroy();
  });

  it('refuses malformed stored notices', () => {
    expect(decodeStoredNotice('{"t":"linjaus.stored","s":"!!!"}')).toBeNull();
    expect(decodeStoredNotice('not json')).toBeNull();
    expect(decodeStoredNotice('{"t":"other"}')).toBeNull();
  });
});
