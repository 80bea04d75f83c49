/**
 * A shadow copy of a served document on which an editor's update is tried before the real
 * document applies it. Yjs has no transactional apply: an update can throw half-way through
 * integration (part of it stays in the document) or integrate only partly and park the rest as
 * pending structs / a pending delete set, which the server would then store and send to every
 * client. Trying it on a copy first means the real document only ever applies updates known to
 * integrate completely.
 *
 * The shadow follows the real document by applying every update the real document emits (from
 * clients, storage, other instances via Redis, server-side transactions alike), so it always
 * holds the real state plus the updates that were accepted and are on their way to the real
 * document. A refused trial may have changed the shadow; it is then rebuilt from the real
 * document before the next trial.
 */
import * as Y from 'yjs';
import { foresee } from './foresee';
import { pendingGrew, pendingOf, restorePending } from './pendingParts';
import { richShapeOk } from './richShape';

/** What trying an update showed. */
export type TrialOutcome =
  /** Integrates completely and changes the document. */
  | 'change'
  /** Integrates completely and changes nothing (everything in it is already known). */
  | 'no-op'
  /**
   * Yjs threw while integrating it (a real apply would have half-applied it), or an item in it
   * points at a later item of its own client — which no correct client writes, and on which
   * Yjs throws when that item does not exist.
   */
  | 'throws'
  /** It integrates only partly: structs or deletions would wait for missing dependencies. */
  | 'pending'
  /**
   * It carries content no Linjaus document holds, on which the clients' editor bindings throw
   * (`Y.XmlHook`, subdocuments, foreign content in rich-text fields; foresee.ts, richShape.ts).
   */
  | 'unsupported';

export const isAccepted = (outcome: TrialOutcome): boolean =>
  outcome === 'change' || outcome === 'no-op';

export class ShadowDoc {
  private doc: Y.Doc;
  private stale = false;
  private disposed = false;
  private readonly follow = (update: Uint8Array): void => {
    if (this.stale) return;
    try {
      Y.applyUpdate(this.doc, update);
    } catch {
      // Cannot happen for what a document emits; if it does, a fresh copy is the safe answer.
      this.stale = true;
    }
  };

  /**
   * `identity` reads what no update may change once set (the document id): an update that
   * changes it is refused as `unsupported`.
   */
  constructor(
    private readonly real: Y.Doc,
    private readonly identity: (doc: Y.Doc) => unknown = () => null,
  ) {
    this.doc = this.copy();
    real.on('update', this.follow);
  }

  /**
   * Try `update` on the shadow. An accepted update stays in the shadow (the real document is
   * about to apply the same bytes); a refused one leaves the shadow as if it had not been tried.
   */
  trial(update: Uint8Array): TrialOutcome {
    if (this.disposed) throw new Error('ShadowDoc used after dispose');
    if (this.stale) this.rebuild();
    const foreseen = foresee(this.doc, update);
    if (foreseen) return foreseen;
    const before = pendingOf(this.doc);
    const identity = this.identity(this.doc);
    let changed = false;
    let shapeOk = true;
    const onUpdate = (): void => {
      changed = true;
    };
    const onTransaction = (transaction: Y.Transaction): void => {
      if (shapeOk && !richShapeOk(transaction)) shapeOk = false;
    };
    this.doc.on('update', onUpdate);
    this.doc.on('afterTransaction', onTransaction);
    try {
      Y.applyUpdate(this.doc, update);
    } catch {
      this.stale = true;
      return 'throws';
    } finally {
      this.doc.off('update', onUpdate);
      this.doc.off('afterTransaction', onTransaction);
    }
    // A new document gets its identity from its first update; after that it never changes.
    const renamed = identity != null && this.identity(this.doc) !== identity;
    if (!shapeOk || renamed) {
      this.stale = true;
      return 'unsupported';
    }
    // A document stored before this check existed may already hold pending parts; those are
    // not the editor's doing, so only pending parts the update adds are refused.
    if (pendingGrew(before, pendingOf(this.doc))) {
      if (changed) this.stale = true;
      // Nothing was integrated: putting the previous pending parts back restores the shadow.
      else restorePending(this.doc, before);
      return 'pending';
    }
    return changed ? 'change' : 'no-op';
  }

  /** The shadow's own document, for tests and measurements. Do not write to it. */
  get current(): Y.Doc {
    if (this.stale) this.rebuild();
    return this.doc;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.real.off('update', this.follow);
    this.doc.destroy();
  }

  private copy(): Y.Doc {
    const doc = new Y.Doc({ gc: this.real.gc, gcFilter: this.real.gcFilter });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.real));
    return doc;
  }

  private rebuild(): void {
    this.doc.destroy();
    this.doc = this.copy();
    this.stale = false;
  }
}
