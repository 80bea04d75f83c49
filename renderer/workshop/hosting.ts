/**
 * What a host does through the server's workshop API with the host token: create invites
 * (the short code on the projector), keep the participant list fresh while the dialog is open,
 * revoke one participant, end the workshop for everyone. Failures are kept for the dialog to
 * explain (server unreachable, not a host token, rate limited, …); nothing here throws at React
 * except `endWorkshop`, whose caller must not leave when the server did not end it.
 */
import {
  workshopApi,
  WorkshopApiError,
  type WorkshopStatus,
  type Invite,
  type ServerParticipant,
  type WorkshopApi,
  type WorkshopRole,
} from '../collab';
import type { WorkshopConfig } from './storage';

/** A failed host action, for the message the host sees. */
export interface HostingError {
  readonly action: 'invite' | 'participants' | 'revoke' | 'end';
  /** The API's error code (`unreachable`, `unauthorized`, `forbidden`, `rate-limit`, …). */
  readonly code: string;
  readonly retryAfterSeconds: number | null;
}

/** The host's management state; a new object on every change. */
export interface HostingView {
  /** The server's tokens of the document; null until it first answered. */
  readonly roster: readonly ServerParticipant[] | null;
  readonly error: HostingError | null;
}

/** End failures that retrying will not fix: the server is gone or no longer takes the host token. */
const HOPELESS_END: readonly string[] = ['unreachable', 'unauthorized', 'forbidden'];

/**
 * Whether the host is offered to leave without ending: ending failed in a way retrying will not
 * fix, or the server shut this connection out (host token revoked or expired). Otherwise the host
 * would be kept in a workshop that reconnects after every reload.
 */
export function mayLeaveWithoutEnding(
  error: HostingError | null,
  status: WorkshopStatus | null,
): boolean {
  if (status?.connection === 'denied') return true;
  return error?.action === 'end' && HOPELESS_END.includes(error.code);
}

/** How often the participant list is fetched while the host's dialog is open. */
export const ROSTER_POLL_MS = 4000;

const toError = (action: HostingError['action'], error: unknown): HostingError =>
  error instanceof WorkshopApiError
    ? { action, code: error.code, retryAfterSeconds: error.retryAfterSeconds }
    : { action, code: 'unexpected', retryAfterSeconds: null };

export class Hosting {
  private view: HostingView = { roster: null, error: null };
  private readonly api: WorkshopApi;
  private readonly inviting = new Map<WorkshopRole, Promise<Invite | null>>();
  private disposed = false;

  constructor(
    private readonly documentId: string,
    private config: WorkshopConfig,
    private readonly hooks: {
      /** Remember a changed config (new invites). */
      saveConfig(config: WorkshopConfig): void;
      /** The view changed. */
      changed(): void;
    },
  ) {
    this.api = workshopApi(config.localUrl ?? config.serverUrl);
  }

  getView = (): HostingView => this.view;

  /** A new invite for `role` (one at a time per role); null when it failed (see the view). */
  createInvite(role: WorkshopRole): Promise<Invite | null> {
    const running = this.inviting.get(role);
    if (running) return running;
    const job = this.api
      .createInvite(this.documentId, this.config.token, role)
      .then(
        (invite) => {
          if (this.disposed) return null;
          this.config = { ...this.config, invites: { ...this.config.invites, [role]: invite } };
          this.hooks.saveConfig(this.config);
          this.set({ error: null });
          return invite;
        },
        (error: unknown) => {
          this.set({ error: toError('invite', error) });
          return null;
        },
      )
      .finally(() => this.inviting.delete(role));
    this.inviting.set(role, job);
    return job;
  }

  /** Fetch the participant list now. */
  async refreshParticipants(): Promise<void> {
    try {
      const roster = await this.api.participants(this.documentId, this.config.token);
      const clear = this.view.error?.action === 'participants' ? { error: null } : {};
      this.set({ roster, ...clear });
    } catch (error) {
      this.set({ error: toError('participants', error) });
    }
  }

  /** Keep the participant list fresh until the returned function is called. */
  watch(intervalMs = ROSTER_POLL_MS): () => void {
    void this.refreshParticipants();
    const timer = setInterval(() => void this.refreshParticipants(), intervalMs);
    return () => clearInterval(timer);
  }

  /** Revoke one participant's access; true when the server did. */
  async revoke(tokenId: string): Promise<boolean> {
    try {
      await this.api.revoke(this.documentId, this.config.token, tokenId);
      this.set({ error: null });
      return true;
    } catch (error) {
      this.set({ error: toError('revoke', error) });
      return false;
    } finally {
      await this.refreshParticipants();
    }
  }

  /** End the workshop for everyone; throws (after recording the error) when the server did not. */
  async endWorkshop(): Promise<void> {
    try {
      await this.api.end(this.documentId, this.config.token);
    } catch (error) {
      this.set({ error: toError('end', error) });
      throw error;
    }
  }

  dispose(): void {
    this.disposed = true;
  }

  private set(change: Partial<HostingView>): void {
    if (this.disposed) return;
    this.view = { ...this.view, ...change };
    this.hooks.changed();
  }
}

/**
 * Check a host token before starting: the server must answer and accept it as this document's
 * host token. Returns the name the server binds to it (its label; '' when it has none).
 * Throws a {@link WorkshopApiError} otherwise.
 */
export async function checkHostToken(
  serverUrl: string,
  documentId: string,
  hostToken: string,
  ownTokenId: string | null,
): Promise<string> {
  const roster = await workshopApi(serverUrl).participants(documentId, hostToken);
  // Exactly the label, untrimmed: the server compares the published name with it as it is.
  const label = roster.find((p) => p.tokenId === ownTokenId)?.name ?? '';
  return label.trim() ? label : '';
}
