/**
 * What the {@link SocketGate} asks about awareness frames once a socket has authenticated for a
 * document. The policy itself (which client id a connection owns, whose name it may publish)
 * lives in `../integrity/awarenessBinding.ts`; this file is the contract between the two, so the
 * gate does not depend on the integrity code.
 */
import type { AwarenessEntry } from './frameCheck';

/** One socket's authenticated session in one document (the provider multiplexes documents). */
export interface GateSession {
  readonly documentName: string;
  /** The token's label (the participant's name); empty when the token has none. */
  readonly label: string;
  /** The token id (public); two sessions with the same token are the same participant. */
  readonly tokenId: string;
  /** The awareness client id this session published first in the document, once it has. */
  clientId: number | null;
}

export type AwarenessVerdict =
  /** Pass on these entries (possibly fewer than were sent; none: drop the frame). */
  | { readonly ok: true; readonly entries: readonly AwarenessEntry[] }
  /** The frame tries to speak for another client or under another name. */
  | { readonly ok: false; readonly reason: 'awareness-spoofing' }
  /** The document is not loaded yet: decide when Hocuspocus hands the frame back. */
  | { readonly ok: 'later' };

export interface AwarenessPolicy {
  check(session: GateSession, entries: readonly AwarenessEntry[]): AwarenessVerdict;
  /** The session ended (document connection or socket closed): its client id is free again. */
  release(session: GateSession): void;
}
