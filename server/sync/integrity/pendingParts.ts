/**
 * The pending parts of a Y.Doc — structs and deletions that wait for dependencies the document
 * does not have — as ranges per client, to tell whether applying an update added any. Yjs keeps
 * them as encoded updates (`store.pendingStructs.update`, `store.pendingDs`), re-encodes the
 * pending delete set on every apply and changes the pending structs in place, so comparing
 * references is not enough; this compares what is in them.
 */
import * as Y from 'yjs';

/** Client id → sorted, half-open clock ranges. */
export type Ranges = Map<number, [number, number][]>;

/** What is pending in a document, copied so it can be put back. */
export interface PendingSnapshot {
  readonly structs: { missing: Map<number, number>; update: Uint8Array } | null;
  readonly structsUpdate: Uint8Array | null;
  readonly structsMissing: Map<number, number> | null;
  readonly ds: Uint8Array | null;
}

export function pendingOf(doc: Y.Doc): PendingSnapshot {
  const { pendingStructs, pendingDs } = doc.store;
  return {
    structs: pendingStructs,
    structsUpdate: pendingStructs?.update ?? null,
    structsMissing: pendingStructs ? new Map(pendingStructs.missing) : null,
    ds: pendingDs,
  };
}

/** Put back what {@link pendingOf} saw (after an apply that integrated nothing). */
export function restorePending(doc: Y.Doc, saved: PendingSnapshot): void {
  if (saved.structs && saved.structsUpdate && saved.structsMissing) {
    saved.structs.update = saved.structsUpdate;
    saved.structs.missing = saved.structsMissing;
  }
  doc.store.pendingStructs = saved.structs;
  doc.store.pendingDs = saved.ds;
}

function add(ranges: Ranges, client: number, start: number, end: number): void {
  const list = ranges.get(client) ?? [];
  list.push([start, end]);
  ranges.set(client, list);
}

/** The struct and deletion ranges an encoded update carries (Yjs keeps pending parts in v2). */
function rangesOf(update: Uint8Array | null, structs: Ranges, deletes: Ranges): void {
  if (!update) return;
  const decoded = Y.decodeUpdateV2(update);
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    add(structs, struct.id.client, struct.id.clock, struct.id.clock + struct.length);
  }
  for (const [client, items] of decoded.ds.clients) {
    for (const item of items) add(deletes, client, item.clock, item.clock + item.len);
  }
}

function covered(inner: Ranges, outer: Ranges): boolean {
  for (const [client, ranges] of inner) {
    const around = outer.get(client) ?? [];
    for (const [start, end] of ranges) {
      // Pending parts of one client may be split differently after a merge: cover by union.
      let at = start;
      for (const [s, e] of [...around].sort((a, b) => a[0] - b[0])) {
        if (s <= at && e > at) at = e;
        if (at >= end) break;
      }
      if (at < end) return false;
    }
  }
  return true;
}

/** True when `after` holds pending structs or deletions that `before` did not. */
export function pendingGrew(before: PendingSnapshot, after: PendingSnapshot): boolean {
  const unchangedStructs =
    after.structs === before.structs && after.structsUpdate === before.structsUpdate;
  if (unchangedStructs && after.ds === before.ds) return false;
  if (after.structs === null && after.ds === null) return false;
  const was = { structs: new Map() as Ranges, deletes: new Map() as Ranges };
  const now = { structs: new Map() as Ranges, deletes: new Map() as Ranges };
  rangesOf(before.structsUpdate, was.structs, was.deletes);
  rangesOf(before.ds, was.structs, was.deletes);
  rangesOf(after.structsUpdate, now.structs, now.deletes);
  rangesOf(after.ds, now.structs, now.deletes);
  return !covered(now.structs, was.structs) || !covered(now.deletes, was.deletes);
}
