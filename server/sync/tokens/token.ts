/**
 * Access tokens. A token is `lj1.<id>.<secret>`: the id (public, may appear in logs and admin
 * output) finds the record, the secret (256 random bits) is checked against its stored SHA-256
 * hash in constant time. Only hashes are stored; the secret is shown once, when minted.
 * A plain hash is enough here because the secret is random, not a password.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a token lets its holder do in one document. Commenter is read-only until comments exist. */
export type Role = 'editor' | 'commenter' | 'viewer';
export const ROLES: readonly Role[] = ['editor', 'commenter', 'viewer'];

/** A stored token record (no secret). */
export interface TokenRecord {
  readonly id: string;
  readonly documentName: string;
  readonly role: Role;
  /** SHA-256 of the secret, hex. */
  readonly hash: string;
  readonly createdAt: number;
  /** Epoch ms after which the token is refused. */
  readonly expiresAt: number;
  readonly revokedAt: number | null;
  /** Free text for the host's participant list, e.g. a name; never the secret. */
  readonly label: string;
  /**
   * A host token: an editor token that may also manage the document's workshop (invite codes,
   * participant list, revoke, end). False for every record written before hosts existed.
   */
  readonly host: boolean;
}

/** Options of {@link mintToken}. */
export interface MintOptions {
  /** Mint a host token (see {@link TokenRecord.host}); only editors can be hosts. */
  readonly host?: boolean;
}

/** A freshly minted token: the record to store and the secret text to hand out once. */
export interface MintedToken {
  readonly record: TokenRecord;
  readonly token: string;
}

const PREFIX = 'lj1';
const ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');

/** Mint a token for `documentName`. Throws when a host token is asked for a role other than editor. */
export function mintToken(
  documentName: string,
  role: Role,
  lifetimeMs: number,
  label = '',
  now = Date.now(),
  options: MintOptions = {},
): MintedToken {
  const host = options.host === true;
  if (host && role !== 'editor') throw new Error('A host token must have the editor role.');
  const id = randomBytes(12).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  return {
    token: `${PREFIX}.${id}.${secret}`,
    record: {
      id,
      documentName,
      role,
      hash: hashSecret(secret),
      createdAt: now,
      expiresAt: now + lifetimeMs,
      revokedAt: null,
      label,
      host,
    },
  };
}

/** Split a presented token; null when it is not shaped like one of ours. */
export function parseToken(token: string): { id: string; secret: string } | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return null;
  const [, id, secret] = parts as [string, string, string];
  if (!ID_PATTERN.test(id) || !SECRET_PATTERN.test(secret)) return null;
  return { id, secret };
}

/** Why a token was refused. Never includes the token. */
export type Refusal =
  'malformed' | 'unknown' | 'wrong-secret' | 'other-document' | 'expired' | 'revoked';

/**
 * Check a presented token against its record (looked up by id). The hash comparison runs in
 * constant time; the other checks compare public data.
 */
export function checkToken(
  presented: { id: string; secret: string },
  record: TokenRecord | undefined,
  documentName: string,
  now = Date.now(),
): { ok: true; record: TokenRecord } | { ok: false; reason: Refusal } {
  // Hash even when the id is unknown, so an unknown id costs the same as a wrong secret.
  const presentedHash = Buffer.from(hashSecret(presented.secret), 'hex');
  const storedHash = Buffer.from(record?.hash ?? '0'.repeat(64), 'hex');
  const secretMatches =
    storedHash.length === presentedHash.length && timingSafeEqual(storedHash, presentedHash);
  if (!record) return { ok: false, reason: 'unknown' };
  if (!secretMatches) return { ok: false, reason: 'wrong-secret' };
  if (record.documentName !== documentName) return { ok: false, reason: 'other-document' };
  if (record.revokedAt !== null) return { ok: false, reason: 'revoked' };
  if (now >= record.expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, record };
}

/** True while a record would still be accepted. */
export const isLive = (record: TokenRecord, now = Date.now()): boolean =>
  record.revokedAt === null && now < record.expiresAt;

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Longest lifetime a token may have. */
export const MAX_LIFETIME_MS = 366 * UNITS.d!;

/** Parse a lifetime like `90s`, `30m`, `8h`, `14d`. Throws a clear error otherwise. */
export function parseLifetime(text: string): number {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  if (!match)
    throw new Error(`Invalid lifetime "${text}": use a number and a unit, e.g. 30m, 8h or 14d.`);
  const ms = Number(match[1]) * UNITS[match[2]!]!;
  if (ms <= 0 || ms > MAX_LIFETIME_MS)
    throw new Error(`Invalid lifetime "${text}": between 1s and 366d.`);
  return ms;
}
