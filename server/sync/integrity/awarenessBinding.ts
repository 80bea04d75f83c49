/**
 * Awareness binding (docs/sync.md, "Awareness binding"): a connection speaks only for its own
 * awareness client id — the first one it publishes in the document; an id another live
 * connection owns is refused — and, when its token carries a label (every token minted by
 * /join), only under that name (`name` and `user.name`); a published top-level `tokenId` must
 * be the connection's own token id.
 *
 * Hocuspocus providers relay every awareness change they receive, other participants' states
 * included, back to the server, and remove participants they have not heard from for 30 s
 * (then send that removal too). So entries for other ids are normal; what matters is whether an
 * entry would change the server's awareness (the y-protocols rule: a newer clock, or a removal
 * at the same clock). Entries that would change nothing are dropped as echoes; removals of other
 * clients are dropped (a client may not remove someone else, but a stale timeout is no attack);
 * a new state for another id, or a state under another name or token id, is spoofing.
 */
import type { AwarenessPolicy, AwarenessVerdict, GateSession } from '../guard/awarenessPolicy';
import type { AwarenessEntry } from '../guard/frameCheck';

/** The part of a y-protocols `Awareness` the policy reads. */
export interface AwarenessView {
  readonly meta: ReadonlyMap<number, { readonly clock: number }>;
  readonly states: ReadonlyMap<number, unknown>;
}

const SPOOFING: AwarenessVerdict = { ok: false, reason: 'awareness-spoofing' };
const LATER: AwarenessVerdict = { ok: 'later' };

/** Whether y-protocols' `applyAwarenessUpdate` would change `awareness` with `entry`. */
export function wouldApply(awareness: AwarenessView, entry: AwarenessEntry): boolean {
  const current = awareness.meta.get(entry.clientId)?.clock ?? 0;
  return (
    current < entry.clock ||
    (current === entry.clock && entry.state === null && awareness.states.has(entry.clientId))
  );
}

function field(value: unknown, key: string): { present: boolean; value: unknown } {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key))
    return { present: false, value: undefined };
  return { present: true, value: (value as Record<string, unknown>)[key] };
}

/** Whether `state` shows `label` as the participant's name (or no name at all). */
export function showsLabel(label: string, state: unknown): boolean {
  if (label === '') return true;
  const name = field(state, 'name');
  if (name.present && name.value !== label) return false;
  const userName = field(field(state, 'user').value, 'name');
  return !userName.present || userName.value === label;
}

/**
 * Whether `state` names no token or exactly `tokenId`: the host's participant list puts a
 * presence under the row of the token its top-level `tokenId` names, so a connection may only
 * name its own.
 */
export function showsTokenId(tokenId: string, state: unknown): boolean {
  const published = field(state, 'tokenId');
  return !published.present || published.value === tokenId;
}

/** The awareness policy of one server: who owns which client id in which document. */
export class AwarenessBinding implements AwarenessPolicy {
  private readonly owners = new Map<string, Map<number, GateSession>>();
  /** Frames refused as spoofing, entries dropped (echoes, others' removals): for tests and logs. */
  readonly counts = { spoofing: 0, dropped: 0 };

  /** `awarenessOf` answers the loaded document's awareness, or null while it is not loaded. */
  constructor(
    private readonly awarenessOf: (documentName: string) => AwarenessView | null,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  check(session: GateSession, entries: readonly AwarenessEntry[]): AwarenessVerdict {
    const awareness = this.awarenessOf(session.documentName);
    if (!awareness) return LATER;
    const kept: AwarenessEntry[] = [];
    for (const entry of entries) {
      const own = session.clientId === entry.clientId;
      if (!wouldApply(awareness, entry) || (entry.state === null && !own)) {
        this.counts.dropped++;
        continue;
      }
      if (!own && (session.clientId !== null || !this.bind(session, entry.clientId)))
        return this.spoofing(session, 'another client id');
      if (entry.state !== null && !showsLabel(session.label, entry.state))
        return this.spoofing(session, 'a name other than its label');
      if (entry.state !== null && !showsTokenId(session.tokenId, entry.state))
        return this.spoofing(session, 'a token id other than its own');
      kept.push(entry);
    }
    return { ok: true, entries: kept };
  }

  release(session: GateSession): void {
    if (session.clientId === null) return;
    const ids = this.owners.get(session.documentName);
    if (ids?.get(session.clientId) !== session) return;
    ids.delete(session.clientId);
    if (ids.size === 0) this.owners.delete(session.documentName);
  }

  /** The session that owns `clientId` in `documentName`, if any (for tests). */
  ownerOf(documentName: string, clientId: number): GateSession | undefined {
    return this.owners.get(documentName)?.get(clientId);
  }

  private bind(session: GateSession, clientId: number): boolean {
    let ids = this.owners.get(session.documentName);
    if (!ids) {
      ids = new Map();
      this.owners.set(session.documentName, ids);
    }
    const owner = ids.get(clientId);
    // The same token on a new socket is the same participant reconnecting before the server
    // noticed the old socket was gone: the new connection takes the id over.
    if (owner && (owner.tokenId === '' || owner.tokenId !== session.tokenId)) return false;
    ids.set(clientId, session);
    session.clientId = clientId;
    return true;
  }

  private spoofing(session: GateSession, what: string): AwarenessVerdict {
    this.counts.spoofing++;
    this.log(
      `[integrity] awareness spoofing in ${session.documentName} by token ${session.tokenId || '?'}: ${what}`,
    );
    return SPOOFING;
  }
}
