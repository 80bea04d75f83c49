/**
 * The host's participant list: the server's tokens of the document (GET /participants: who was
 * let in, with which role, whether connected, revoked) merged with live presence from awareness
 * (colour, section). Pure, so the merge rules are tested without a browser.
 */
import type { ServerParticipant, WorkshopRole } from '../collab';
import type { PresenceEntry } from './controller';

/** One person (one token) in the host's list. */
export interface RosterRow {
  /** Stable React key. */
  readonly key: string;
  /** The token to revoke; null for a presence the server's list does not name (yet). */
  readonly tokenId: string | null;
  readonly name: string;
  /** Null when only awareness knows this participant. */
  readonly role: WorkshopRole | null;
  readonly isHost: boolean;
  /** This browser's own token. */
  readonly isSelf: boolean;
  /** Connected now (the server says so, or they are present in awareness). */
  readonly connected: boolean;
  /** Their live awareness clients (usually one), for colour and section. */
  readonly presence: readonly PresenceEntry[];
}

/**
 * Merge the server's list with presence. Revoked tokens are left out (they cannot come back);
 * tokens without a connection are kept (the host may still revoke them); a present client
 * whose token the server did not list yet gets a row of its own.
 */
export function mergeRoster(
  presence: readonly PresenceEntry[],
  server: readonly ServerParticipant[] | null,
  selfTokenId: string | null,
): RosterRow[] {
  const byToken = new Map<string, PresenceEntry[]>();
  const unmatched: PresenceEntry[] = [];
  const known = new Set((server ?? []).map((p) => p.tokenId));
  for (const entry of presence) {
    if (entry.tokenId && known.has(entry.tokenId)) {
      const list = byToken.get(entry.tokenId) ?? [];
      list.push(entry);
      byToken.set(entry.tokenId, list);
    } else unmatched.push(entry);
  }
  const rows: RosterRow[] = [];
  for (const p of server ?? []) {
    if (p.revoked) continue;
    const here = byToken.get(p.tokenId) ?? [];
    rows.push({
      key: `t:${p.tokenId}`,
      tokenId: p.tokenId,
      name: p.name || here[0]?.name || '',
      role: p.role,
      isHost: p.host,
      isSelf: p.tokenId === selfTokenId || here.some((e) => e.isSelf),
      connected: p.connected || here.length > 0,
      presence: here,
    });
  }
  for (const entry of unmatched) {
    rows.push({
      key: `c:${entry.clientId}`,
      tokenId: entry.tokenId,
      name: entry.name,
      role: null,
      isHost: false,
      isSelf: entry.isSelf || (entry.tokenId !== null && entry.tokenId === selfTokenId),
      connected: true,
      presence: [entry],
    });
  }
  return rows.sort(
    (a, b) =>
      Number(b.isSelf) - Number(a.isSelf) ||
      Number(b.connected) - Number(a.connected) ||
      a.name.localeCompare(b.name, 'fi'),
  );
}
