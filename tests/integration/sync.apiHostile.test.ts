/**
 * The workshop API against browsers of other sites and hostile input: CORS for allowed origins
 * only, clear JSON errors for every malformed request, a hard body limit, and 1,000 seeded
 * random requests that neither crash the server nor change anything.
 */
import { request as httpRequest, Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rng, seeds, type Rng } from '../helpers/random';
import { startApiFixture, type ApiFixture } from './helpers/api';
import { online } from './helpers/clients';

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

  it('refuses a foreign origin with 403 and no CORS headers, even with a valid host token', async () => {
    for (const origin of ['https://evil.example', 'null', `${f.test.server.url}.evil.example`]) {
      const answer = await f.api(participantsPath(), { token: f.hostToken, origin });
      expect(answer.status, origin).toBe(403);
      expect(answer.body.error).toBe('origin');
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
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

  it('answers a preflight from an allowed origin with 204 and refuses a foreign one', async () => {
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
    expect(foreign.status).toBe(403);
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

/** Without credentials every request is refused one way or another. */
const REFUSALS = [400, 401, 403, 404, 405, 413, 415, 429];
const METHODS = ['GET', 'POST', 'POST', 'POST', 'OPTIONS', 'PUT', 'DELETE', 'HEAD', 'PATCH'];
const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~%/?=&';

const text = (r: Rng, max: number, alphabet = ASCII) =>
  Array.from({ length: r.int(max) }, () => alphabet[r.int(alphabet.length)]).join('');

function randomPath(r: Rng, id: string): string {
  const seg = () => (r.chance(0.5) ? text(r, 20) : encodeURIComponent(text(r, 8, 'åä€\0 /\\..')));
  const paths = [
    '/api/v1/join',
    `/api/v1/documents/${id}/invites`,
    `/api/v1/documents/${seg()}/participants`,
    `/api/v1/documents/${id}/participants/${seg()}/revoke`,
    `/api/v1/documents/${id}/end`,
    `/api/${seg()}/${seg()}`,
    `/api/v1/documents/${id}/${seg()}/${seg()}/${seg()}`,
  ];
  const path = r.pick(paths)!;
  return r.chance(0.2) ? `${path}?${text(r, 30)}` : path;
}

function randomBody(r: Rng): Buffer | undefined {
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  const options = [
    () => undefined,
    () => json({ code: text(r, 12, '0123456789ABCDEFGHJKMNPQRSTVWXYZ-'), name: text(r, 70) }),
    () => json({ role: r.pick(['editor', 'viewer', 'host', 7]), expiresInMs: r.int(1e12) - 1e6 }),
    () => json({ [text(r, 10)]: r.pick([null, [], {}, 'x', 1.5, true]) }),
    () => json([r.next(), null, { a: [[[]]] }]),
    () => Buffer.from(Array.from({ length: r.int(300) }, () => r.int(256))),
    () => Buffer.alloc(4097 + r.int(8000), 'a'),
    () => Buffer.from('{"code":"'.repeat(r.int(50))),
  ];
  return r.pick(options)!();
}

function randomHeaders(r: Rng, hostToken: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const type = r.pick([
    undefined,
    'application/json',
    'text/plain',
    'application/json; charset=utf-8',
    text(r, 20),
  ]);
  if (type) headers['Content-Type'] = type;
  const auth = r.pick([
    undefined,
    `Bearer ${text(r, 60)}`,
    `Bearer lj1.${text(r, 16)}.${text(r, 43)}`,
    `Bearer ${hostToken.slice(0, -2)}${text(r, 2)}`,
    text(r, 40),
  ]);
  if (auth) headers['Authorization'] = auth;
  const origin = r.pick([
    undefined,
    undefined,
    undefined,
    undefined,
    APP,
    'https://evil.example',
    'null',
  ]);
  if (origin) headers['Origin'] = origin;
  return headers;
}

describe('workshop API fuzz', () => {
  it('survives 1,000 seeded random requests with JSON answers and no change', async () => {
    const seed = seeds(1)[0]!;
    const r = rng(seed);
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const before = JSON.stringify([
      await f.test.server.tokens.list(),
      await f.test.server.invites.list(),
    ]);
    const seen = new Map<number, number>();
    let dropped = 0;
    const send = (i: number) =>
      new Promise<void>((resolve, reject) => {
        const method = r.pick(METHODS)!;
        const body = ['GET', 'HEAD'].includes(method) ? undefined : randomBody(r);
        const path = randomPath(r, f.id);
        const url = new URL(f.test.server.url);
        const req = httpRequest({
          host: url.hostname,
          port: url.port,
          path,
          method,
          agent,
          headers: {
            ...randomHeaders(r, f.hostToken),
            // Node frames no body of DELETE or OPTIONS unless told its length.
            ...(body ? { 'Content-Length': String(body.length) } : {}),
          },
        });
        req.on('response', (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            const where = `request ${i} (seed ${seed}): ${method} ${path} → ${status}`;
            seen.set(status, (seen.get(status) ?? 0) + 1);
            try {
              expect(method === 'OPTIONS' ? [204, 403] : REFUSALS, where).toContain(status);
              if (status !== 204 && method !== 'HEAD')
                expect(JSON.parse(text).error, where).toBeTypeOf('string');
              resolve();
            } catch (error) {
              reject(error as Error);
            }
          });
        });
        // The server may close a connection after a 413 while the body is still being sent.
        req.on('error', () => {
          dropped++;
          resolve();
        });
        req.end(body);
      });
    for (let i = 0; i < 1000; i += 10)
      await Promise.all(Array.from({ length: 10 }, (_, k) => send(i + k)));
    agent.destroy();
    // Most requests got an answer, and the answers cover the different refusals.
    expect(dropped, JSON.stringify([...seen])).toBeLessThan(20);
    expect(seen.size, JSON.stringify([...seen])).toBeGreaterThanOrEqual(7);
    const after = JSON.stringify([
      await f.test.server.tokens.list(),
      await f.test.server.invites.list(),
    ]);
    expect(after).toBe(before);
    expect(online(f.host)).toBe(true);
    expect((await f.api(participantsPath(), { token: f.hostToken })).status).toBe(200);
    const health = await fetch(`${f.test.server.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
