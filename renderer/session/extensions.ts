/**
 * Session extensions: code that attaches to every opened document and detaches when it closes.
 * The workshop connection (renderer/collab/) registers itself here, so the editor needs no
 * import of it and web mode without a server works unchanged.
 *
 * @example
 * registerSessionExtension((session) => {
 *   const provider = connectWorkshop(session.doc, session.awareness); // renderer/collab
 *   return () => provider.destroy();
 * });
 */
import type { DocumentSession } from './DocumentSession';

export type SessionExtension = (session: DocumentSession) => (() => void) | void;

const extensions = new Set<SessionExtension>();

/** Register an extension for documents opened from now on; returns an unregister function. */
export function registerSessionExtension(extension: SessionExtension): () => void {
  extensions.add(extension);
  return () => extensions.delete(extension);
}

/** Run every registered extension on a session; returns one cleanup for all of them. */
export function attachExtensions(session: DocumentSession): () => void {
  const cleanups: (() => void)[] = [];
  for (const ext of extensions) {
    try {
      const cleanup = ext(session);
      if (cleanup) cleanups.push(cleanup);
    } catch (error) {
      console.error('A session extension failed to attach', error);
    }
  }
  return () => cleanups.forEach((c) => c());
}
