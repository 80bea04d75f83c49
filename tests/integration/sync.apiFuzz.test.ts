/**
 * 1,000 seeded random requests against the workshop API (methods, paths, headers, bodies — JSON,
 * bytes, oversized): every one is refused with a JSON error, the server keeps serving, and no
 * token or invite changes. Replay a failure with LINJAUS_SEED=<seed>.
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
    expect((await f.api(`/documents/${f.id}/participants`, { token: f.hostToken })).status).toBe(
      200,
    );
    const health = await fetch(`${f.test.server.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
