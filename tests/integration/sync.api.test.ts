/**
 * The workshop HTTP API (invites, join by code, participants, revoke, end) against a real server
 * on port 0 with real fetch and real Hocuspocus providers: every endpoint's happy path, the host
 * token access matrix, forgiving code input, one answer for every bad code, display names,
 * revoking exactly one participant, ending a workshop, CORS and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMeta } from '../../core';
import { hashInviteCode } from '../../server/sync/tokens/invites';
import { mintToken } from '../../server/sync/tokens/token';
import { eventually, startApiFixture, type ApiFixture, type CallOptions } from './helpers/api';
import { join, online, waitFor } from './helpers/clients';

let f: ApiFixture;
let id: string;
const docPath = (documentId = id) => `/documents/${documentId}`;

beforeAll(async () => {
  f = await startApiFixture({
    allowedOrigins: ['app://linjaus'],
    api: { joinFailuresPerIp: 1000 },
  });
  id = f.id;
});
afterAll(() => f.close());

describe('workshop API endpoints', () => {
  it('creates an invite code that lasts as long as the host token unless asked for less', async () => {
    const hostRecord = (await f.test.server.tokens.get(f.hostTokenId))!;
    const whole = await f.api(`${docPath()}/invites`, {
      token: f.hostToken,
      json: { role: 'editor' },
    });
    expect(whole.status).toBe(201);
    expect(whole.headers.get('cache-control')).toBe('no-store');
    expect(whole.body.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(whole.body.display).toBe(`${whole.body.code.slice(0, 4)}-${whole.body.code.slice(4)}`);
    expect(whole.body).toMatchObject({ role: 'editor', expiresAt: hostRecord.expiresAt });
    const before = Date.now();
    const short = await f.api(`${docPath()}/invites`, {
      token: f.hostToken,
      json: { role: 'viewer', expiresInMs: 60_000 },
    });
    expect(short.body.role).toBe('viewer');
    expect(short.body.expiresAt).toBeGreaterThanOrEqual(before + 60_000);
    expect(short.body.expiresAt).toBeLessThan(hostRecord.expiresAt);
    const long = await f.api(`${docPath()}/invites`, {
      token: f.hostToken,
      json: { role: 'viewer', expiresInMs: 30 * 86_400_000 },
    });
    expect(long.body.expiresAt).toBe(hostRecord.expiresAt);
    const stored = await f.test.server.invites.list(id);
    expect(stored.map((r) => r.hash)).toContain(hashInviteCode(whole.body.code));
    expect(JSON.stringify(stored)).not.toContain(whole.body.code);
  });

  it('trades a code and a name for a personal token that opens the document with the invite role', async () => {
    const created = await f.api(`${docPath()}/invites`, {
      token: f.hostToken,
      json: { role: 'viewer' },
    });
    const answer = await f.api('/join', {
      json: { code: created.body.code, name: '  Aino Virtanen ' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ documentId: id, role: 'viewer', name: 'Aino Virtanen' });
    const record = (await f.test.server.tokens.get(answer.body.tokenId))!;
    expect(record).toMatchObject({ label: 'Aino Virtanen', role: 'viewer', host: false });
    expect(answer.body.expiresAt).toBe(record.expiresAt);
    expect(record.expiresAt).toBe(created.body.expiresAt);
    const reader = join(f.test.server.wsUrl, id, answer.body.token, 'Aino Virtanen');
    await waitFor(() => online(reader) && getMeta(reader.doc).title === 'Työpaja', 'reader synced');
    expect(reader.workshop.status().access).toBe('readonly');
    reader.workshop.destroy();
  });

  it('lists every participant of the workshop with who is connected', async () => {
    const { tokenId } = await f.joinByCode(await f.invite('editor'), 'Bertta');
    await eventually(
      async () => (await f.participants()).some((p) => p.tokenId === tokenId && p.connected),
      'Bertta connected in the list',
    );
    const list = await f.participants();
    expect(list.find((p) => p.tokenId === f.hostTokenId)).toMatchObject({
      name: 'Isäntä',
      host: true,
      connected: true,
      revoked: false,
    });
    expect(list.find((p) => p.tokenId === tokenId)).toMatchObject({
      name: 'Bertta',
      host: false,
      role: 'editor',
    });
    expect(Object.keys(list[0]!).sort()).toEqual(
      ['connected', 'expiresAt', 'host', 'name', 'revoked', 'role', 'tokenId'].sort(),
    );
  });
});

describe('workshop API host token checks', () => {
  const endpoints = (victim: string): [string, string, CallOptions][] => [
    ['create an invite', `${docPath()}/invites`, { json: { role: 'editor' } }],
    ['list participants', `${docPath()}/participants`, {}],
    ['revoke a participant', `${docPath()}/participants/${victim}/revoke`, { method: 'POST' }],
    ['end the workshop', `${docPath()}/end`, { method: 'POST' }],
  ];
  const cases: [string, () => Promise<string | undefined>, number][] = [
    ['no token', async () => undefined, 401],
    ['a malformed token', async () => 'kissa', 401],
    ['a host token with the wrong secret', async () => `${f.hostToken.slice(0, -4)}AAAA`, 401],
    [
      'a host token of another document',
      async () => (await f.mintHost('dother0000000')).token,
      403,
    ],
    [
      'an editor token that is not a host token',
      async () => (await f.test.server.mintToken(id, 'editor', 3_600_000)).token,
      403,
    ],
    [
      'a viewer token',
      async () => (await f.test.server.mintToken(id, 'viewer', 3_600_000)).token,
      403,
    ],
    [
      'an expired host token',
      async () => {
        const old = mintToken(id, 'editor', 1000, '', Date.now() - 10_000, { host: true });
        await f.test.server.tokens.add(old.record);
        return old.token;
      },
      401,
    ],
    [
      'a revoked host token',
      async () => {
        const { token, record } = await f.mintHost(id);
        await f.test.server.revokeToken(record.id);
        return token;
      },
      401,
    ],
  ];

  for (const [what, token, status] of cases) {
    it(`answers ${status} to ${what} on every management endpoint and changes nothing`, async () => {
      const { tokenId: victim, client } = await f.joinByCode(await f.invite('editor'), 'Uhri');
      const presented = await token();
      const before = JSON.stringify([
        await f.test.server.tokens.list(id),
        await f.test.server.invites.list(id),
      ]);
      for (const [action, path, options] of endpoints(victim)) {
        const answer = await f.api(path, {
          ...options,
          ...(presented !== undefined ? { token: presented } : {}),
        });
        expect(answer.status, action).toBe(status);
        expect(answer.body.error).toBe(status === 401 ? 'unauthorized' : 'forbidden');
      }
      const after = JSON.stringify([
        await f.test.server.tokens.list(id),
        await f.test.server.invites.list(id),
      ]);
      expect(after).toBe(before);
      expect(online(client) && online(f.host)).toBe(true);
      client.workshop.destroy();
    });
  }

  it('refuses an Authorization header that is not a bearer token', async () => {
    const answer = await f.api(`${docPath()}/participants`, {
      headers: { Authorization: `Basic ${f.hostToken}` },
    });
    expect(answer.status).toBe(401);
  });
});

describe('workshop API logging', () => {
  it('logs refusals by token id and never a token secret', () => {
    const log = f.test.logs.join('\n');
    expect(log).toContain(`[api] refused GET for ${id}: token`);
    expect(f.secrets.length).toBeGreaterThan(3);
    for (const secret of f.secrets) expect(log).not.toContain(secret);
  });
});
