/**
 * The workshop API against browsers of other sites and hostile input: CORS for allowed origins
 * only, the Host check, clear JSON errors for every malformed request, a hard body limit.
 * (Random requests: sync.apiFuzz.test.ts.)
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture } from './helpers/api';

const APP = 'app://linjaus';
let f: ApiFixture;

beforeAll(async () => {
  f = await startApiFixture({ allowedOrigins: [APP] });
});
afterAll(() => f.close());

const participantsPath = () => `/documents/${f.id}/participants`;

/** POST raw bytes with node:http (fetch would re-encode them), written in chunks when asked. */
function rawPost(
  path: string,
  chunks: (string | Buffer)[],
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, f.test.server.url), { method: 'POST', headers });
    req.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('workshop API CORS', () => {
  it('answers an allowed origin with its CORS headers', async () => {
    const answer = await f.api(participantsPath(), { token: f.hostToken, origin: APP });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(APP);
    expect(answer.headers.get('vary')).toContain('Origin');
    expect(answer.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it('refuses a foreign origin with a 403 it may read but no data, even with a valid host token', async () => {
    for (const origin of ['https://evil.example', 'null', `${f.test.server.url}.evil.example`]) {
      const answer = await f.api(participantsPath(), { token: f.hostToken, origin });
      expect(answer.status, origin).toBe(403);
      expect(answer.body).toEqual({
        error: 'origin',
        message: 'This origin may not use the workshop API.',
      });
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect(answer.headers.get('vary')).toContain('Origin');
      expect(answer.headers.get('access-control-expose-headers')).toBeNull();
    }
  });

  it('needs no CORS for the server’s own origin', async () => {
    const answer = await f.api(participantsPath(), {
      token: f.hostToken,
      origin: f.test.server.url,
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a preflight with 204, a foreign origin’s too (its real request is refused readably)', async () => {
    const preflight = await f.api('/join', {
      method: 'OPTIONS',
      origin: APP,
      headers: { 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'Authorization, Content-Type',
    );
    expect(preflight.headers.get('access-control-max-age')).toBe('600');
    const foreign = await f.api('/join', { method: 'OPTIONS', origin: 'https://evil.example' });
    expect(foreign.status).toBe(204);
    expect(foreign.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    const real = await f.api('/join', {
      origin: 'https://evil.example',
      json: { code: 'AAAA-AAAA', name: 'Vieras' },
    });
    expect(real.status).toBe(403);
    expect(real.body).toMatchObject({ error: 'origin' });
  });
});

describe('workshop API input checks', () => {
  const invites = () => `/documents/${f.id}/invites`;
  const cases: [
    string,
    () => Promise<{ status: number; body: { error: string } }>,
    number,
    string,
  ][] = [
    ['bad JSON', () => f.api('/join', { raw: '{"code": ' }), 400, 'bad-json'],
    [
      'a body that is not UTF-8',
      async () => {
        const answer = await rawPost('/api/v1/join', [Buffer.from([0x7b, 0xff, 0x7d])], {
          'Content-Type': 'application/json',
        });
        return { status: answer.status, body: JSON.parse(answer.body) };
      },
      400,
      'bad-json',
    ],
    [
      'a wrong content type',
      () => f.api('/join', { raw: 'code=K7M4QX2P', contentType: 'text/plain' }),
      415,
      'content-type',
    ],
    [
      'an unknown field',
      () => f.api(invites(), { token: f.hostToken, json: { role: 'editor', host: true } }),
      400,
      'invalid',
    ],
    [
      'an unknown role',
      () => f.api(invites(), { token: f.hostToken, json: { role: 'host' } }),
      400,
      'invalid',
    ],
    [
      'a negative lifetime',
      () => f.api(invites(), { token: f.hostToken, json: { role: 'viewer', expiresInMs: -5 } }),
      400,
      'invalid',
    ],
    ['a JSON array', () => f.api('/join', { json: [1, 2] }), 400, 'invalid'],
    [
      'a too long code',
      () => f.api('/join', { json: { code: 'K'.repeat(65), name: 'A' } }),
      400,
      'invalid',
    ],
    [
      'a document id of the wrong shape',
      () => f.api('/documents/ABC!/participants', { token: f.hostToken }),
      404,
      'not-found',
    ],
    [
      'an unknown endpoint',
      () => f.api('/documents/dabc/secrets', { token: f.hostToken }),
      404,
      'not-found',
    ],
    ['an unknown API version', () => f.api('/../v2/join', { json: {} }), 404, 'not-found'],
    ['the wrong method', () => f.api('/join'), 405, 'method'],
    [
      'a body on a call that takes none',
      () => f.api(`/documents/${f.id}/end`, { token: f.hostToken, json: { now: true } }),
      400,
      'invalid',
    ],
  ];
  for (const [what, call, status, error] of cases) {
    it(`answers ${what} with ${status} ${error}`, async () => {
      const answer = await call();
      expect(answer.status).toBe(status);
      expect(answer.body.error).toBe(error);
      expect(typeof (answer.body as { message?: unknown }).message).toBe('string');
    });
  }

  it('refuses a Host header that does not name this server (DNS rebinding) before anything else', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`/api/v1/documents/${f.id}/participants`, f.test.server.url);
      const req = httpRequest(url, {
        headers: { Host: 'rebound.example:80', Authorization: `Bearer ${f.hostToken}` },
      });
      req.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('answers 413 to a body over 4 KiB, declared or streamed, and keeps serving', async () => {
    const big = JSON.stringify({ code: 'K7M4QX2P', name: 'x'.repeat(5000) });
    const declared = await f.api('/join', { raw: big });
    expect(declared.status).toBe(413);
    expect(declared.body.error).toBe('too-large');
    const streamed = await rawPost(
      '/api/v1/join',
      ['x'.repeat(2000), 'x'.repeat(2000), 'x'.repeat(2000)],
      {
        'Content-Type': 'application/json',
        'Transfer-Encoding': 'chunked',
      },
    );
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).error).toBe('too-large');
    expect((await f.api(participantsPath(), { token: f.hostToken })).status).toBe(200);
  });
});
