/**
 * Tells clients what is stored. Each storage calls {@link StoredNotices.stored} after a durable
 * write with the snapshot it captured *before* the write began (so the snapshot never claims more
 * than what is on disk); the notice goes to every connection of the document — through Redis to
 * the other instances too, since `broadcastStateless` is relayed by the Redis extension.
 */
import type { Connection, Document } from '@hocuspocus/server';
import { encodeStoredNotice } from '../../../renderer/collab/protocol';

export class StoredNotices {
  private readonly latest = new Map<string, string>();

  /** Remember `snapshot` as the stored state of `documentName` without telling anyone (on load). */
  remember(documentName: string, encodedSnapshot: Uint8Array): void {
    this.latest.set(documentName, encodeStoredNotice(encodedSnapshot));
  }

  /** Record a durable write and tell every connection of the document. */
  stored(document: Document, encodedSnapshot: Uint8Array): void {
    const notice = encodeStoredNotice(encodedSnapshot);
    this.latest.set(document.name, notice);
    if (!document.isDestroyed) document.broadcastStateless(notice);
  }

  /** Answer one connection's query with the latest stored snapshot of its document. */
  answer(connection: Connection): void {
    const notice = this.latest.get(connection.document.name);
    if (notice) connection.sendStateless(notice);
  }

  forget(documentName: string): void {
    this.latest.delete(documentName);
  }
}
