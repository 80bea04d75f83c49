/**
 * One open document's workshop connection: connects the session's Y.Doc and its shared awareness
 * to a Linjaus sync server through `connectWorkshop` (renderer/collab), adds the server as a save
 * gate (the status line says "saved" only once the server has stored every edit), makes the
 * document read-only for viewers and commenters, reports the network state, publishes which
 * section this participant is in, and keeps a small view of it all for React. A host's
 * management (invites, participant list, revoke, end) is in `hosting.ts`.
 */
import {
  connectWorkshop,
  webSocketUrlOf,
  type Participant,
  type Workshop,
  type WorkshopStatus,
} from '../collab';
import type { SaveState } from '../platform/types';
import type { DocumentSession } from '../session/DocumentSession';
import { Hosting, type HostingView } from './hosting';
import { replaceWithServerCopy } from './resync';
import { claimResync, ownColour, saveConfig, saveName, type WorkshopConfig } from './storage';

/** A participant with the section they are working in. */
export interface PresenceEntry extends Participant {
  /** Item id of the section their focus is in; null when unknown. */
  readonly section: string | null;
  /** The id of the token they connect with, as they publish it; null when not published. */
  readonly tokenId: string | null;
}

/** What the workshop UI shows; a new object only when something shown changed. */
export interface WorkshopView {
  readonly config: WorkshopConfig | null;
  readonly status: WorkshopStatus | null;
  readonly participants: readonly PresenceEntry[];
  /** The host's management state; null for participants. */
  readonly hosting: HostingView | null;
}

const EMPTY: WorkshopView = { config: null, status: null, participants: [], hosting: null };

const sameStatus = (a: WorkshopStatus | null, b: WorkshopStatus | null) =>
  a === b ||
  (!!a &&
    !!b &&
    a.connection === b.connection &&
    a.deniedReason === b.deniedReason &&
    a.access === b.access &&
    a.waitingChanges === b.waitingChanges &&
    a.isSaved === b.isSaved);

const presenceKey = (list: readonly PresenceEntry[]) =>
  JSON.stringify(list.map((p) => [p.clientId, p.name, p.colour, p.isSelf, p.section, p.tokenId]));

const TOKEN_ID = /^[\w-]{1,32}$/;

/** The public part of a token (`lj1.<id>.<secret>` → id), which the server's list names. */
export const tokenIdOf = (token: string): string | null => token.split('.')[1] ?? null;

const readOnlyReason = (config: WorkshopConfig) =>
  config.role === 'commenter' ? ('commenter' as const) : ('viewer' as const);

export class WorkshopController {
  private workshop: Workshop | null = null;
  private hostingState: Hosting | null = null;
  private cleanups: (() => void)[] = [];
  private view: WorkshopView = EMPTY;
  private name = '';
  /** Cancels a running refresh of a diverged copy (`resync.ts`) when the document closes. */
  private resync: AbortController | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(readonly session: DocumentSession) {}

  getView = (): WorkshopView => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The host's management, while this browser hosts the open document's workshop. */
  get hosting(): Hosting | null {
    return this.hostingState;
  }

  /**
   * Connect to a workshop (replacing any current connection) and remember it for reloads.
   * `name` is used unless the server bound another one to the token (`config.boundName`).
   */
  start(config: WorkshopConfig, name: string): void {
    this.disconnect();
    const { session } = this;
    const shownName = config.boundName || name;
    this.name = shownName;
    saveConfig(session.id, config);
    saveName(shownName);
    const { awareness } = session;
    // A previous workshop's provider removed our state on leaving; fields only extend it.
    if (awareness.getLocalState() === null) awareness.setLocalState({});
    const colour = ownColour();
    // Lexical's carets read `name` and `color` at the top level of a peer's state. The server
    // closes a connection whose published name differs from its token's label.
    awareness.setLocalStateField('name', shownName);
    awareness.setLocalStateField('color', colour);
    awareness.setLocalStateField('tokenId', tokenIdOf(config.token));
    session.setReadOnly(config.role !== 'editor', readOnlyReason(config));
    const workshop = connectWorkshop({
      url: webSocketUrlOf(config.localUrl ?? config.serverUrl),
      documentId: session.id,
      token: config.token,
      doc: session.doc,
      user: { name: shownName, colour },
      awareness,
    });
    this.workshop = workshop;
    this.view = { ...EMPTY, config };
    if (config.isHost) {
      const hosting = new Hosting(session.id, config, {
        saveConfig: (next) => this.updateConfig(next),
        changed: () => this.refresh(true),
      });
      this.hostingState = hosting;
      // The desktop host's window reloads before it may reach its server: the invite is made here.
      if (!config.invites?.editor) void hosting.createInvite('editor');
    }
    const offGate = session.addSaveGate({
      state: (): SaveState => {
        const s = workshop.status();
        if (s.connection === 'offline') return 'offline';
        if (s.connection === 'denied') return 'unsaved';
        return s.isSaved ? 'saved' : 'saving';
      },
      subscribe: (l) => workshop.subscribe(l),
    });
    const offChange = workshop.subscribe(() => this.refresh());
    const offResync = session.subscribeNeedsResync(() => this.onDiverged());
    const onFocus = (e: FocusEvent) => this.trackSection(e.target);
    document.addEventListener('focusin', onFocus);
    // The browser knows at once when the network goes; a socket may take many seconds to notice.
    const onOffline = () => workshop.disconnect();
    const onOnline = () => void workshop.connect();
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    this.cleanups = [
      offChange,
      offResync,
      offGate,
      () => document.removeEventListener('focusin', onFocus),
      () => window.removeEventListener('offline', onOffline),
      () => window.removeEventListener('online', onOnline),
    ];
    this.trackSection(document.activeElement);
    this.refresh(true);
  }

  /** Leave the workshop: this client disconnects; the document stays open locally. */
  end(): void {
    saveConfig(this.session.id, null);
    this.disconnect();
  }

  /** End the workshop for everyone (host): the server revokes every token, then we leave. */
  async endForEveryone(): Promise<void> {
    const hosting = this.hostingState;
    if (!hosting) return;
    await hosting.endWorkshop();
    this.end();
  }

  /** Go offline on purpose / come back (what a dropped network does to the connection). */
  setOnline(online: boolean): void {
    if (!this.workshop) return;
    if (online) void this.workshop.connect();
    else this.workshop.disconnect();
  }

  /** Release everything when the document closes (the workshop is remembered for a reload). */
  dispose(): void {
    this.resync?.abort();
    this.disconnect();
    this.listeners.clear();
  }

  private updateConfig(config: WorkshopConfig): void {
    if (!this.workshop) return;
    saveConfig(this.session.id, config);
    this.view = { ...this.view, config };
    this.emit();
  }

  /**
   * A write reverted while read-only left this copy diverged from the server (see `resync.ts`):
   * a read-only participant gets a fresh copy and the page reloads with it, at most once per
   * page session and document (`claimResync`). Editors never diverge this way: their writes
   * are real edits.
   */
  private onDiverged(): void {
    const { workshop, session } = this;
    const config = this.view.config;
    if (!workshop || !config || this.resync) return;
    const readOnlyRole = config.role !== 'editor' || workshop.status().access === 'readonly';
    if (!readOnlyRole || !claimResync(session.id)) return;
    const name = this.name;
    const abort = new AbortController();
    this.resync = abort;
    // Read-only stays on while the fresh copy is fetched: this copy is about to be replaced.
    this.disconnect(true);
    replaceWithServerCopy(session, config, name, abort.signal).then(
      () => {
        if (!abort.signal.aborted) window.location.reload();
      },
      (error: unknown) => {
        this.resync = null;
        if (abort.signal.aborted) return;
        // Usually the fetch failed and nothing was replaced: carry on with this copy, connected
        // as before (no second try). A storage failure after the fetch is reported the same way.
        console.warn('Could not refresh the diverged copy from the workshop', error);
        this.start(config, name);
      },
    );
  }

  private disconnect(keepReadOnly = false): void {
    const workshop = this.workshop;
    if (!workshop) return;
    this.workshop = null;
    this.hostingState?.dispose();
    this.hostingState = null;
    this.cleanups.forEach((c) => c());
    this.cleanups = [];
    // The session's awareness is only lent to the workshop: it survives the provider.
    workshop.destroy();
    if (!keepReadOnly) this.session.setReadOnly(false);
    this.session.setNetworkState('local');
    this.view = EMPTY;
    this.emit();
  }

  private trackSection(target: EventTarget | null): void {
    if (!(target instanceof Element) || !target.closest('#doc-main')) return;
    const section = target.closest('section[data-item]')?.getAttribute('data-item') ?? null;
    const { awareness } = this.session;
    const current: unknown = awareness.getLocalState()?.['section'];
    if (section && section !== current) awareness.setLocalStateField('section', section);
  }

  private refresh(force = false): void {
    const workshop = this.workshop;
    if (!workshop) return;
    const status = workshop.status();
    this.session.setNetworkState(
      status.connection === 'online'
        ? 'connected'
        : status.connection === 'connecting'
          ? 'connecting'
          : 'offline',
    );
    // The server decides: a token it serves read-only makes the document read-only here too.
    if (status.access === 'readonly' && this.view.config)
      this.session.setReadOnly(true, readOnlyReason(this.view.config));
    const states = this.session.awareness.getStates();
    const participants = workshop.participants().map((p): PresenceEntry => {
      const state = states.get(p.clientId);
      const section: unknown = state?.['section'];
      const tokenId: unknown = state?.['tokenId'];
      return {
        ...p,
        section: typeof section === 'string' ? section.slice(0, 64) : null,
        tokenId: typeof tokenId === 'string' && TOKEN_ID.test(tokenId) ? tokenId : null,
      };
    });
    const prev = this.view;
    const hosting = this.hostingState?.getView() ?? null;
    const next: WorkshopView = {
      config: prev.config,
      status: sameStatus(prev.status, status) ? prev.status : status,
      participants:
        presenceKey(prev.participants) === presenceKey(participants)
          ? prev.participants
          : participants,
      hosting,
    };
    if (
      !force &&
      next.status === prev.status &&
      next.participants === prev.participants &&
      next.hosting === prev.hosting
    )
      return;
    this.view = next;
    this.emit();
  }

  private emit(): void {
    this.listeners.forEach((l) => l());
  }
}
