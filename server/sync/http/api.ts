/**
 * The workshop HTTP API under `/api/v1/` (contract: docs/sync.md, "Workshop API"):
 *
 * - `POST /api/v1/documents/:doc/invites` (host) — a short invite code;
 * - `POST /api/v1/join` — redeem a code for a personal token;
 * - `GET /api/v1/documents/:doc/participants` (host);
 * - `POST /api/v1/documents/:doc/participants/:tokenId/revoke` (host);
 * - `POST /api/v1/documents/:doc/end` (host).
 *
 * Every answer is JSON with `Cache-Control: no-store`; errors are `{ error, message }`. A
 * browser request from another origin is answered only when that origin is allowed (CORS), and
 * refused with 403 otherwise (a refusal that origin may read). The caller has already checked the Host header.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIdLike } from '../../../core';
import type { ApiDeps } from './apiDeps';
import { ApiError, sendError, sendJson } from './apiIo';
import { JoinEndpoint } from './join';
import { createInvite, endWorkshop, listParticipants, revokeParticipant } from './manage';

export type { ApiDeps } from './apiDeps';

/** Path prefix the server hands to {@link createApi}'s handler. */
export const API_PREFIX = '/api/';

type Handler = (request: IncomingMessage) => Promise<{ status: number; body: unknown }>;

interface Route {
  readonly method: 'GET' | 'POST';
  readonly handler: Handler;
}

/** CORS headers for `request`, or an error when its Origin may not call the API. */
function corsHeaders(request: IncomingMessage, allowed: readonly string[]): Record<string, string> {
  const origin = request.headers.origin;
  if (origin === undefined) return {};
  const host = (request.headers.host ?? '').toLowerCase();
  const lower = origin.toLowerCase();
  // Same origin: the web app served by this server; no CORS headers needed.
  if (lower === `http://${host}` || lower === `https://${host}`) return {};
  // The refusal itself may be read by that origin (it carries no data), so its page can say
  // "origin not allowed" rather than seeing an opaque network error.
  if (!allowed.some((entry) => entry.toLowerCase() === lower))
    throw new ApiError(403, 'origin', 'This origin may not use the workshop API.', {
      'Access-Control-Allow-Origin': origin,
      Vary: 'Origin',
    });
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': 'Retry-After',
  };
}

/** Build the API handler; it answers every request whose path starts with {@link API_PREFIX}. */
export function createApi(
  deps: ApiDeps,
): (request: IncomingMessage, response: ServerResponse) => void {
  const join = new JoinEndpoint(deps);

  function route(segments: readonly string[]): Route | null {
    const [api, version, first, doc, second, tokenId, third, ...rest] = segments;
    if (api !== 'api' || version !== 'v1') return null;
    if (first === 'join' && doc === undefined)
      return { method: 'POST', handler: (request) => join.handle(request) };
    if (first !== 'documents' || doc === undefined || !isIdLike(doc) || rest.length > 0)
      return null;
    if (second === 'invites' && tokenId === undefined)
      return { method: 'POST', handler: (request) => createInvite(deps, request, doc) };
    if (second === 'participants' && tokenId === undefined)
      return { method: 'GET', handler: (request) => listParticipants(deps, request, doc) };
    if (second === 'participants' && tokenId !== undefined && third === 'revoke')
      return {
        method: 'POST',
        handler: (request) => revokeParticipant(deps, request, doc, tokenId),
      };
    if (second === 'end' && tokenId === undefined)
      return { method: 'POST', handler: (request) => endWorkshop(deps, request, doc) };
    return null;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Vary', 'Origin');
    if (request.method === 'OPTIONS') {
      // Every origin's preflight is answered, a refused one's too: its real request then gets
      // the readable 403 `origin` (checked before anything else) instead of an opaque network
      // error, so the app can say "this server does not allow this app" rather than
      // "unreachable". The preflight itself grants nothing.
      const origin = request.headers.origin;
      request.resume();
      response.writeHead(204, {
        ...(origin !== undefined ? { 'Access-Control-Allow-Origin': origin } : {}),
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600',
      });
      response.end();
      return;
    }
    const cors = corsHeaders(request, deps.allowedOrigins);
    for (const [name, value] of Object.entries(cors)) response.setHeader(name, value);
    let path: string;
    try {
      path = new URL(request.url ?? '/', 'http://x').pathname;
    } catch {
      path = '/';
    }
    const found = route(path.split('/').slice(1));
    if (!found) throw new ApiError(404, 'not-found', 'No such API endpoint or document.');
    if (request.method !== found.method)
      throw new ApiError(405, 'method', `Use ${found.method} for this endpoint.`, {
        Allow: found.method,
      });
    const { status, body } = await found.handler(request);
    sendJson(response, status, body);
  }

  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!(error instanceof ApiError)) {
        deps.log(`[api] ${request.method ?? '?'} failed: ${(error as Error)?.message ?? error}`);
        error = new ApiError(500, 'internal', 'The server could not answer; try again.');
      }
      // Drain what the client still sends so it can read the answer.
      request.resume();
      sendError(response, error as ApiError);
    });
  };
}
