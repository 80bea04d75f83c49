/**
 * What a participant may type to join (codes in any case, with or without the dash, code links,
 * old token links and codes), and how the host's participant list merges the server's tokens
 * with live presence.
 */
import { describe, expect, it } from 'vitest';
import { makeCodeLink, parseCodeLink } from '../../renderer/collab';
import type { PresenceEntry } from '../../renderer/workshop/controller';
import { isServerAllowed, parseJoinInput } from '../../renderer/workshop/joinCode';
import { mergeRoster } from '../../renderer/workshop/roster';
import type { ServerParticipant } from '../../renderer/collab';

const ORIGIN = 'http://192.168.1.10:4321';
const TOKEN = `lj1.${'a'.repeat(16)}.${'b'.repeat(43)}`;

describe('parseJoinInput', () => {
  it('reads a typed code with or without the dash, in any case, against the page origin', () => {
    for (const typed of ['K7M4-QX2P', 'k7m4qx2p', ' k7m4 qx2p ', 'K7M4-QX2P'.toLowerCase()])
      expect(parseJoinInput(typed, ORIGIN)).toEqual({
        kind: 'code',
        serverUrl: ORIGIN,
        code: 'K7M4QX2P',
      });
  });

  it('reads the letters people confuse with digits as those digits', () => {
    expect(parseJoinInput('1O1L-ABCD', ORIGIN)).toMatchObject({ code: '1011ABCD' });
  });

  it('takes the server from a code link, whatever the page is', () => {
    const link = makeCodeLink('http://10.0.0.5:4321/', 'K7M4QX2P');
    expect(link).toBe('http://10.0.0.5:4321/#code=K7M4QX2P');
    expect(parseJoinInput(link, '')).toEqual({
      kind: 'code',
      serverUrl: 'http://10.0.0.5:4321',
      code: 'K7M4QX2P',
    });
    expect(parseCodeLink('http://10.0.0.5:4321/#code=k7m4-qx2p')?.code).toBe('K7M4QX2P');
  });

  it('keeps accepting old token links and pasted token codes', () => {
    expect(parseJoinInput(`${ORIGIN}/#join=doc-1&t=${TOKEN}`, '')).toEqual({
      kind: 'token',
      serverUrl: ORIGIN,
      documentId: 'doc-1',
      token: TOKEN,
    });
    expect(parseJoinInput(`doc-1.${TOKEN}`, ORIGIN)).toEqual({
      kind: 'token',
      serverUrl: ORIGIN,
      documentId: 'doc-1',
      token: TOKEN,
    });
  });

  it('refuses what is neither, and a bare code where there is no server origin (desktop)', () => {
    for (const junk of ['hello', 'K7M4-QX2', 'K7M4-QX2PZ', 'K7U4-QX2P', 'javascript:alert(1)'])
      expect(parseJoinInput(junk, ORIGIN)).toBeNull();
    expect(parseJoinInput('K7M4-QX2P', '')).toBeNull();
    expect(parseJoinInput('ftp://x/#code=K7M4QX2P', ORIGIN)).toBeNull();
    expect(parseJoinInput(`${ORIGIN}/#code=NOTACODE!`, ORIGIN)).toBeNull();
  });
});

describe('isServerAllowed', () => {
  it('is true only once the desktop window was reloaded with that server in its CSP', () => {
    const page = 'app://linjaus/index.html';
    expect(isServerAllowed('http://10.0.0.5:4321', `${page}#/`)).toBe(false);
    const granted = `${page}?workshop=${encodeURIComponent('http://10.0.0.5:4321/')}#/`;
    expect(isServerAllowed('http://10.0.0.5:4321', granted)).toBe(true);
    expect(isServerAllowed('http://10.0.0.5:4322', granted)).toBe(false);
    expect(isServerAllowed('http://10.0.0.6:4321', granted)).toBe(false);
    expect(isServerAllowed('http://10.0.0.5:4321', `${page}?workshop=not%20a%20url`)).toBe(false);
  });
});

const presence = (
  clientId: number,
  name: string,
  tokenId: string | null,
  extra: Partial<PresenceEntry> = {},
): PresenceEntry => ({
  clientId,
  name,
  colour: '#1f5fa8',
  isSelf: false,
  focus: null,
  section: null,
  tokenId,
  ...extra,
});

const token = (tokenId: string, name: string, extra: Partial<ServerParticipant> = {}) => ({
  tokenId,
  name,
  role: 'editor' as const,
  host: false,
  connected: false,
  revoked: false,
  expiresAt: 0,
  ...extra,
});

describe('mergeRoster', () => {
  it('joins a token with its live presence and keeps people who left, so they can be revoked', () => {
    const rows = mergeRoster(
      [
        presence(1, 'Aino', 'hostid', { isSelf: true, section: 's1' }),
        presence(2, 'Bertil', 'bid', { section: 's2' }),
      ],
      [
        token('hostid', 'Aino', { host: true, connected: true }),
        token('bid', 'Bertil', { connected: true }),
        token('cid', 'Cecilia', { role: 'viewer' }),
      ],
      'hostid',
    );
    expect(rows.map((r) => [r.name, r.isSelf, r.connected, r.role])).toEqual([
      ['Aino', true, true, 'editor'],
      ['Bertil', false, true, 'editor'],
      ['Cecilia', false, false, 'viewer'],
    ]);
    expect(rows[1]!.presence[0]!.section).toBe('s2');
    expect(rows[1]!.tokenId).toBe('bid');
  });

  it('leaves revoked tokens out, even while their presence lingers', () => {
    const rows = mergeRoster(
      [presence(2, 'Bertil', 'bid')],
      [token('bid', 'Bertil', { revoked: true, connected: true })],
      'hostid',
    );
    expect(rows).toEqual([]);
  });

  it('shows a present participant the server has not listed yet, and everyone before the first answer', () => {
    const rows = mergeRoster(
      [presence(1, 'Aino', 'hostid', { isSelf: true }), presence(3, 'Dora', 'did')],
      null,
      'hostid',
    );
    expect(rows.map((r) => [r.name, r.tokenId, r.role, r.isSelf])).toEqual([
      ['Aino', 'hostid', null, true],
      ['Dora', 'did', null, false],
    ]);
  });
});
