/**
 * Joining a workshop by code (`POST /api/v1/join`): codes typed carelessly still work, every
 * unusable code gets the same 404 (no oracle), display names are checked, guessing is rate
 * limited per address and in total and recovers after the window, and neither codes nor tokens
 * reach the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeInviteCode } from '../../renderer/collab/inviteCode';
import { hashInviteCode, type InviteRecord } from '../../server/sync/tokens/invites';
import { eventually, startApiFixture, type ApiFixture, type CallOptions } from './helpers/api';

let f: ApiFixture;
const fixtures: ApiFixture[] = [];

/** Store an invite with a chosen code (the server would pick a random one). */
async function plantInvite(
  fixture: ApiFixture,
  code: string,
  changes: Partial<InviteRecord> = {},
): Promise<void> {
  const now = Date.now();
  await fixture.test.server.invites.add({
    id: `planted${Math.random().toString(36).slice(2, 10)}`,
    hash: hashInviteCode(normalizeInviteCode(code)!),
    documentName: fixture.id,
    role: 'viewer',
    createdAt: now,
    expiresAt: now + 3_600_000,
    revokedAt: null,
    createdBy: fixture.hostTokenId,
    ...changes,
  });
}

const joinWith = (fixture: ApiFixture, code: string, name = 'Osallistuja') =>
  fixture.api('/join', { json: { code, name } });

beforeAll(async () => {
  f = await startApiFixture({ api: { joinFailuresPerIp: 1000 } });
  fixtures.push(f);
});
afterAll(() => Promise.all(fixtures.map((fixture) => fixture.close())));

describe('joining by code', () => {
  it('accepts a code in lower case, with spaces or dashes, and with O for 0 and I or L for 1', async () => {
    await plantInvite(f, 'K0M1QX2P');
    for (const typed of [
      'K0M1QX2P',
      'k0m1-qx2p',
      'K0M1 QX2P',
      'KOMI-QX2P',
      'kom1qx2p',
      'K0ML-QX2P',
    ]) {
      const answer = await joinWith(f, typed);
      expect(answer.status, typed).toBe(200);
      expect(answer.body).toMatchObject({ documentId: f.id, role: 'viewer' });
      f.secrets.push(answer.body.token.split('.')[2]);
    }
  });

  it('gives one and the same 404 for an unknown, an expired and an ended code, and one whose host was revoked', async () => {
    await plantInvite(f, 'EXP1RED0', { expiresAt: Date.now() - 1000 });
    const other = await f.mintHost('dendedworkshop');
    const ended = await f.invite('editor', other.token, 'dendedworkshop');
    expect((await joinWith(f, ended)).status).toBe(200);
    expect(
      (await f.api('/documents/dendedworkshop/end', { token: other.token, method: 'POST' })).status,
    ).toBe(200);
    const coHost = await f.mintHost(f.id);
    const orphaned = await f.invite('editor', coHost.token);
    await f.test.server.revokeToken(coHost.record.id);
    const answers = [
      await joinWith(f, 'ZZZZ-ZZZZ'),
      await joinWith(f, 'EXP1-RED0'),
      await joinWith(f, ended),
      await joinWith(f, orphaned),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual(answers[0]!.body);
    }
    expect(answers[0]!.body.error).toBe('unknown-code');
  });

  it('tells a malformed code apart (400), since it cannot be anyone’s code', async () => {
    for (const code of ['K7M4', 'K7M4-QX2U', 'K7M4-QX2P-Q']) {
      const answer = await joinWith(f, code);
      expect(answer.status, code).toBe(400);
      expect(answer.body.error).toBe('code');
    }
  });

  it('takes a name of 1 to 60 characters, trimmed, and refuses control characters', async () => {
    const code = await f.invite('viewer');
    const ok = ['Å', 'Aino-Maija Ääpälä', '李小龍', `${'é'.repeat(60)}`, '👩🏽‍💻 Saana'];
    for (const name of ok) {
      const answer = await joinWith(f, code, ` ${name}\t`);
      expect(answer.status, name).toBe(200);
      expect(answer.body.name).toBe(name);
      expect((await f.test.server.tokens.get(answer.body.tokenId))!.label).toBe(name);
    }
    const bad = [
      '',
      '   ',
      'x'.repeat(61),
      'Ai\nno',
      'Bell\u0007',
      'Nul\u0000',
      'Evil\u202eeman',
      'a\u2028b',
    ];
    for (const name of bad) {
      const answer = await joinWith(f, code, name);
      expect(answer.status, JSON.stringify(name)).toBe(400);
      expect(answer.body.error).toBe('name');
    }
    const before = (await f.test.server.tokens.list(f.id)).length;
    for (const body of [
      { code },
      { code, name: 42 },
      { code, name: 'A', extra: 1 },
      { name: 'A' },
    ]) {
      const answer = await f.api('/join', { json: body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error).toBe('invalid');
    }
    expect((await f.test.server.tokens.list(f.id)).length).toBe(before);
  });
});

describe('join rate limits', () => {
  it('answers 429 with Retry-After after too many wrong codes from one address, then lets it try again', async () => {
    const limited = await startApiFixture({ api: { joinFailuresPerIp: 3, windowMs: 1500 } });
    fixtures.push(limited);
    await plantInvite(limited, 'GQQD-2024');
    for (let i = 0; i < 3; i++) expect((await joinWith(limited, `AAAA-AAA${i}`)).status).toBe(404);
    const refused = await joinWith(limited, 'AAAA-AAA9');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe('rate-limit');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Blocked means blocked: even the right code waits.
    expect((await joinWith(limited, 'GQQD-2024')).status).toBe(429);
    await eventually(async () => (await joinWith(limited, 'GQQD-2024')).status === 200, 'recovery');
    expect(limited.test.logs.join('\n')).not.toMatch(/GQQD|AAAA/);
  });

  it('caps join requests from everyone together, then recovers', async () => {
    const capped = await startApiFixture({ api: { joinsPerWindow: 4, windowMs: 1500 } });
    fixtures.push(capped);
    await plantInvite(capped, 'CAPP-ED00');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await joinWith(capped, 'CAPP-ED00')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    await eventually(async () => (await joinWith(capped, 'CAPP-ED00')).status === 200, 'recovery');
  });
});

describe('join rate limits behind a proxy', () => {
  it('counts failed codes per client named by a trusted proxy', async () => {
    const proxied = await startApiFixture({
      trustedProxies: ['127.0.0.1'],
      api: { joinFailuresPerIp: 2, windowMs: 60_000 },
    });
    fixtures.push(proxied);
    const from = (client: string) =>
      proxied.api('/join', {
        json: { code: 'AAAA-AAAA', name: 'Arvaaja' },
        headers: { 'X-Forwarded-For': client },
      });
    expect((await from('198.51.100.1')).status).toBe(404);
    expect((await from('198.51.100.1')).status).toBe(404);
    expect((await from('198.51.100.1')).status).toBe(429);
    expect((await from('198.51.100.2')).status).toBe(404);
    expect((await from('forged, 198.51.100.1')).status).toBe(429);
  });
});

describe('join rate limits against junk', () => {
  it('lets a valid join through after one address sent 200 malformed joins, and limits that address', async () => {
    const fixture = await startApiFixture({ trustedProxies: ['127.0.0.1'] });
    fixtures.push(fixture);
    await plantInvite(fixture, 'JNK0-0K00');
    const from = (client: string, options: CallOptions) =>
      fixture.api('/join', { ...options, headers: { 'X-Forwarded-For': client } });
    const junk: CallOptions[] = [
      { raw: '{"code": ' },
      { json: { code: 'K7M4', name: 'Roska' } },
      { json: { code: 'JNK0-0K00', name: '' } },
      { raw: '{}', contentType: 'text/plain' },
      { raw: 'x'.repeat(5000) },
    ];
    const statuses = new Set<number>();
    for (let i = 0; i < 200; i++)
      statuses.add((await from('198.51.100.66', junk[i % junk.length]!)).status);
    // The first ten refusals are answered as such; from then on the address is limited.
    expect([...statuses].sort()).toEqual([400, 413, 415, 429]);
    const limited = await from('198.51.100.66', { json: { code: 'JNK0-0K00', name: 'Roska' } });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate-limit');
    const real = await from('198.51.100.7', { json: { code: 'JNK0-0K00', name: 'Aino' } });
    expect(real.status).toBe(200);
    expect(real.body.documentId).toBe(fixture.id);
  });

  it('counts each kind of refused join (400, 404, 413, 415) against the address', async () => {
    const fixture = await startApiFixture({
      trustedProxies: ['127.0.0.1'],
      api: { joinFailuresPerIp: 4 },
    });
    fixtures.push(fixture);
    await plantInvite(fixture, 'KIND-0K00');
    const from = (client: string, options: CallOptions) =>
      fixture.api('/join', { ...options, headers: { 'X-Forwarded-For': client } });
    const refusals: [CallOptions, number][] = [
      [{ raw: '{"code": ' }, 400],
      [{ json: { code: 'AAAA-AAAA', name: 'Arvaaja' } }, 404],
      [{ raw: 'x'.repeat(5000) }, 413],
      [{ raw: '{}', contentType: 'text/plain' }, 415],
    ];
    for (const [index, [options, status]] of refusals.entries()) {
      const client = `198.51.100.${index + 10}`;
      for (let i = 0; i < 4; i++) expect((await from(client, options)).status).toBe(status);
      expect((await from(client, { json: { code: 'KIND-0K00', name: 'Aino' } })).status).toBe(429);
    }
  });
});

describe('join logging', () => {
  it('never writes a code or a token secret to the log', () => {
    const log = f.test.logs.join('\n');
    expect(log).toContain('[api]');
    for (const secret of f.secrets) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/K0M1|EXP1|ZZZZ/i);
  });
});
