/**
 * `POST /api/v1/join` — redeem an invite code for a personal token. No authentication: the
 * code is the secret, so guessing is limited (per client address: refused requests per window —
 * any 4xx but 429; for everyone: well-formed join requests per window; an address over its own
 * limit is refused before it touches the shared one) and every kind of bad code gets the same 404, so the
 * answer tells nothing about whether a code existed. Never logs the code or the token.
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { normalizeInviteCode } from '../../../renderer/collab/inviteCode';
import { hashInviteCode, isInviteLive } from '../tokens/invites';
import { isLive } from '../tokens/token';
import type { ApiDeps } from './apiDeps';
import { ApiError, readJson } from './apiIo';
import { requestClientAddress } from '../clientAddress';
import { clientKey, WindowCounter } from './rateLimit';

const joinBody = z.strictObject({
  code: z.string().max(64),
  // Length is checked by displayName (the body limit bounds it first), to answer 'name'.
  name: z.string(),
});

/** Longest display name, in characters (code points). */
export const MAX_NAME_LENGTH = 60;

// Control characters, line/paragraph separators and bidirectional overrides: a name is shown
// in other people's participant lists and carets, where these could hide or disguise text.
const FORBIDDEN_IN_NAME = /[\p{Cc}\p{Zl}\p{Zp}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The display name to use, or null when `raw` is not acceptable (1–60 characters, no controls). */
export function displayName(raw: string): string | null {
  const name = raw.normalize('NFC').trim();
  const length = [...name].length;
  if (length < 1 || length > MAX_NAME_LENGTH || FORBIDDEN_IN_NAME.test(name)) return null;
  return name;
}

const unknownCode = () =>
  new ApiError(404, 'unknown-code', 'No workshop has this code (or it has ended).');

export class JoinEndpoint {
  private readonly failures: WindowCounter;
  private readonly all: WindowCounter;

  constructor(private readonly deps: ApiDeps) {
    const { joinFailuresPerIp, joinsPerWindow, windowMs } = deps.limits;
    this.failures = new WindowCounter(joinFailuresPerIp, windowMs);
    this.all = new WindowCounter(joinsPerWindow, windowMs, 1);
  }

  async handle(request: IncomingMessage) {
    const client = clientKey(requestClientAddress(request, this.deps.trustedProxies));
    // An address already over its limit is refused before anything is counted, so it cannot
    // use up the allowance everyone shares.
    this.refuseWhileLimited(request, client, this.failures.retryAfterMs(client));
    try {
      return await this.redeem(request, client);
    } catch (error) {
      // Every refusal the client caused (bad body, bad name or code, unknown code, too large,
      // wrong type) counts against its address; a 429 or a server failure does not.
      if (
        error instanceof ApiError &&
        error.status >= 400 &&
        error.status < 500 &&
        error.status !== 429
      )
        this.failures.hit(client);
      throw error;
    }
  }

  private refuseWhileLimited(request: IncomingMessage, client: string, wait: number): void {
    if (wait <= 0) return;
    request.resume();
    this.deps.log(`[api] join from ${client} refused: rate limit`);
    throw new ApiError(429, 'rate-limit', 'Too many join attempts; try again later.', {
      'Retry-After': String(Math.ceil(wait / 1000)),
    });
  }

  private async redeem(request: IncomingMessage, client: string) {
    const body = await readJson(request, this.deps.limits.maxBodyBytes, joinBody);
    const name = displayName(body.name);
    if (name === null)
      throw new ApiError(
        400,
        'name',
        `Give a name of 1 to ${MAX_NAME_LENGTH} characters without control characters.`,
      );
    const code = normalizeInviteCode(body.code);
    if (code === null)
      throw new ApiError(400, 'code', 'An invite code has 8 letters and digits, e.g. K7M4-QX2P.');
    // Only a well-formed request that reaches the code lookup uses the shared allowance: junk
    // from one address must not lock everyone else out.
    this.refuseWhileLimited(request, client, this.all.retryAfterMs('*'));
    this.all.hit('*');
    const now = Date.now();
    const invite = await this.deps.invites.findByHash(hashInviteCode(code));
    // A code lives only as long as the host token that made it (revoked host → dead codes; this
    // also covers an invite created while the workshop was being ended).
    const creator = invite && (await this.deps.tokens.get(invite.createdBy));
    if (!invite || !isInviteLive(invite, now) || !creator || !isLive(creator, now)) {
      this.deps.log(`[api] join from ${client} refused: unknown, expired or ended code`);
      throw unknownCode();
    }
    const { token, record } = await this.deps.mintToken(
      invite.documentName,
      invite.role,
      invite.expiresAt - now,
      name,
      {},
      now,
    );
    // The workshop may have ended while this token was minted: ending revokes the invites first,
    // then the tokens, so either that revoked this token or the invite reads as ended now.
    const still = await this.deps.invites.findByHash(invite.hash);
    if (!still || !isInviteLive(still)) {
      await this.deps.revokeToken(record.id);
      throw unknownCode();
    }
    this.deps.log(
      `[api] token ${record.id} joined ${invite.documentName} as ${record.role} through invite ${invite.id}`,
    );
    return {
      status: 200,
      body: {
        documentId: invite.documentName,
        token,
        tokenId: record.id,
        role: record.role,
        name,
        expiresAt: record.expiresAt,
      },
    };
  }
}
