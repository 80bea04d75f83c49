/**
 * The seam between the storage layer and the `.linjaus` codec of `core/format`. The store never
 * parses or builds zip files itself; it calls these three functions.
 */
import type * as Y from 'yjs';

/** Files inside the `.linjaus` zip's `assets/` folder, by name; kept as they are on compaction. */
export type Assets = ReadonlyMap<string, Uint8Array>;

/** Reads, writes and merges `.linjaus` bytes. */
export interface DocumentCodec {
  /** Parse a file; throws a clear error (FormatError) for anything that is not a valid file. */
  read(bytes: Uint8Array, fileName: string): { doc: Y.Doc; assets: Assets };
  /** Build a file from the document's current state. */
  write(doc: Y.Doc, assets: Assets): Uint8Array;
  /** Merge another copy of the same document into `doc`; never throws for bad input. */
  merge(doc: Y.Doc, bytes: Uint8Array): MergeOutcome;
}

/** What merging a file into an open document did. */
export type MergeOutcome =
  | { readonly ok: true }
  /** `unrelated`: a valid file of another document; `unreadable`: not a valid file (yet). */
  | { readonly ok: false; readonly reason: 'unrelated' | 'unreadable'; readonly message: string };
