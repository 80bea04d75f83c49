/**
 * Typed transaction origins. Every write to a programme's Y.Doc names where it came from, so
 * undo (tracks `local` only), autosave and "unsaved changes" can tell edits apart
 * (STYLE.md §2). Remote updates applied with `Y.applyUpdate` carry `remote` or `file`.
 */
export type OriginKind = 'local' | 'remote' | 'file' | 'template' | 'migration' | 'system';

/** A transaction origin object. Compare with {@link isOrigin}, not by identity. */
export interface Origin {
  readonly kind: OriginKind;
  /** Free-form detail for logs, e.g. the file name or peer id. */
  readonly detail?: string;
}

const shared: Record<OriginKind, Origin> = {
  local: Object.freeze({ kind: 'local' }),
  remote: Object.freeze({ kind: 'remote' }),
  file: Object.freeze({ kind: 'file' }),
  template: Object.freeze({ kind: 'template' }),
  migration: Object.freeze({ kind: 'migration' }),
  system: Object.freeze({ kind: 'system' }),
};

/**
 * The shared origin object of a kind. Shared instances let a `Y.UndoManager` track
 * `origin(‘local’)` by identity.
 *
 * @example
 * doc.transact(() => setMeta(doc, { title: 'Elinvoimaohjelma' }), origin('local'));
 */
export const origin = (kind: OriginKind): Origin => shared[kind];

/** True when a transaction's origin is one of ours and of the given kind. */
export const isOrigin = (value: unknown, kind: OriginKind): boolean =>
  typeof value === 'object' && value !== null && (value as Partial<Origin>).kind === kind;
