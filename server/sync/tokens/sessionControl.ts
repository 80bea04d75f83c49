/**
 * Minting and revoking on a running server: the store changes, then a forced sweep closes the
 * connections of tokens that are no longer valid (`Access.sweep`). Shared by `SyncServer`'s
 * methods and the workshop HTTP API.
 */
import type { InviteStore } from './invites';
import type { TokenStore } from './store';
import { mintToken, type MintOptions, type Role } from './token';

export function sessionControl(
  tokens: TokenStore,
  invites: InviteStore,
  sweep: () => Promise<void>,
) {
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
      await sweep();
      return n;
    },
    /** Revoke every invite and token of a document and close its connections. */
    async endSession(documentName: string): Promise<number> {
      // Invites first: a join that raced with this re-checks its invite after minting (join.ts).
      await invites.revoke({ documentName });
      const n = await tokens.revoke({ documentName });
      await sweep();
      return n;
    },
  };
}
