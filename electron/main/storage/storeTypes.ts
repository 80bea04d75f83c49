/** Types of the document store's results and errors (storage/SPEC.md). */

/** How opening a document went. */
export interface RecoveryReport {
  /** Updates replayed from the log (unsaved-to-file edits of the last session). */
  readonly replayedUpdates: number;
  /** Bytes of a torn tail that were dropped from the log. */
  readonly droppedBytes: number;
  /** True when the file was unreadable and its backup (previous version) was used. */
  readonly usedBackup: boolean;
  /** Where a log of another document found next to the file was moved. */
  readonly foreignLogMovedTo: string | null;
}

/** The state of the file on disk compared with what this store last wrote or read. */
export type DiskState =
  | { readonly status: 'unchanged' | 'missing' }
  | { readonly status: 'merged'; readonly update: Uint8Array }
  | { readonly status: 'conflict' | 'unreadable'; readonly message: string };

/** Thrown by `DocumentStore.append` for bytes that are not a Yjs update. */
export class InvalidUpdateError extends Error {
  override readonly name = 'InvalidUpdateError';
}
