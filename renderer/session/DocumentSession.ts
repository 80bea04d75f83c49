/**
 * One open document: its Y.Doc, storage, undo manager, awareness and subscriptions. This is the
 * seam for co-authoring (renderer/collab/): a workshop connection attaches to `doc` and uses
 * `awareness`, which every rich-text field already passes to its Lexical binding as
 * `provider.awareness`.
 */
import type { Provider } from '@lexical/yjs';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  getDocumentId,
  getMeta,
  getTemplate,
  hasTemplate,
  origin,
  templateIds,
  undoScope,
  type Template,
} from '../../core';
import type { Platform, SaveState, StoredDocument } from '../platform/types';
import { DocStore } from './DocStore';
import { ReadOnlyGuard } from './readOnlyGuard';

/** Whether the document is connected to a workshop server (renderer/collab sets it). */
export type NetworkState = 'local' | 'connecting' | 'connected' | 'offline';

/** Something besides local storage that an edit must reach to count as saved. */
export interface SaveGate {
  state(): SaveState;
  subscribe(listener: () => void): () => void;
}

/** Why a document is read-only here: the participant's workshop role. */
export type ReadOnlyReason = 'viewer' | 'commenter';

/** Thrown by {@link DocumentSession.structural} while the document is read-only. */
export class ReadOnlyError extends Error {
  override readonly name = 'ReadOnlyError';
}

const SAVE_RANK: Record<SaveState, number> = { saved: 0, saving: 1, offline: 2, unsaved: 3 };

/** Thrown when a stored document cannot be opened. */
export class OpenDocumentError extends Error {
  override readonly name = 'OpenDocumentError';
}

export class DocumentSession {
  readonly store: DocStore;
  readonly undoManager: Y.UndoManager;
  /** Shared by all fields; a workshop connection syncs it with peers. */
  readonly awareness: Awareness;
  /** What the Lexical bindings get as their provider: only `awareness` is read. */
  readonly provider: Provider;
  private readonly undoListeners = new Set<() => void>();
  private undoVersion = 0;
  private network: NetworkState = 'local';
  private readonly gates = new Set<SaveGate>();
  private readonly saveListeners = new Set<() => void>();
  private readonly networkListeners = new Set<() => void>();
  private readOnly: ReadOnlyReason | null = null;
  private readonly readOnlyListeners = new Set<() => void>();
  private readonly refusedListeners = new Set<() => void>();
  private diverged = false;
  private readonly resyncListeners = new Set<() => void>();
  private readonly guard: ReadOnlyGuard;
  /** Origins of the mounted rich-text fields' bindings (see {@link registerField}). */
  private readonly fieldOrigins = new Set<unknown>();

  constructor(
    readonly id: string,
    readonly doc: Y.Doc,
    readonly stored: StoredDocument,
    readonly template: Template,
  ) {
    this.store = new DocStore(doc);
    // Scoped to the shared types, not the whole doc: the binding writes empty selection-only
    // transactions that would clear the redo stack (notes/lexical-fields.md).
    this.undoManager = new Y.UndoManager(undoScope(doc), {
      trackedOrigins: new Set<unknown>([origin('local')]),
      captureTimeout: 600,
      // A write that slips through while read-only is reverted by the guard; it must not also
      // become an undo step (undoing it later would restore deleted content a second time).
      captureTransaction: () => this.readOnly === null,
    });
    this.guard = new ReadOnlyGuard(doc, this.isReadOnly, (o, diverged) => {
      // A field normalizing content it loaded is not something the reader did: no notice.
      if (!this.fieldOrigins.has(o)) this.refusedListeners.forEach((l) => l());
      if (diverged && !this.diverged) {
        this.diverged = true;
        this.resyncListeners.forEach((l) => l());
      }
    });
    for (const ev of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const)
      this.undoManager.on(ev, this.bumpUndo);
    this.awareness = new Awareness(doc);
    const noop = () => undefined;
    this.provider = {
      // y-protocols' Awareness satisfies what the binding reads; its typings differ in detail.
      awareness: this.awareness as unknown as Provider['awareness'],
      connect: noop,
      disconnect: noop,
      on: noop,
      off: noop,
    };
  }

  /** Undo the last own edit (text or structure); does nothing while read-only. */
  undo(): void {
    if (!this.readOnly) this.undoManager.undo();
  }

  /** Redo; does nothing while read-only. */
  redo(): void {
    if (!this.readOnly) this.undoManager.redo();
  }

  /**
   * Run a structural edit as its own undo step.
   *
   * @throws {@link ReadOnlyError} while the document is read-only (the UI offers no structural
   * edit then; a caller that still tries is a bug, and must not write).
   */
  structural<T>(fn: () => T): T {
    if (this.readOnly) throw new ReadOnlyError('The document is read-only.');
    this.undoManager.stopCapturing();
    try {
      return fn();
    } finally {
      this.undoManager.stopCapturing();
    }
  }

  /**
   * Register a mounted rich-text field's binding (the origin of its writes), so that a write it
   * makes by itself in a read-only document is reverted without a notice. Returns a function
   * that unregisters it.
   */
  registerField(binding: object): () => void {
    this.fieldOrigins.add(binding);
    return () => this.fieldOrigins.delete(binding);
  }

  canUndo = () => !this.readOnly && this.undoManager.canUndo();
  canRedo = () => !this.readOnly && this.undoManager.canRedo();
  getUndoVersion = () => this.undoVersion;
  private readonly bumpUndo = () => {
    this.undoVersion++;
    for (const l of this.undoListeners) l();
  };
  subscribeUndo = (l: () => void) => {
    this.undoListeners.add(l);
    return () => this.undoListeners.delete(l);
  };

  /** Connection to a workshop server, set by renderer/collab; "local" when there is none. */
  setNetworkState(state: NetworkState): void {
    if (state === this.network) return;
    this.network = state;
    for (const l of this.networkListeners) l();
  }
  networkState = (): NetworkState => this.network;
  subscribeNetwork = (l: () => void) => {
    this.networkListeners.add(l);
    return () => this.networkListeners.delete(l);
  };

  /**
   * Make the open document read-only in this app (a workshop viewer or commenter) or editable
   * again. Every editing surface follows it live: Lexical fields stop being editable (text stays
   * selectable and copyable), structure, table and settings controls are disabled or hidden,
   * undo/redo and {@link structural} are refused, and a banner says why. A local write that
   * still reaches the Y.Doc while read-only is reverted at once (see `readOnlyGuard.ts`).
   * Called by the workshop client from the participant's role.
   *
   * @param reason - which role makes it read-only; only changes the wording of the banner.
   */
  setReadOnly(readOnly: boolean, reason: ReadOnlyReason = 'viewer'): void {
    const next = readOnly ? reason : null;
    if (next === this.readOnly) return;
    this.readOnly = next;
    // Undo availability depends on it: the toolbar's buttons follow.
    this.bumpUndo();
    for (const l of [...this.readOnlyListeners]) l();
  }
  isReadOnly = (): boolean => this.readOnly !== null;
  /** The role that makes the document read-only, or null when it is editable. */
  readOnlyReason = (): ReadOnlyReason | null => this.readOnly;
  /** Subscribe to read-only changes; returns an unsubscribe function. */
  subscribeReadOnly = (l: () => void) => {
    this.readOnlyListeners.add(l);
    return () => this.readOnlyListeners.delete(l);
  };
  /**
   * How many local writes were reverted because the document was read-only (including fields
   * normalizing content as they mount; listeners of {@link subscribeRefusedWrites} are not told
   * of those).
   */
  refusedWrites = (): number => this.guard.refused;
  /** Called after a write the user made was reverted because the document was read-only. */
  subscribeRefusedWrites = (l: () => void) => {
    this.refusedListeners.add(l);
    return () => this.refusedListeners.delete(l);
  };

  /**
   * True once a write reverted while read-only left this copy diverged from the server: the
   * revert recreated deleted or overwritten content under new Yjs ids (see `readOnlyGuard.ts`),
   * so a peer's later edit of the same item or key may never show here. The content reads right
   * now; only a fresh copy from the server (rejoining without this local copy) is exactly right
   * again. Stays true for the life of this session.
   */
  needsResync = (): boolean => this.diverged;
  /** Called once, when {@link needsResync} becomes true; returns an unsubscribe function. */
  subscribeNeedsResync = (l: () => void) => {
    this.resyncListeners.add(l);
    return () => this.resyncListeners.delete(l);
  };

  /**
   * Add another place the document must reach before it counts as saved (a workshop server:
   * renderer/collab). The status line shows the least saved of local storage and all gates.
   * Returns a function that removes the gate.
   */
  addSaveGate(gate: SaveGate): () => void {
    this.gates.add(gate);
    const off = gate.subscribe(() => this.saveListeners.forEach((l) => l()));
    this.saveListeners.forEach((l) => l());
    return () => {
      off();
      this.gates.delete(gate);
      this.saveListeners.forEach((l) => l());
    };
  }

  saveState = (): SaveState =>
    [...this.gates].reduce<SaveState>((worst, g) => {
      const s = g.state();
      return SAVE_RANK[s] > SAVE_RANK[worst] ? s : worst;
    }, this.stored.saveState());

  subscribeSaveState = (l: () => void) => {
    this.saveListeners.add(l);
    const off = this.stored.onSaveState(l);
    return () => {
      this.saveListeners.delete(l);
      off();
    };
  };

  async close(): Promise<void> {
    this.store.destroy();
    this.guard.destroy();
    this.undoManager.destroy();
    this.awareness.destroy();
    await this.stored.close();
    this.doc.destroy();
  }
}

/** The template a document names, or the first bundled template when it names an unknown one. */
export function templateOf(doc: Y.Doc): Template {
  const id = getMeta(doc).templateId;
  return getTemplate(hasTemplate(id) ? id : (templateIds()[0] ?? id));
}

/** Open a stored document. */
export async function openSession(platform: Platform, id: string): Promise<DocumentSession> {
  const doc = new Y.Doc();
  const stored = await platform.storage.open(id, doc);
  if (getDocumentId(doc) === null) {
    await stored.close();
    doc.destroy();
    throw new OpenDocumentError(`No document ${id} in this browser.`);
  }
  return new DocumentSession(id, doc, stored, templateOf(doc));
}

/**
 * Store a new document (built in memory from a template, example or import) and return its id.
 * Resolves only when the content is persisted.
 */
export async function storeNewDocument(platform: Platform, source: Y.Doc): Promise<string> {
  const id = getDocumentId(source);
  if (!id) throw new OpenDocumentError('The new document has no id.');
  const doc = new Y.Doc();
  const stored = await platform.storage.open(id, doc);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source), origin('template'));
  await stored.flush();
  const meta = getMeta(doc);
  await platform.recent.touch({
    id,
    title: meta.title,
    templateId: meta.templateId,
    updatedAt: Date.now(),
  });
  await stored.close();
  doc.destroy();
  return id;
}
