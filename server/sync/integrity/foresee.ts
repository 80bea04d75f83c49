/**
 * A cheap look at an update before trying it on the shadow: the common ways an update fails to
 * integrate can be read from its structs and the document's state vector, without integrating
 * anything. Refusing those up front keeps the shadow untouched, so a refusal costs a decode
 * instead of a rebuild of the shadow (which is about as costly as loading the document) — an
 * editor sending broken updates on purpose cannot make the server do much work per frame.
 *
 * Only certain outcomes are answered; anything else (null) is left to the trial, which is the
 * real test. The dependency look is skipped while the document already holds pending parts,
 * which could be what an update is waiting for.
 */
import * as Y from 'yjs';

/**
 * What an update is certain to do, when that can be read off without applying it; or
 * `unsupported`: it carries content no Linjaus document holds.
 */
export type Foreseen = 'pending' | 'throws' | 'unsupported' | null;

/**
 * Content no Linjaus document holds, on which the clients' editor bindings throw (Lexical's Yjs
 * binding throws "XmlHook is not supported"): `Y.XmlHook` types and subdocuments. Yjs integrates
 * them fine, so without this a valid-but-foreign update would be broadcast to every client.
 */
function unsupported(struct: Y.Item): boolean {
  const { content } = struct;
  return (
    content instanceof Y.ContentDoc ||
    (content instanceof Y.ContentType && content.type instanceof Y.XmlHook)
  );
}

interface Ref {
  readonly client: number;
  readonly clock: number;
}

const isRef = (value: unknown): value is Ref => value instanceof Y.ID;

export function foresee(doc: Y.Doc, update: Uint8Array): Foreseen {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return 'throws';
  }
  for (const struct of decoded.structs)
    if (struct instanceof Y.Item && unsupported(struct)) return 'unsupported';
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return null;
  // How far each client's clock reaches once the update's contiguous structs are in.
  const reach = new Map<number, number>();
  const reachOf = (client: number): number => reach.get(client) ?? Y.getState(doc.store, client);
  for (const struct of decoded.structs) {
    const { client, clock } = struct.id;
    const at = reachOf(client);
    if (struct instanceof Y.Skip) continue;
    // A gap (before it, or a skip earlier in this client's run): Yjs parks the rest as pending.
    if (clock > at) return 'pending';
    reach.set(client, Math.max(at, clock + struct.length));
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    // Yjs resolves the references of structs it already has too, so those are checked alike.
    const { client, clock } = struct.id;
    for (const ref of [struct.origin, struct.rightOrigin, struct.parent]) {
      if (!isRef(ref)) continue;
      if (ref.client === client) {
        // An item can only point back at its own client's earlier items. Yjs looks a later one
        // up in the store and throws in the middle of integrating when it is not there.
        if (ref.clock >= clock) return 'throws';
      } else if (ref.clock >= reachOf(ref.client)) return 'pending';
    }
  }
  for (const [client, items] of decoded.ds.clients) {
    for (const item of items) if (item.clock + item.len > reachOf(client)) return 'pending';
  }
  return null;
}
