/**
 * Main's side of the workshop server process (no Electron here): starts it on first use, sends
 * requests and matches answers; if the process dies every pending request fails clearly and the
 * next workshop starts a new one.
 */
import type { FromWorkshop, ToWorkshop, WorkshopRole } from './protocol';

export interface WorkshopChannel {
  postMessage(message: ToWorkshop): void;
  onMessage(listener: (message: FromWorkshop) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

export interface WorkshopHostOptions {
  /** Address to bind: `0.0.0.0` for the local network (tests use 127.0.0.1). */
  readonly bindHost: string;
  readonly dataDir: string;
  /** The built web app, served to guests who join with a browser (null: app-only). */
  readonly webDir: string | null;
  /** Host names guests use (the LAN addresses). */
  readonly allowedHosts: readonly string[];
  /** The desktop renderer's origin (`app://linjaus`). */
  readonly allowedOrigins: readonly string[];
}

/** A running workshop, as the host's window needs it. */
export interface HostedWorkshop {
  readonly port: number;
  /**
   * The host's own token: an editor token with `host: true`, with which the window creates
   * invites (short codes), lists and revokes participants and ends the workshop over HTTP.
   */
  readonly hostToken: string;
}

const WORKSHOP_LIFETIME_MS = 12 * 60 * 60 * 1000;

type Answer<T extends FromWorkshop['type']> = Extract<FromWorkshop, { type: T }>;
/** A request without its id (distributes over the union, unlike a plain Omit). */
type Request = ToWorkshop extends infer M ? (M extends ToWorkshop ? Omit<M, 'id'> : never) : never;

export function createWorkshopHost(start: () => WorkshopChannel, options: WorkshopHostOptions) {
  let channel: WorkshopChannel | null = null;
  let counter = 0;
  const pending = new Map<string, { resolve(m: FromWorkshop): void; reject(e: Error): void }>();

  const ensure = (): WorkshopChannel => {
    if (channel) return channel;
    const c = start();
    c.onMessage((message) => {
      const job = pending.get(message.id);
      if (!job) return;
      pending.delete(message.id);
      if (message.type === 'error') job.reject(new Error(message.message));
      else job.resolve(message);
    });
    c.onExit((code) => {
      if (channel === c) channel = null;
      for (const [id, job] of pending) {
        pending.delete(id);
        job.reject(new Error(`The workshop server stopped (exit code ${code}).`));
      }
    });
    channel = c;
    return c;
  };

  function request<T extends FromWorkshop['type']>(message: Request): Promise<Answer<T>> {
    const id = `w${++counter}`;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: (m) => resolve(m as Answer<T>), reject });
      ensure().postMessage({ ...message, id } as ToWorkshop);
    });
  }

  const mintToken = async (
    documentId: string,
    role: WorkshopRole,
    label: string,
    host: boolean,
  ): Promise<string> =>
    (
      await request<'minted'>({
        type: 'mint',
        documentId,
        role,
        lifetimeMs: WORKSHOP_LIFETIME_MS,
        label,
        host,
      })
    ).token;

  return {
    /**
     * Start (or reuse) the server and mint the host token for `documentId`, labelled with the
     * host's display name ('' for none: the server then does not bind a name to it).
     */
    async host(documentId: string, hostName = ''): Promise<HostedWorkshop> {
      const { port } = await request<'started'>({
        type: 'start',
        host: options.bindHost,
        dataDir: options.dataDir,
        webDir: options.webDir,
        allowedHosts: options.allowedHosts,
        allowedOrigins: options.allowedOrigins,
      });
      return { port, hostToken: await mintToken(documentId, 'editor', hostName, true) };
    },
    /** A token for one participant (revocable on its own); never a host token. */
    mint: (documentId: string, role: WorkshopRole, label: string): Promise<string> =>
      mintToken(documentId, role, label, false),
    /** End a document's workshop: every token revoked, every connection closed. */
    async end(documentId: string): Promise<number> {
      return channel ? (await request<'ended'>({ type: 'end', documentId })).closed : 0;
    },
    /** Stop the server process. */
    async stop(): Promise<void> {
      if (!channel) return;
      const c = channel;
      await request<'stopped'>({ type: 'stop' }).catch(() => undefined);
      c.kill();
      channel = null;
    },
  };
}

export type WorkshopHost = ReturnType<typeof createWorkshopHost>;
