/**
 * The `.linjaus` file of one open document, as its store knows it (storage/SPEC.md L3, L5): the
 * hash of what the store last read or wrote there, the assets it carries, and whether a change
 * made on disk by someone else stops writing. Used only through {@link DocumentStore}, which runs
 * every call one at a time.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as Y from 'yjs';
import type { Assets, DocumentCodec } from './codec';
import { atomicReplace, isNotFound, sidecarPaths } from './durable';
import type { DiskState } from './storeTypes';

export const sha256 = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

export class DocumentFile {
  /** Set while writing is stopped because the file on disk needs the user's decision. */
  blocked: DiskState | null = null;

  constructor(
    readonly path: string,
    private readonly codec: DocumentCodec,
    readonly assets: Assets,
    /** Hash of the bytes last read or written; null when unknown (never written by us). */
    private knownHash: string | null,
  ) {}

  /** True until the store has written (or read and trusted) this file once. */
  get isUnknown(): boolean {
    return this.knownHash === null;
  }

  /**
   * Compare the file with what the store knows. A changed copy of the same document is merged
   * into `doc` (the update is in the result); another document or unreadable bytes block writing.
   */
  async check(doc: Y.Doc): Promise<DiskState> {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await fs.readFile(this.path));
    } catch (error) {
      if (isNotFound(error)) return { status: 'missing' };
      throw error;
    }
    const hash = sha256(bytes);
    if (hash === this.knownHash) {
      this.blocked = null;
      return { status: 'unchanged' };
    }
    const before = Y.encodeStateVector(doc);
    const outcome = this.codec.merge(doc, bytes);
    if (!outcome.ok) {
      this.blocked = {
        status: outcome.reason === 'unrelated' ? 'conflict' : 'unreadable',
        message: outcome.message,
      };
      return this.blocked;
    }
    this.blocked = null;
    this.knownHash = hash;
    return { status: 'merged', update: Y.encodeStateAsUpdate(doc, before) };
  }

  /**
   * Write `doc` atomically (previous version kept as a backup until complete). A change on disk
   * found right before the rename is merged (`onMerged`) and the file built again; returns false
   * when a conflicting change stopped it.
   */
  async write(doc: Y.Doc, onMerged: (state: DiskState) => void): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const bytes = this.codec.write(doc, this.assets);
      try {
        await atomicReplace(this.path, bytes, {
          backup: sidecarPaths(this.path).backup,
          beforeRename: () => this.assertUnchanged(doc, onMerged),
        });
      } catch (error) {
        if (!(error instanceof RetryWrite)) throw error;
        if (this.blocked) return false;
        if (attempt >= 5)
          throw new Error('The file kept changing on disk while saving; try again.');
        continue;
      }
      this.knownHash = sha256(bytes);
      return true;
    }
  }

  /** Someone may have written the file while we built ours: merge theirs and build again. */
  private async assertUnchanged(doc: Y.Doc, onMerged: (state: DiskState) => void): Promise<void> {
    if (this.knownHash === null) return;
    const state = await this.check(doc);
    if (state.status === 'merged') onMerged(state);
    if (state.status !== 'unchanged' && state.status !== 'missing') throw new RetryWrite(state);
  }
}

class RetryWrite extends Error {
  constructor(readonly state: DiskState) {
    super(`The file changed on disk while saving (${state.status}).`);
  }
}
