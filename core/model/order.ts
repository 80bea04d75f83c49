/**
 * Sibling order with fractional keys. Siblings sort by (order key, id); two clients inserting
 * at the same place at once can mint the same key, and the id breaks the tie the same way on
 * every replica (core/SPEC.md rules S2, M2).
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

function isValidKey(key: string): boolean {
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/** Fresh keys for the whole list (used when a peer or file left keys that cannot be used). */
function rekeyAll(
  siblings: readonly Ordered[],
  at: number,
): { key: string; rekey: Map<string, string> } {
  const keys = generateNKeysBetween(null, null, siblings.length + 1);
  const rekey = new Map<string, string>();
  siblings.forEach((s, i) => {
    const k = keys[i < at ? i : i + 1];
    if (k !== undefined && k !== s.order) rekey.set(s.id, k);
  });
  return { key: keys[at] as string, rekey };
}

/**
 * The key for inserting at `index` among `siblings` (sorted, without the item itself), and the
 * siblings that must be re-keyed first. Re-keying touches only a run of siblings that share one
 * key (left by concurrent inserts) and only when the insert lands inside that run; a list with
 * malformed keys is re-keyed whole.
 */
export function keyForIndex(
  siblings: readonly Ordered[],
  index: number,
): { key: string; rekey: Map<string, string> } {
  const at = Math.max(0, Math.min(index, siblings.length));
  const before = siblings[at - 1];
  const after = siblings[at];
  if ((before && !isValidKey(before.order)) || (after && !isValidKey(after.order))) {
    return rekeyAll(siblings, at);
  }
  if (!before || !after || before.order < after.order) {
    return {
      key: generateKeyBetween(before?.order ?? null, after?.order ?? null),
      rekey: new Map(),
    };
  }
  // Inside a run of equal keys: spread the run (and the new item) between its neighbours.
  const tied = before.order;
  let first = at - 1;
  while (first > 0 && siblings[first - 1]?.order === tied) first -= 1;
  let last = at;
  while (last + 1 < siblings.length && siblings[last + 1]?.order === tied) last += 1;
  const low = siblings[first - 1]?.order ?? null;
  const high = siblings[last + 1]?.order ?? null;
  if ((low !== null && !isValidKey(low)) || (high !== null && !isValidKey(high)))
    return rekeyAll(siblings, at);
  const keys = generateNKeysBetween(low, high, last - first + 2);
  const rekey = new Map<string, string>();
  let k = 0;
  let key = '';
  for (let i = first; i <= last; i += 1) {
    if (i === at) key = keys[k++] as string;
    rekey.set((siblings[i] as Ordered).id, keys[k++] as string);
  }
  return { key, rekey };
}
