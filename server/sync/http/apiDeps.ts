/** What the workshop HTTP API needs from the running sync server. */
import type { InviteStore } from '../tokens/invites';
import type { TokenStore } from '../tokens/store';
import type { MintOptions, Role, TokenRecord } from '../tokens/token';
import type { ApiLimits } from './rateLimit';

export interface ApiDeps {
  readonly tokens: TokenStore;
  readonly invites: InviteStore;
  readonly limits: ApiLimits;
  /** Reverse proxies whose `X-Forwarded-For` names the client (for the rate limits). */
  readonly trustedProxies: readonly string[];
  /** Origins other than the server's own that may call the API from a browser. */
  readonly allowedOrigins: readonly string[];
  /** Token ids of the document's open connections (on every instance, with PostgreSQL). */
  liveTokens(documentName: string): Promise<string[]>;
  mintToken(
    documentName: string,
    role: Role,
    lifetimeMs: number,
    label: string,
    options?: MintOptions,
    /** The time the lifetime counts from (default: now). */
    now?: number,
  ): Promise<{ token: string; record: TokenRecord }>;
  /** Revoke one token and close its connections now. */
  revokeToken(tokenId: string): Promise<number>;
  /** Revoke every token and invite of a document and close its connections. */
  endSession(documentName: string): Promise<number>;
  /** Log lines never carry a code, a token or its hash; they name token and invite ids. */
  log(line: string): void;
}
