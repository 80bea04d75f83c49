/**
 * Access control as a Hocuspocus extension: `onAuthenticate` checks the token against the
 * {@link TokenStore} for the requested document and sets the connection read-only for viewers and
 * commenters; a registry of live connections lets the host revoke a token (close reason
 * `revoked`) or end the session (`ended`) and closes those connections at once; a periodic sweep also closes connections whose token
 * expired or was revoked by another process (the `linjaus token revoke` command).
 *
 * Logs name the token id, never the token.
 */
import type {
  Connection,
  Extension,
  connectedPayload,
  onAuthenticatePayload,
  onDisconnectPayload,
  onStatelessPayload,
} from '@hocuspocus/server';
import { isIdLike } from '../../core';
import { REVOKED_NOTICE, STORED_QUERY, statelessKind } from '../../renderer/collab/protocol';
import type { GateSession } from './guard/awarenessPolicy';
import { CLOSE, type SocketGate } from './guard/socketGate';
import type { StoredNotices } from './storage/storedNotices';
import type { TokenStore } from './tokens/store';
import { checkToken, isLive, parseToken, type Role } from './tokens/token';

/** The context Linjaus adds to every Hocuspocus connection. */
export interface AccessContext {
  gate?: SocketGate;
  /** This connection's session in its socket's gate (awareness binding). */
  session?: GateSession;
  role?: Role;
  tokenId?: string;
  expiresAt?: number;
}

interface Live {
  readonly connection: Connection;
  readonly tokenId: string;
  readonly documentName: string;
  expiresAt: number;
}

/** Reasons a client may see in `authenticationFailed`; finer reasons stay in the server log. */
export type DeniedReason = 'invalid-document' | 'invalid-token' | 'expired' | 'revoked';

/**
 * Why a live connection is closed (the `linjaus.revoked` notice's reason and the 4403 close
 * reason): `ended` — the host ended the workshop for everyone; `revoked` — this participant's
 * access was removed; `expired`.
 */
export type CloseReason = 'revoked' | 'expired' | 'ended';

export class Access implements Extension {
  readonly extensionName = 'LinjausAccess';
  readonly priority = 3000;
  private readonly live = new Set<Live>();
  /** Documents whose workshop is being ended here (how many ends are in progress). */
  private readonly ending = new Map<string, number>();
  private lastVersion = '';
  private sweeping: Promise<void> | null = null;

  constructor(
    readonly tokens: TokenStore,
    private readonly notices: StoredNotices,
    private readonly log: (line: string) => void,
  ) {}

  async onAuthenticate({
    token,
    documentName,
    context,
    connectionConfig,
  }: onAuthenticatePayload): Promise<AccessContext> {
    const deny = (reason: DeniedReason, detail: string): never => {
      this.log(
        `[access] denied ${detail} for document ${isIdLike(documentName) ? documentName : '(invalid name)'}`,
      );
      // Hocuspocus sends `reason` to the client as the permission-denied reason.
      throw Object.assign(new Error(''), { reason });
    };
    if (!isIdLike(documentName)) return deny('invalid-document', 'invalid document name');
    const presented = parseToken(token ?? '');
    if (!presented) return deny('invalid-token', 'a malformed or missing token');
    const result = checkToken(presented, await this.tokens.get(presented.id), documentName);
    if (!result.ok) {
      const shown: DeniedReason =
        result.reason === 'expired' || result.reason === 'revoked'
          ? result.reason
          : 'invalid-token';
      return deny(shown, `token ${presented.id} (${result.reason})`);
    }
    const { role, label } = result.record;
    connectionConfig.readOnly = role !== 'editor';
    const session = (context as AccessContext).gate?.markAuthenticated(documentName, {
      label,
      tokenId: presented.id,
    });
    this.log(`[access] token ${presented.id} opened ${documentName} as ${role}`);
    return {
      role,
      tokenId: presented.id,
      expiresAt: result.record.expiresAt,
      ...(session ? { session } : {}),
    };
  }

  async connected({ connection, documentName, context }: connectedPayload): Promise<void> {
    const { tokenId, expiresAt } = context as AccessContext;
    if (!tokenId) return;
    const entry: Live = { connection, tokenId, documentName, expiresAt: expiresAt ?? 0 };
    this.live.add(entry);
    // Revoked between authentication and now?
    const record = await this.tokens.get(tokenId);
    if (this.live.has(entry) && (!record || !isLive(record)))
      this.close(entry, this.revokedReason(documentName));
  }

  async onDisconnect({ socketId, documentName, context }: onDisconnectPayload): Promise<void> {
    const { gate, session } = context as AccessContext;
    if (gate && session) gate.endSession(session);
    for (const entry of this.live) {
      if (entry.connection.socketId === socketId && entry.documentName === documentName)
        this.live.delete(entry);
    }
  }

  async onStateless({ connection, payload }: onStatelessPayload): Promise<void> {
    if (statelessKind(payload) === STORED_QUERY) this.notices.answer(connection);
  }

  /** Token ids of the open connections of a document (one per participant who joined with their own token). */
  liveTokens(documentName: string): string[] {
    const ids = new Set<string>();
    for (const entry of this.live) if (entry.documentName === documentName) ids.add(entry.tokenId);
    return [...ids];
  }

  /**
   * End the workshop of `documentName`: run `revoke` (which revokes its invites and tokens) and
   * close every connection of the document with reason `ended`, also those a sweep running
   * meanwhile closes. Another process ending it (`linjaus token end-session`, another instance)
   * is seen here only as revoked tokens, so those connections close as `revoked`.
   */
  async endDocument<T>(documentName: string, revoke: () => Promise<T>): Promise<T> {
    this.ending.set(documentName, (this.ending.get(documentName) ?? 0) + 1);
    try {
      const result = await revoke();
      for (const entry of [...this.live])
        if (entry.documentName === documentName) this.close(entry, 'ended');
      return result;
    } finally {
      const left = (this.ending.get(documentName) ?? 1) - 1;
      if (left > 0) this.ending.set(documentName, left);
      else this.ending.delete(documentName);
    }
  }

  /** How many authenticated connections are open (per document when given). */
  count(documentName?: string): number {
    let n = 0;
    for (const entry of this.live)
      if (documentName === undefined || entry.documentName === documentName) n++;
    return n;
  }

  /**
   * Re-check every live connection against the store; close those whose token is no longer
   * valid. Cheap when nothing changed: expiry is checked from memory, the store is read only
   * when its version changed.
   */
  sweep(force = false): Promise<void> {
    this.sweeping ??= this.runSweep(force).finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }

  private async runSweep(force: boolean): Promise<void> {
    const now = Date.now();
    for (const entry of this.live) if (now >= entry.expiresAt) this.close(entry, 'expired');
    const version = await this.tokens.version();
    if (!force && version === this.lastVersion) return;
    this.lastVersion = version;
    for (const entry of [...this.live]) {
      const record = await this.tokens.get(entry.tokenId);
      if (!record || !isLive(record))
        this.close(
          entry,
          record && now >= record.expiresAt ? 'expired' : this.revokedReason(entry.documentName),
        );
    }
  }

  private revokedReason(documentName: string): CloseReason {
    return this.ending.has(documentName) ? 'ended' : 'revoked';
  }

  private close(entry: Live, why: CloseReason): void {
    // Already closed (an end and a sweep may both reach it): one notice, one reason.
    if (!this.live.delete(entry)) return;
    this.log(`[access] closing ${entry.documentName} for token ${entry.tokenId}: ${why}`);
    entry.connection.sendStateless(JSON.stringify({ t: REVOKED_NOTICE, reason: why }));
    // The socket may carry other documents; the provider reconnects them, and this one is then
    // refused at authentication.
    entry.connection.webSocket.close(CLOSE.revoked, why);
  }
}
