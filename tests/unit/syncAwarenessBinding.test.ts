/**
 * The awareness binding policy (server/sync/integrity/awarenessBinding.ts) over a real
 * y-protocols Awareness: which entries would change the server's awareness, whose name a state
 * shows, and who owns which client id.
 */
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { GateSession } from '../../server/sync/guard/awarenessPolicy';
import type { AwarenessEntry } from '../../server/sync/guard/frameCheck';
import {
  AwarenessBinding,
  showsLabel,
  showsTokenId,
  wouldApply,
} from '../../server/sync/integrity/awarenessBinding';

const entry = (clientId: number, clock: number, state: unknown): AwarenessEntry => ({
  clientId,
  clock,
  state,
  json: JSON.stringify(state),
});

const session = (label: string, tokenId: string): GateSession => ({
  documentName: 'doc',
  label,
  tokenId,
  clientId: null,
});

/** A server awareness that already holds client 7's state at clock 3. */
function serverAwareness(): Awareness {
  const server = new Awareness(new Y.Doc());
  const client = new Awareness(new Y.Doc());
  client.clientID = 7;
  client.setLocalState({ user: { name: 'Aino' } });
  client.setLocalState({ user: { name: 'Aino' }, focus: 1 });
  client.setLocalState({ user: { name: 'Aino' }, focus: 2 });
  applyAwarenessUpdate(server, encodeAwarenessUpdate(client, [7]), 'test');
  client.destroy();
  return server;
}

describe('awareness binding', () => {
  it('knows which entries y-protocols would apply', () => {
    const awareness = serverAwareness();
    const clock = awareness.meta.get(7)!.clock;
    expect(wouldApply(awareness, entry(7, clock, {}))).toBe(false);
    expect(wouldApply(awareness, entry(7, clock - 1, {}))).toBe(false);
    expect(wouldApply(awareness, entry(7, clock + 1, {}))).toBe(true);
    expect(wouldApply(awareness, entry(7, clock, null))).toBe(true);
    expect(wouldApply(awareness, entry(8, 0, {}))).toBe(false);
    expect(wouldApply(awareness, entry(8, 1, {}))).toBe(true);
    awareness.destroy();
  });

  it('reads the name from `name` and `user.name`, and binds none for an unlabelled token', () => {
    expect(showsLabel('Aino', { name: 'Aino', user: { name: 'Aino' } })).toBe(true);
    expect(showsLabel('Aino', { focus: 1 })).toBe(true);
    expect(showsLabel('Aino', 5)).toBe(true);
    expect(showsLabel('Aino', { name: 'Bertil' })).toBe(false);
    expect(showsLabel('Aino', { user: { name: 'Bertil' } })).toBe(false);
    expect(showsLabel('Aino', { name: 'Aino', user: { name: 'aino' } })).toBe(false);
    expect(showsLabel('Aino', { name: null })).toBe(false);
    expect(showsLabel('', { name: 'Kuka tahansa' })).toBe(true);
  });

  it('takes a top-level tokenId only when it is the session’s own', () => {
    expect(showsTokenId('tA', { name: 'Aino', tokenId: 'tA' })).toBe(true);
    expect(showsTokenId('tA', { name: 'Aino' })).toBe(true);
    expect(showsTokenId('tA', { tokenId: 'tB' })).toBe(false);
    expect(showsTokenId('tA', { tokenId: null })).toBe(false);
    expect(showsTokenId('', { tokenId: 'tB' })).toBe(false);
    const awareness = serverAwareness();
    const policy = new AwarenessBinding(() => awareness);
    expect(
      policy.check(session('Aino', 'tA'), [entry(100, 1, { name: 'Aino', tokenId: 'tB' })]),
    ).toEqual({ ok: false, reason: 'awareness-spoofing' });
    expect(
      policy.check(session('Aino', 'tA'), [entry(101, 1, { name: 'Aino', tokenId: 'tA' })]),
    ).toMatchObject({ ok: true });
    awareness.destroy();
  });

  it('binds the first id a session publishes and refuses another session’s id', () => {
    const awareness = serverAwareness();
    const policy = new AwarenessBinding(() => awareness);
    const aino = session('Aino', 'tA');
    const bertil = session('Bertil', 'tB');
    expect(policy.check(aino, [entry(100, 1, { user: { name: 'Aino' } })])).toMatchObject({
      ok: true,
    });
    expect(aino.clientId).toBe(100);
    expect(policy.check(bertil, [entry(100, 2, { user: { name: 'Bertil' } })])).toEqual({
      ok: false,
      reason: 'awareness-spoofing',
    });
    expect(policy.check(bertil, [entry(200, 1, { user: { name: 'Bertil' } })])).toMatchObject({
      ok: true,
    });
    // Bound to 200 now: a second id is spoofing even if nobody owns it.
    expect(policy.check(bertil, [entry(300, 1, { user: { name: 'Bertil' } })])).toMatchObject({
      ok: false,
    });
    // Once Aino's session ends, her id is free, but not for an already bound session.
    policy.release(aino);
    expect(policy.ownerOf('doc', 100)).toBeUndefined();
    const cecilia = session('', 'tC');
    expect(policy.check(cecilia, [entry(100, 5, { user: { name: 'C' } })])).toMatchObject({
      ok: true,
    });
    awareness.destroy();
  });

  it('lets a session of the same token take an id over', () => {
    const awareness = serverAwareness();
    const policy = new AwarenessBinding(() => awareness);
    const before = session('Aino', 'tA');
    const after = session('Aino', 'tA');
    policy.check(before, [entry(100, 1, { user: { name: 'Aino' } })]);
    expect(policy.check(after, [entry(100, 2, { user: { name: 'Aino' } })])).toMatchObject({
      ok: true,
    });
    expect(policy.ownerOf('doc', 100)).toBe(after);
    policy.release(before);
    expect(policy.ownerOf('doc', 100)).toBe(after);
    awareness.destroy();
  });

  it('drops echoes and removals of others, keeps its own entries, and checks the name', () => {
    const awareness = serverAwareness();
    const clock = awareness.meta.get(7)!.clock;
    const policy = new AwarenessBinding(() => awareness);
    const bertil = session('Bertil', 'tB');
    const own = entry(200, 1, { user: { name: 'Bertil' } });
    const verdict = policy.check(bertil, [
      entry(7, clock, awareness.states.get(7)),
      entry(7, clock + 1, null),
      own,
    ]);
    expect(verdict).toEqual({ ok: true, entries: [own] });
    expect(policy.check(bertil, [entry(200, 2, null)])).toMatchObject({ ok: true });
    expect(policy.check(bertil, [entry(200, 3, { name: 'Aino' })])).toMatchObject({ ok: false });
    expect(policy.counts).toEqual({ spoofing: 1, dropped: 2 });
    awareness.destroy();
  });

  it('asks to decide later while the document is not loaded', () => {
    const policy = new AwarenessBinding(() => null);
    expect(policy.check(session('', 't'), [entry(1, 1, {})])).toEqual({ ok: 'later' });
  });
});
