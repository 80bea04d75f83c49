/**
 * A viewer's copy that diverged gets a fresh copy from the server. A write reverted while
 * read-only may recreate content under new Yjs ids (`session.needsResync()`,
 * renderer/session/readOnlyGuard.ts); a peer's later edit of that item or key may then never show
 * in this copy, and the server never stores the viewer's writes, so only a fresh copy is right.
 * The fresh copy is fetched first (so a failure loses nothing), then the session's storage is
 * detached, the stored copy removed and the fresh one stored; the caller reloads the page, which
 * reopens the document and reconnects from the connection kept in sessionStorage.
 */
import { currentPlatform } from '../platform/current';
import { storeNewDocument, type DocumentSession } from '../session/DocumentSession';
import { fetchWorkshopDocument } from './joinFlow';
import { markResyncNotice, type WorkshopConfig } from './storage';

/**
 * Replace the stored copy of the session's document with a fresh one from the workshop server.
 * Throws (`JoinError` and others) when the fresh copy cannot be fetched; the local copy is then
 * untouched.
 */
export async function replaceWithServerCopy(
  session: DocumentSession,
  config: WorkshopConfig,
  name: string,
  signal: AbortSignal,
): Promise<void> {
  const platform = currentPlatform();
  await fetchWorkshopDocument(
    {
      serverUrl: config.localUrl ?? config.serverUrl,
      documentId: session.id,
      token: config.token,
      name,
    },
    { signal },
    async (fresh) => {
      // Detached first: the open copy would otherwise write its diverged state back (and keep
      // IndexedDB's delete blocked).
      await session.stored.close();
      await platform.storage.remove(session.id);
      await storeNewDocument(platform, fresh);
      markResyncNotice(session.id);
    },
  );
}
