/**
 * A simulated network between in-memory replicas: every local update becomes a message to each
 * peer; messages are delivered in random order, some duplicated, some dropped; a replica can go
 * offline and, when it comes back, re-syncs by state vectors as y-protocols' sync step does.
 */
import * as Y from 'yjs';
import { isOrigin, origin } from '../../core/model/origins';
import type { Rng } from '../helpers/random';

interface Message {
  readonly to: number;
  readonly update: Uint8Array;
}

export class Network {
  private queue: Message[] = [];
  readonly online: boolean[];

  constructor(
    readonly docs: Y.Doc[],
    private readonly random: Rng,
    private readonly faults = { duplicate: 0.1, drop: 0.1 },
  ) {
    this.online = docs.map(() => true);
    docs.forEach((doc, from) => {
      doc.on('update', (update: Uint8Array, txOrigin: unknown) => {
        if (isOrigin(txOrigin, 'remote') || !this.online[from]) return;
        docs.forEach((_, to) => {
          if (to !== from) this.queue.push({ to, update });
        });
      });
    });
  }

  /** Deliver up to `count` queued messages in random order, with duplicates and drops. */
  deliver(count: number): void {
    for (let i = 0; i < count && this.queue.length > 0; i += 1) {
      const index = this.random.int(this.queue.length);
      const message = this.queue[index] as Message;
      const keep = this.random.chance(this.faults.duplicate);
      if (!keep) this.queue.splice(index, 1);
      if (!this.online[message.to] || this.random.chance(this.faults.drop)) continue;
      Y.applyUpdate(this.docs[message.to] as Y.Doc, message.update, origin('remote'));
    }
  }

  setOnline(index: number, isOnline: boolean): void {
    const wasOffline = !this.online[index];
    this.online[index] = isOnline;
    if (isOnline && wasOffline) this.resync(index);
  }

  /** State-vector sync of one replica with every online peer (both directions). */
  resync(index: number): void {
    const doc = this.docs[index] as Y.Doc;
    this.docs.forEach((peer, j) => {
      if (j === index || !this.online[j]) return;
      Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(peer)), origin('remote'));
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), origin('remote'));
    });
  }

  /** Everyone online, every queued message delivered, then a full re-sync: quiescence. */
  settle(): void {
    this.online.fill(true);
    this.queue = [];
    for (let round = 0; round < 2; round += 1) this.docs.forEach((_, i) => this.resync(i));
  }
}
