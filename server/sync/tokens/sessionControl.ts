/**
 * Minting and revoking on a running server: the store changes, then a forced sweep closes the
 * connections of tokens that are no longer valid (`Access.sweep`); ending a session closes the
 * document's connections with reason `ended` (`Access.endDocument`). Shared by `SyncServer`'s
 * methods and the workshop HTTP API.
 */
import type { InviteStore } from './invites';
import type { TokenStore } from './store';
import { mintToken, type MintOptions, type Role } from './token';

/** What session control needs from the connection registry (`Access`). */
export interface ConnectionCloser {
  /** Re-check live connections against the store now; close those no longer valid. */
  sweep(): Promise<void>;
  /** Run `revoke`, then close every connection of the document as `ended`. */
  endDocument<T>(documentName: string, revoke: () => Promise<T>): Promise<T>;
}

export function sessionControl(tokens: TokenStore, invites: InviteStore, access: ConnectionCloser) {
  return {
    /** Mint and store a token; `now` is when its lifetime starts. */
    async mint(
      documentName: string,
      role: Role,
      lifetimeMs: number,
      label = '',
      options: MintOptions = {},
      now = Date.now(),
    ) {
      const minted = mintToken(documentName, role, lifetimeMs, label, now, options);
      await tokens.add(minted.record);
      return minted;
    },
    /** Revoke one token and close its connections. */
    async revokeToken(tokenId: string): Promise<number> {
      const n = await tokens.revoke({ id: tokenId });
      await access.sweep();
      return n;
    },
    /** Revoke every invite and token of a document and close its connections (as `ended`). */
    endSession(documentName: string): Promise<number> {
      return access.endDocument(documentName, async () => {
        // Invites first: a join that raced with this re-checks its invite after minting (join.ts).
        await invites.revoke({ documentName });
        const n = await tokens.revoke({ documentName });
        await access.sweep();
        return n;
      });
    },
  };
}
