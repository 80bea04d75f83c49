/**
 * The workshop side of a running server, put together: minting and revoking (which close
 * connections through the access sweep), the presence shared between instances (PostgreSQL),
 * and the HTTP API handler.
 */
import { randomUUID } from 'node:crypto';
import type { Hocuspocus } from '@hocuspocus/server';
import type pg from 'pg';
import type { Access } from '../access';
import { DEFAULTS, type SyncServerOptions } from '../config';
import type { InviteStore } from '../tokens/invites';
import { PostgresPresence } from '../tokens/presence';
import { sessionControl } from '../tokens/sessionControl';
import type { TokenStore } from '../tokens/store';
import { createApi } from './api';

export interface WorkshopParts {
  readonly options: SyncServerOptions;
  readonly pool: pg.Pool | null;
  readonly hocuspocus: Hocuspocus;
  readonly access: Access;
  readonly tokens: TokenStore;
  readonly invites: InviteStore;
  readonly log: (line: string) => void;
}

/** Build the workshop services; call `stop()` before the pool closes. */
export async function startWorkshop(parts: WorkshopParts) {
  const { options, pool, hocuspocus, access, tokens, invites, log } = parts;
  // With PostgreSQL, instances share who is connected (the host's participant list).
  const presence = pool
    ? new PostgresPresence(
        pool,
        `${options.name ?? 'linjaus'}-${randomUUID()}`,
        () =>
          [...hocuspocus.documents.keys()].flatMap((name) =>
            access.liveTokens(name).map((tokenId): [string, string] => [name, tokenId]),
          ),
        options.tokenSweepMs ?? DEFAULTS.tokenSweepMs,
        log,
      )
    : null;
  await presence?.prepare();
  presence?.start();
  const control = sessionControl(tokens, invites, {
    sweep: () => access.sweep(true),
    endDocument: (documentName, revoke) => access.endDocument(documentName, revoke),
  });
  const api = createApi({
    tokens,
    invites,
    limits: { ...DEFAULTS.api, ...options.api },
    allowedOrigins: options.allowedOrigins ?? [],
    trustedProxies: options.trustedProxies ?? [],
    liveTokens: async (documentName) =>
      presence ? presence.connected(documentName) : access.liveTokens(documentName),
    mintToken: control.mint,
    revokeToken: control.revokeToken,
    endSession: control.endSession,
    log,
  });
  return { ...control, api, stop: async () => presence?.stop() };
}
