/**
 * Branded identifiers. An id is minted once, when its item is created, and never changes:
 * moving, reordering and merging keep it (core/SPEC.md rule S1).
 */

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Id of an item (section, theme, goal, action, indicator, budget line, …) inside a programme. */
export type ItemId = Brand<string, 'ItemId'>;
/** Id of a whole programme document; two copies of one document share it. */
export type DocumentId = Brand<string, 'DocumentId'>;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Random, URL- and CSS-safe id (no `/`, usable as a Lexical binding id and a CSS highlight name).
 * 16 characters of base 36 ≈ 82 bits: collisions between concurrently created items are
 * negligible.
 */
function randomId(length: number): string {
  const bytes = new Uint8Array(length);
  // Web Crypto is global in browsers, workers and Node ≥ 19; core's type check has no DOM types.
  (
    globalThis as unknown as { crypto: { getRandomValues(array: Uint8Array): Uint8Array } }
  ).crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** A new item id, e.g. `i4k2…`. */
export const newItemId = (): ItemId => `i${randomId(15)}` as ItemId;
/** A new document id, e.g. `d9x1…`. */
export const newDocumentId = (): DocumentId => `d${randomId(23)}` as DocumentId;

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** True when `value` has the shape of an id (what imported JSON may use). */
export const isIdLike = (value: string): boolean => ID_PATTERN.test(value);

/** Cast a validated string to an {@link ItemId}. */
export const asItemId = (value: string): ItemId => value as ItemId;
/** Cast a validated string to a {@link DocumentId}. */
export const asDocumentId = (value: string): DocumentId => value as DocumentId;
