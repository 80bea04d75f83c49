/**
 * Connect a programme's Y.Doc to a workshop on a Linjaus sync server.
 *
 * One call gives the app everything the workshop UI shows: connection state (online / offline /
 * refused), how many local changes wait to be stored, whether everything is saved (stored on the
 * server, not just received), the participant list, and the awareness object the Lexical
 * bindings use for carets. Reconnecting is automatic (exponential back-off); edits made offline
 * merge on reconnect.
 *
 * @example
 * const workshop = connectWorkshop({
 *   url: 'ws://192.168.1.10:4321', documentId, token, doc,
 *   user: { name: 'Aino', colour: participantColour(doc.clientID) },
 * });
 * workshop.subscribe(() => render(workshop.status(), workshop.participants()));
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { deniedReasonOfClose, deniedReasonOfNotice, type DeniedReason } from './denied';
import { decodeStoredNotice, encodeStoredQuery, REVOKED_NOTICE, statelessKind } from './protocol';
import {
  participantsOf,
  type Participant,
  type ParticipantFocus,
  type ParticipantUser,
} from './participants';
import { SavedTracker } from './savedTracker';

export type { DeniedReason };

export interface WorkshopOptions {
  /** `ws://host:port` or `wss://…` of the sync server. */
  url: string;
  /** The programme's document id (= the Hocuspocus document name). */
  documentId: string;
  token: string;
  doc: Y.Doc;
  user: ParticipantUser;
  /**
   * The awareness the editor's fields already use (e.g. the session's); a new one on `doc` when
   * omitted. It must belong to `doc`. A given awareness is only borrowed: `destroy()` removes
   * this client's state from it (peers see it leave) but leaves it usable, with its observers.
   */
  awareness?: Awareness;
  /** A WebSocket class where there is no global one (Node: `ws`). */
  WebSocketPolyfill?: unknown;
  /** Fastest reconnect delay in ms (default 1000); tests lower it. */
  reconnectDelayMs?: number;
  /**
   * Re-run the sync handshake this often (ms, default 20 000). Heals any divergence from the
   * server without a reconnect — e.g. after the server refused half of a broken update from
   * another client. Costs one state-vector message per interval.
   */
  resyncIntervalMs?: number;
}

export interface WorkshopStatus {
  /** `online` = authenticated and in sync; `offline` = editing continues locally. */
  readonly connection: 'connecting' | 'online' | 'offline' | 'denied';
  /** Present when `connection === 'denied'`. */
  readonly deniedReason: DeniedReason | null;
  /** `editor` may write; `readonly` (viewer, commenter) may not. Null until authenticated. */
  readonly access: 'editor' | 'readonly' | null;
  /** Local changes not yet stored on the server. */
  readonly waitingChanges: number;
  /** True when every local change is stored on the server. */
  readonly isSaved: boolean;
}

export interface Workshop {
  readonly provider: HocuspocusProvider;
  /** Shared awareness: pass to the Lexical bindings for remote carets. */
  readonly awareness: Awareness;
  status(): WorkshopStatus;
  participants(): Participant[];
  /** Call `listener` on any change of status or participants; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Tell others where this participant is working (null: nowhere in particular). */
  setFocus(focus: ParticipantFocus | null): void;
  /** Resolves when every local change made so far is stored on the server. */
  whenSaved(): Promise<void>;
  /** Go offline on purpose (editing continues); `connect()` comes back and merges. */
  disconnect(): void;
  connect(): Promise<void>;
  /** Leave the workshop and release everything. */
  destroy(): void;
}

type Listener = (...args: never[]) => void;

/**
 * Create the provider, around a borrowed awareness when there is one, so that destroying it
 * gives the awareness back intact. `HocuspocusProvider.destroy()` calls `awareness.destroy()`,
 * which drops every observer (the editor fields' carets too), and its constructor adds
 * listeners to the awareness it never removes. An awareness we created is simply destroyed.
 */
function lendAwareness(
  awareness: Awareness | null,
  create: () => HocuspocusProvider,
): { provider: HocuspocusProvider; release: () => void } {
  if (!awareness) {
    const provider = create();
    return { provider, release: () => provider.destroy() };
  }
  const added: [string, Listener][] = [];
  const on = awareness.on;
  // Record what the provider subscribes to, to unsubscribe exactly that on release.
  awareness.on = ((name: string, listener: Listener) => {
    added.push([name, listener]);
    return on.call(awareness, name as 'change', listener as never);
  }) as typeof awareness.on;
  let provider: HocuspocusProvider;
  try {
    provider = create();
  } finally {
    awareness.on = on;
  }
  return {
    provider,
    release() {
      const destroy = awareness.destroy;
      awareness.destroy = () => undefined;
      try {
        provider.destroy();
      } finally {
        awareness.destroy = destroy;
      }
      for (const [name, listener] of added) awareness.off(name as 'change', listener as never);
    },
  };
}

/** Connect `doc` to a workshop. */
export function connectWorkshop(options: WorkshopOptions): Workshop {
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((listener) => listener());
  let connection: WorkshopStatus['connection'] = 'connecting';
  let deniedReason: DeniedReason | null = null;
  let access: WorkshopStatus['access'] = null;

  const socket = new HocuspocusProviderWebsocket({
    url: options.url,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    delay: options.reconnectDelayMs ?? 1000,
    minDelay: options.reconnectDelayMs ?? 1000,
    maxDelay: 30_000,
  });
  const borrowed = options.awareness ?? null;
  const { provider, release } = lendAwareness(
    borrowed,
    () =>
      new HocuspocusProvider({
        websocketProvider: socket,
        name: options.documentId,
        document: options.doc,
        token: options.token,
        ...(borrowed ? { awareness: borrowed } : {}),
        forceSyncInterval: options.resyncIntervalMs ?? 20_000,
      }),
  );
  provider.attach();
  const awareness = provider.awareness as Awareness;
  const tracker = new SavedTracker(options.doc, (origin) => origin === provider);
  tracker.subscribe(emit);

  const deny = (reason: DeniedReason) => {
    if (connection === 'denied') return;
    connection = 'denied';
    deniedReason = reason;
    // Stop retrying (and the periodic resync) with a token the server refuses.
    socket.disconnect();
    emit();
  };
  // The socket closes asynchronously; a connect() before it has closed would be ignored by the
  // provider (it still counts as connected), so connect() waits for this.
  let socketClosed: Promise<void> = Promise.resolve();
  let markClosed = () => {};
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'disconnected') markClosed();
    if (connection === 'denied') return;
    if (status === 'disconnected') connection = 'offline';
    else if (status === 'connecting' && connection !== 'offline') connection = 'connecting';
    emit();
  });
  provider.on('authenticated', ({ scope }: { scope: string }) => {
    access = scope === 'read-write' ? 'editor' : 'readonly';
    // The server refuses a read-only client's updates: they will never be stored, so not waited for.
    tracker.setReadOnly(access === 'readonly');
    emit();
  });
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => deny(reason));
  provider.on('synced', () => {
    if (connection === 'denied') return;
    connection = 'online';
    // Ask which of our changes the server already has stored (e.g. after a reconnect).
    provider.sendStateless(encodeStoredQuery());
    emit();
  });
  provider.on('close', ({ event }: { event: { code?: number; reason?: string } }) => {
    // The server's final answers (docs/sync.md): retrying would only be refused again.
    const reason = deniedReasonOfClose(event.code, event.reason);
    if (reason) deny(reason);
  });
  provider.on('stateless', ({ payload }: { payload: string }) => {
    const kind = statelessKind(payload);
    if (kind === REVOKED_NOTICE) {
      deny(deniedReasonOfNotice(payload));
      return;
    }
    const notice = decodeStoredNotice(payload);
    if (notice) tracker.stored(notice.snapshot);
  });
  awareness.on('change', emit);
  awareness.setLocalStateField('user', { name: options.user.name, colour: options.user.colour });

  return {
    provider,
    awareness,
    status: () => ({
      connection,
      deniedReason,
      access,
      waitingChanges: tracker.waitingChanges,
      isSaved: tracker.isSaved,
    }),
    participants: () => participantsOf(awareness),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setFocus: (focus) => awareness.setLocalStateField('focus', focus),
    whenSaved() {
      if (tracker.isSaved) return Promise.resolve();
      return new Promise((resolve) => {
        const off = tracker.subscribe(() => {
          if (!tracker.isSaved) return;
          off();
          resolve();
        });
      });
    },
    disconnect() {
      if (socket.status !== 'disconnected')
        socketClosed = new Promise((resolve) => (markClosed = resolve));
      socket.disconnect();
      connection = 'offline';
      emit();
    },
    async connect() {
      if (connection === 'denied') return;
      await socketClosed;
      connection = 'connecting';
      emit();
      // Resolves when the socket opens, which may take many retries: do not wait for it here.
      void socket.connect();
    },
    destroy() {
      tracker.destroy();
      awareness.off('change', emit);
      release();
      socket.destroy();
      listeners.clear();
    },
  };
}
