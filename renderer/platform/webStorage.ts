/**
 * Web document storage: y-indexeddb per document, a BroadcastChannel between tabs of one
 * browser (y-indexeddb alone does not sync two open tabs live — notes/lexical-fields.md), and a
 * truthful save state.
 *
 * y-indexeddb gives no "written" signal (y-indexeddb#28). It writes each update in its own
 * readwrite transaction, synchronously inside the doc's `update` event; a readonly transaction
 * on the same store created after it cannot start before it commits (IndexedDB's transaction
 * ordering), so its `complete` event is our proof that the edit is on disk. Write errors bubble
 * to the database's `error` event and turn the state to "unsaved".
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { Origin } from '../../core';
import { deleteDatabase } from './idb';
import type { DocumentStorage, SaveState, StoredDocument } from './types';

const dbName = (id: string) => `linjaus-doc-${id}`;

/** Origin of updates that arrive from another tab: a remote edit, never undone by this tab. */
const TAB_ORIGIN: Origin = Object.freeze({ kind: 'remote', detail: 'tab' });

type TabMessage =
  { type: 'hello'; stateVector: Uint8Array } | { type: 'update'; update: Uint8Array };

class WebStoredDocument implements StoredDocument {
  private state: SaveState = 'saved';
  private pending = 0;
  private readonly listeners = new Set<(s: SaveState) => void>();
  private readonly waiters: (() => void)[] = [];
  private readonly channel: BroadcastChannel | null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly persistence: IndexeddbPersistence,
    id: string,
  ) {
    this.channel =
      typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`linjaus:${id}`);
    this.channel?.addEventListener('message', this.onMessage);
    // Registered after y-indexeddb's own listener, so its write transaction already exists.
    doc.on('update', this.onUpdate);
    persistence.db?.addEventListener('error', this.onDbError);
    persistence.db?.addEventListener('abort', this.onDbError);
    this.post({ type: 'hello', stateVector: Y.encodeStateVector(doc) });
  }

  saveState(): SaveState {
    return this.state;
  }

  onSaveState(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  flush(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async close(): Promise<void> {
    await this.flush();
    this.doc.off('update', this.onUpdate);
    this.channel?.close();
    await this.persistence.destroy();
  }

  private setState(state: SaveState): void {
    if (state === this.state) return;
    this.state = state;
    for (const l of this.listeners) l(state);
  }

  private readonly onDbError = () => this.setState('unsaved');

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== TAB_ORIGIN) this.post({ type: 'update', update });
    if (origin === this.persistence) return;
    const db = this.persistence.db;
    if (!db) {
      this.setState('unsaved');
      return;
    }
    this.pending++;
    this.setState('saving');
    const tx = db.transaction(['updates'], 'readonly');
    tx.objectStore('updates').count();
    const settle = (ok: boolean) => {
      this.pending--;
      if (!ok) this.setState('unsaved');
      else if (this.pending === 0 && this.state === 'saving') this.setState('saved');
      if (this.pending === 0) this.waiters.splice(0).forEach((w) => w());
    };
    tx.oncomplete = () => settle(true);
    tx.onerror = () => settle(false);
    tx.onabort = () => settle(false);
  };

  private readonly onMessage = (event: MessageEvent<TabMessage>) => {
    const msg = event.data;
    if (msg.type === 'hello') {
      const diff = Y.encodeStateAsUpdate(this.doc, msg.stateVector);
      if (diff.byteLength > 2) this.post({ type: 'update', update: diff });
    } else if (msg.type === 'update' && msg.update instanceof Uint8Array) {
      try {
        Y.applyUpdate(this.doc, msg.update, TAB_ORIGIN);
      } catch (error) {
        console.warn('Ignored a malformed update from another tab', error);
      }
    }
  };

  private post(msg: TabMessage): void {
    this.channel?.postMessage(msg);
  }
}

/** Document storage in this browser's IndexedDB. */
export const webStorage: DocumentStorage = {
  async open(id, doc) {
    const persistence = new IndexeddbPersistence(dbName(id), doc);
    await persistence.whenSynced;
    return new WebStoredDocument(doc, persistence, id);
  },
  async exists(id) {
    const names = (await indexedDB.databases?.()) ?? [];
    return names.some((d) => d.name === dbName(id));
  },
  async remove(id) {
    await deleteDatabase(dbName(id));
  },
};
