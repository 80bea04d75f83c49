/**
 * Sibling order with fractional keys. Siblings sort by (order key, id); two clients inserting
 * at the same place at once can mint the same key, and the id breaks the tie the same way on
 * every replica (core/SPEC.md rule M2).
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

export interface Ordered {
  readonly id: string;
  readonly order: string;
}

/** Sort siblings into document order. */
export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Keys for inserting at `index` among `siblings` (already sorted, without the item itself).
 * Returns the new item's key and re-keyed siblings, when neighbours share a key and there is no
 * room between them.
 */
export function keyForIndex(
  siblings: readonly Ordered[],
  index: number,
): { key: string; rekey: Map<string, string> } {
  const at = Math.max(0, Math.min(index, siblings.length));
  const before = siblings[at - 1];
  const after = siblings[at];
  const rekey = new Map<string, string>();
  if (before && after && before.order >= after.order) {
    // A tie from concurrent inserts: give every sibling a fresh distinct key, then insert.
    const keys = generateNKeysBetween(null, null, siblings.length + 1);
    siblings.forEach((s, i) => {
      const k = keys[i < at ? i : i + 1];
      if (k !== undefined && k !== s.order) rekey.set(s.id, k);
    });
    const key = keys[at];
    if (key === undefined) throw new Error('fractional key generation failed');
    return { key, rekey };
  }
  return { key: generateKeyBetween(before?.order ?? null, after?.order ?? null), rekey };
}
