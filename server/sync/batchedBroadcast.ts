/**
 * Fan-out of document updates, batched per event-loop turn. Hocuspocus sends every update to
 * every connection as it is applied: with N participants typing that is N² messages per
 * keystroke round, which is what limits a server at a few hundred participants. Here the
 * document's own update listener is replaced: Hocuspocus's hooks still run for each update as
 * before, but the broadcast merges all updates applied in one turn of the event loop into one
 * message per connection. Under light load a turn holds one update (no added delay); under heavy
 * load many frames are read per turn and the message count drops accordingly.
 */
import {
  OutgoingMessage,
  type Connection,
  type Document,
  type Extension,
  type onLoadDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';

type UpdateListener = (update: Uint8Array, origin: unknown) => void;

/** lib0's Observable keeps listeners in `_observers` (no public way to list them). */
interface WithObservers {
  _observers: Map<string, Set<UpdateListener>>;
}

export class BatchedBroadcast implements Extension {
  readonly extensionName = 'LinjausBatchedBroadcast';
  readonly priority = 5000;

  async onLoadDocument({ document }: onLoadDocumentPayload): Promise<void> {
    const observers = (document as unknown as WithObservers)._observers.get('update');
    // Only the Document constructor's broadcast listener exists at this point.
    if (!observers || observers.size !== 1) {
      console.warn('[sync] unexpected update listeners; keeping Hocuspocus broadcast as is');
      return;
    }
    const [original] = [...observers];
    document.off('update', original!);
    let pending: Uint8Array[] = [];
    const flush = () => {
      const updates = pending;
      pending = [];
      if (document.isDestroyed || updates.length === 0) return;
      const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
      const message = new OutgoingMessage(document.name)
        .createSyncMessage()
        .writeUpdate(merged)
        .toUint8Array();
      document.getConnections().forEach((connection) => connection.send(message));
    };
    document.on('update', (update: Uint8Array, origin: unknown) => {
      document.callbacks.onUpdate(document as Document, origin as Connection, update);
      if (pending.length === 0) setImmediate(flush);
      pending.push(update);
    });
  }
}
