/**
 * Invite codes: the short code a host shows the room (renderer/collab/inviteCode.ts spells and
 * reads it). A code is multi-use until it expires or the session ends; each use mints a personal
 * token (see the `/api/v1/join` endpoint). Only the SHA-256 of the normalized code is stored;
 * logs name the invite's id, never the code or its hash (40 bits can be searched offline).
 */
import { createHash, randomBytes } from 'node:crypto';
import { INVITE_CODE_BYTES, inviteCodeFromBytes } from '../../../renderer/collab/inviteCode';
import type { Role } from './token';

/** A stored invite (no code). */
export interface InviteRecord {
  /** Public id for logs and administration. */
  readonly id: string;
  /** SHA-256 of the normalized code, hex. */
  readonly hash: string;
  readonly documentName: string;
  /** Role of the tokens minted through this invite. */
  readonly role: Role;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly revokedAt: number | null;
  /** Id of the host token that created it. */
  readonly createdBy: string;
}

/** Where invites live: a JSON file under `--data`, or a PostgreSQL table (scale-out). */
export interface InviteStore {
  add(record: InviteRecord): Promise<void>;
  /** The invite whose code hashes to `hash`, live or not; undefined when none. */
  findByHash(hash: string): Promise<InviteRecord | undefined>;
  /** Revoke every invite of a document (the session ended). Returns how many were live. */
  revoke(filter: { documentName: string }): Promise<number>;
  list(documentName?: string): Promise<InviteRecord[]>;
  close(): Promise<void>;
}

/** The stored hash of a normalized code. */
export const hashInviteCode = (normalizedCode: string): string =>
  createHash('sha256').update(normalizedCode).digest('hex');

/** True while an invite can be redeemed. */
export const isInviteLive = (record: InviteRecord, now = Date.now()): boolean =>
  record.revokedAt === null && now < record.expiresAt;

/** Make a new invite; the code (normalized, 8 symbols) is returned once and never stored. */
export function mintInvite(
  documentName: string,
  role: Role,
  expiresAt: number,
  createdBy: string,
  now = Date.now(),
): { code: string; record: InviteRecord } {
  const code = inviteCodeFromBytes(randomBytes(INVITE_CODE_BYTES));
  return {
    code,
    record: {
      id: randomBytes(9).toString('base64url'),
      hash: hashInviteCode(code),
      documentName,
      role,
      createdAt: now,
      expiresAt,
      revokedAt: null,
      createdBy,
    },
  };
}

/** Invites that ended this long ago are dropped from the file on the next write. */
export const INVITE_RETENTION_MS = 7 * 86_400_000;
