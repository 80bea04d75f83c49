/**
 * The host's endpoints: create an invite code, list participants, revoke one, end the workshop.
 * Each takes `Authorization: Bearer <host token>`: live, of this document, and `host: true`
 * (401 when missing, malformed, unknown, wrong, expired or revoked; 403 when valid but not a
 * host token or of another document). The secret is checked in constant time (`checkToken`).
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { formatInviteCode } from '../../../renderer/collab/inviteCode';
import { mintInvite } from '../tokens/invites';
import {
  checkToken,
  isLive,
  MAX_LIFETIME_MS,
  parseToken,
  ROLES,
  type Role,
  type TokenRecord,
} from '../tokens/token';
import type { ApiDeps } from './apiDeps';
import { ApiError, readJson } from './apiIo';

const unauthorized = () =>
  new ApiError(401, 'unauthorized', 'A valid host token is required (Authorization: Bearer …).');
const forbidden = () =>
  new ApiError(403, 'forbidden', 'This token may not manage this document’s workshop.');

/** The host token presented with `request`, checked for `documentName`. */
export async function authenticateHost(
  deps: ApiDeps,
  request: IncomingMessage,
  documentName: string,
): Promise<TokenRecord> {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer ([^\s]{1,200})$/i.exec(header.trim());
  const presented = match ? parseToken(match[1]!) : null;
  const refuse = (error: ApiError, why: string): never => {
    deps.log(`[api] refused ${request.method ?? '?'} for ${documentName}: ${why}`);
    throw error;
  };
  if (!presented) return refuse(unauthorized(), 'no or a malformed token');
  const record = await deps.tokens.get(presented.id);
  const result = checkToken(presented, record, documentName);
  if (result.ok) {
    if (!result.record.host)
      return refuse(forbidden(), `token ${presented.id} is not a host token`);
    return result.record;
  }
  // The secret matched but the token is for another document: forbidden, if it is still live.
  if (result.reason === 'other-document' && record && isLive(record))
    return refuse(forbidden(), `token ${presented.id} is for another document`);
  return refuse(unauthorized(), `token ${presented.id} (${result.reason})`);
}

const inviteBody = z.strictObject({
  role: z.enum(ROLES as [Role, ...Role[]]),
  expiresInMs: z.number().int().positive().max(MAX_LIFETIME_MS).optional(),
});

/** `POST /api/v1/documents/:doc/invites` → 201 `{ code, display, role, expiresAt }`. */
export async function createInvite(deps: ApiDeps, request: IncomingMessage, doc: string) {
  const body = await readJson(request, deps.limits.maxBodyBytes, inviteBody);
  const host = await authenticateHost(deps, request, doc);
  const now = Date.now();
  // Never beyond the host's own token: the workshop ends when the host's access does.
  const lifetime = Math.min(body.expiresInMs ?? Infinity, host.expiresAt - now);
  const { code, record } = mintInvite(doc, body.role, now + lifetime, host.id, now);
  await deps.invites.add(record);
  deps.log(`[api] token ${host.id} created invite ${record.id} (${record.role}) for ${doc}`);
  return {
    status: 201,
    body: { code, display: formatInviteCode(code), role: record.role, expiresAt: record.expiresAt },
  };
}

const emptyBody = z.strictObject({});

/**
 * `GET /api/v1/documents/:doc/participants` → every token of the document with whether it is
 * connected (to any instance). Tokens that ended before the host's token was minted belong to
 * an earlier workshop and are left out.
 */
export async function listParticipants(deps: ApiDeps, request: IncomingMessage, doc: string) {
  const host = await authenticateHost(deps, request, doc);
  const now = Date.now();
  const connected = new Set(await deps.liveTokens(doc));
  const records = (await deps.tokens.list(doc))
    .filter((r) => {
      const ended = r.revokedAt ?? (r.expiresAt <= now ? r.expiresAt : null);
      return ended === null || ended >= host.createdAt;
    })
    .sort((a, b) => a.createdAt - b.createdAt);
  return {
    status: 200,
    body: {
      participants: records.map((r) => ({
        tokenId: r.id,
        name: r.label,
        role: r.role,
        host: r.host,
        connected: connected.has(r.id) && isLive(r, now),
        revoked: r.revokedAt !== null,
        expiresAt: r.expiresAt,
      })),
    },
  };
}

const TOKEN_ID = /^[A-Za-z0-9_-]{16}$/;

/** `POST /api/v1/documents/:doc/participants/:tokenId/revoke` → `{ revoked }`. */
export async function revokeParticipant(
  deps: ApiDeps,
  request: IncomingMessage,
  doc: string,
  tokenId: string,
) {
  await readJson(request, deps.limits.maxBodyBytes, emptyBody, true);
  const host = await authenticateHost(deps, request, doc);
  const record = TOKEN_ID.test(tokenId) ? await deps.tokens.get(tokenId) : undefined;
  if (!record || record.documentName !== doc)
    throw new ApiError(404, 'unknown-participant', 'No participant with this id in this document.');
  if (record.id === host.id)
    throw new ApiError(400, 'self', 'The host cannot revoke their own token; end the workshop.');
  const revoked = await deps.revokeToken(record.id);
  deps.log(`[api] token ${host.id} revoked token ${record.id} of ${doc}`);
  return { status: 200, body: { revoked } };
}

/** `POST /api/v1/documents/:doc/end` → `{ revoked }`: every token and invite, every connection. */
export async function endWorkshop(deps: ApiDeps, request: IncomingMessage, doc: string) {
  await readJson(request, deps.limits.maxBodyBytes, emptyBody, true);
  const host = await authenticateHost(deps, request, doc);
  const revoked = await deps.endSession(doc);
  deps.log(`[api] token ${host.id} ended the workshop of ${doc} (${revoked} tokens revoked)`);
  return { status: 200, body: { revoked } };
}
