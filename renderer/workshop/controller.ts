/**
 * One open document's workshop connection: connects the session's Y.Doc and its shared awareness
 * to a Linjaus sync server through `connectWorkshop` (renderer/collab), adds the server as a save
 * gate (the status line says "saved" only once the server has stored every edit), reports the
 * network state, publishes which section this participant is in, and keeps a small view of it
 * all for React.
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
import { ownColour, saveConfig, saveName, type WorkshopConfig } from './storage';

/** A participant with the section they are working in. */
export interface PresenceEntry extends Participant {
  /** Item id of the section their focus is in; null when unknown. */
  readonly section: string | null;
}

/** What the workshop UI shows; a new object only when something shown changed. */
export interface WorkshopView {
  readonly config: WorkshopConfig | null;
  readonly status: WorkshopStatus | null;
  readonly participants: readonly PresenceEntry[];
}

const EMPTY: WorkshopView = { config: null, status: null, participants: [] };

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
  JSON.stringify(list.map((p) => [p.clientId, p.name, p.colour, p.isSelf, p.section]));

/** The public part of a token (`lj1.<id>.<secret>` → id), which admin commands name. */
export const tokenIdOf = (token: string): string | null => token.split('.')[1] ?? null;

export class WorkshopController {
  private workshop: Workshop | null = null;
  private cleanups: (() => void)[] = [];
  private view: WorkshopView = EMPTY;
  private readonly listeners = new Set<() => void>();

  constructor(readonly session: DocumentSession) {}

  getView = (): WorkshopView => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Connect to a workshop (replacing any current connection) and remember it for reloads. */
  start(config: WorkshopConfig, name: string): void {
    this.disconnect();
    const { session } = this;
    saveConfig(session.id, config);
    saveName(name);
    const { awareness } = session;
    // A previous workshop's provider removed our state on leaving; fields only extend it.
    if (awareness.getLocalState() === null) awareness.setLocalState({});
    const colour = ownColour();
    // Lexical's carets read `name` and `color` at the top level of a peer's state.
    awareness.setLocalStateField('name', name);
    awareness.setLocalStateField('color', colour);
    awareness.setLocalStateField('tokenId', tokenIdOf(config.token));
    const workshop = connectWorkshop({
      url: config.wsUrl ?? webSocketUrlOf(config.serverUrl),
      documentId: session.id,
      token: config.token,
      doc: session.doc,
      user: { name, colour },
      awareness,
    });
    this.workshop = workshop;
    this.view = { ...EMPTY, config };
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
    const onFocus = (e: FocusEvent) => this.trackSection(e.target);
    document.addEventListener('focusin', onFocus);
    // The browser knows at once when the network goes; a socket may take many seconds to notice.
    const onOffline = () => workshop.disconnect();
    const onOnline = () => void workshop.connect();
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    this.cleanups = [
      offChange,
      offGate,
      () => document.removeEventListener('focusin', onFocus),
      () => window.removeEventListener('offline', onOffline),
      () => window.removeEventListener('online', onOnline),
    ];
    this.trackSection(document.activeElement);
    this.refresh();
  }

  /** Leave the workshop: this client disconnects; the document stays open locally. */
  end(): void {
    saveConfig(this.session.id, null);
    this.disconnect();
  }

  /** Go offline on purpose / come back (what a dropped network does to the connection). */
  setOnline(online: boolean): void {
    if (!this.workshop) return;
    if (online) void this.workshop.connect();
    else this.workshop.disconnect();
  }

  /** Release everything when the document closes (the workshop is remembered for a reload). */
  dispose(): void {
    this.disconnect();
    this.listeners.clear();
  }

  private disconnect(): void {
    const workshop = this.workshop;
    if (!workshop) return;
    this.workshop = null;
    this.cleanups.forEach((c) => c());
    this.cleanups = [];
    const { awareness } = this.session;
    // The provider destroys the awareness it was given, but the session's awareness is shared
    // by the open fields and must outlive the workshop: keep it alive through the provider's
    // teardown (docs/workshop.md, a requested change in renderer/collab).
    const destroy = awareness.destroy;
    awareness.destroy = () => undefined;
    try {
      workshop.destroy();
    } finally {
      awareness.destroy = destroy;
    }
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

  private refresh(): void {
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
    const states = this.session.awareness.getStates();
    const participants = workshop.participants().map((p) => {
      const section: unknown = states.get(p.clientId)?.['section'];
      return { ...p, section: typeof section === 'string' ? section.slice(0, 64) : null };
    });
    const prev = this.view;
    const next: WorkshopView = {
      config: prev.config,
      status: sameStatus(prev.status, status) ? prev.status : status,
      participants:
        presenceKey(prev.participants) === presenceKey(participants)
          ? prev.participants
          : participants,
    };
    if (next.status === prev.status && next.participants === prev.participants) return;
    this.view = next;
    this.emit();
  }

  private emit(): void {
    this.listeners.forEach((l) => l());
  }
}
