/**
 * One open document's storage in the desktop renderer: every Y.Doc update goes to main over IPC
 * (`documentAppend`), which answers once the update is fsynced in the document's log — only then
 * is the document "saved". One call is in flight at a time; edits made meanwhile wait in
 * `unsent` and go as one merged update (group commit, like main's log).
 *
 * Edits in `unsent` exist nowhere else, so they must not be lost when the page goes away:
 * {@link DesktopStoredDocument.handOver} sends them at once, synchronously (`beforeunload`,
 * `pagehide`), and main's close/quit path asks for {@link DesktopStoredDocument.flush} first
 * (electron/main/lifecycle/windowLifecycle.ts).
 */
import * as Y from 'yjs';
import { getMeta, type Origin } from '../../core';
// A type-only import of the preload's API type (declared once, in the shell): no code crosses.
import type { DesktopApi } from '../../electron/main/ipc/api';
import type { SaveState, StoredDocument } from './types';

/** Origin of changes main sends: merged from disk or from another window. Never undone locally. */
export const DESKTOP_ORIGIN: Origin = Object.freeze({ kind: 'file', detail: 'desktop' });

export class DesktopStoredDocument implements StoredDocument {
  private state: SaveState = 'saved';
  /** Updates made here and not yet sent to main. */
  private unsent: Uint8Array[] = [];
  /** The storage call in flight, if any (see {@link pump}). */
  private sending: Promise<void> | null = null;
  /** Set after a failed call: the next one sends the whole state (main merges; Yjs ignores duplicates). */
  private failed = false;
  private lastError: string | null = null;
  /** State vector of what main has confirmed storing (null: nothing yet). */
  private confirmed: Uint8Array | null = null;
  private lastReported = '';
  private readonly listeners = new Set<(s: SaveState) => void>();
  private waiters: (() => void)[] = [];
  private readonly unsubscribe: () => void;

  constructor(
    private readonly api: DesktopApi,
    private readonly id: string,
    private readonly doc: Y.Doc,
    /** False until main has this document (a new one is attached with its first update). */
    private attached: boolean,
    private readonly onClosed: () => void = () => undefined,
  ) {
    // An attached document holds exactly what main sent it so far.
    if (attached) this.confirmed = Y.encodeStateVector(doc);
    doc.on('update', this.onUpdate);
    this.unsubscribe = api.onDocumentUpdate((event) => {
      if (event.documentId !== this.id) return;
      Y.applyUpdate(this.doc, event.update, DESKTOP_ORIGIN);
    });
    this.report();
  }

  saveState(): SaveState {
    return this.state;
  }

  /** Why the last storage call failed, while the state is "unsaved". */
  problem(): string | null {
    return this.state === 'unsaved' ? this.lastError : null;
  }

  onSaveState(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when every edit so far is stored, or storing failed (state "unsaved"; retried here once). */
  async flush(): Promise<void> {
    if (this.failed) this.pump(true);
    if (!this.sending) return;
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /**
   * Send every edit main has not confirmed, now, without waiting for the call in flight (the
   * page is going away). The difference from the last confirmed state includes that call's
   * edits too: should it be lost, later edits would otherwise lack what they build on.
   */
  handOver(): void {
    if (this.unsent.length === 0 && !this.sending && !this.failed) return;
    this.unsent = [];
    const update = Y.encodeStateAsUpdate(this.doc, this.confirmed ?? undefined);
    const call = this.attached
      ? this.api.documentAppend({ documentId: this.id, update })
      : this.api.documentOpen({ documentId: this.id, state: update });
    void call.catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.flush();
    this.doc.off('update', this.onUpdate);
    this.unsubscribe();
    this.onClosed();
    if (this.attached) await this.api.documentClose(this.id);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === DESKTOP_ORIGIN) return this.report();
    this.unsent.push(update);
    this.pump(false);
  };

  /** Start sending unless a call is in flight (its end sends what arrived meanwhile). */
  private pump(retry: boolean): void {
    if (this.sending) return;
    if (this.unsent.length === 0 && !retry) return;
    this.setState('saving');
    this.sending = this.sendAll(retry).finally(() => {
      this.sending = null;
      // An edit may have arrived between the last call and here (another microtask).
      if (this.unsent.length > 0 && !this.failed) return this.pump(false);
      this.setState(this.failed ? 'unsaved' : 'saved');
      this.waiters.splice(0).forEach((w) => w());
    });
  }

  private async sendAll(retry: boolean): Promise<void> {
    let again = retry;
    while (this.unsent.length > 0 || again) {
      again = false;
      const batch = this.unsent;
      this.unsent = [];
      // Everything in the doc now is in this call or an earlier one.
      const vector = Y.encodeStateVector(this.doc);
      try {
        if (!this.attached || this.failed) await this.attach();
        else
          await this.api.documentAppend({
            documentId: this.id,
            update: batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch),
          });
        this.failed = false;
        this.confirmed = vector;
      } catch (error) {
        console.warn('Saving failed', error);
        this.failed = true;
        this.lastError = error instanceof Error ? error.message : String(error);
        // The next attempt sends the whole state, which includes everything unsent.
        this.unsent = [];
        return;
      }
    }
  }

  private async attach(): Promise<void> {
    const { update } = await this.api.documentOpen({
      documentId: this.id,
      state: Y.encodeStateAsUpdate(this.doc),
    });
    this.attached = true;
    Y.applyUpdate(this.doc, update, DESKTOP_ORIGIN);
  }

  private setState(state: SaveState): void {
    if (state !== this.state) {
      this.state = state;
      for (const l of this.listeners) l(state);
    }
    this.report();
  }

  /** Tell main the title and whether edits are in flight (window title, unsaved marker). */
  private report(): void {
    const title = getMeta(this.doc).title;
    const isDirty = this.state !== 'saved';
    const key = `${isDirty}|${title}`;
    if (key === this.lastReported || !this.attached) return;
    this.lastReported = key;
    void this.api.windowSetState({ title: title.slice(0, 500), isDirty }).catch(() => undefined);
  }
}
