/**
 * IPC handlers for hosting a workshop from the desktop app. The server runs in a utility process
 * (workshop/worker.ts); the window gets the port, its LAN addresses and one host token, connects
 * with `useWorkshopServer` (which reloads it with the server's http:// and ws:// origins in its
 * CSP) and then creates invites through the server's HTTP API, exactly as in web mode.
 */
import type { Handler } from '../ipc/types';
import { NotAttachedError } from '../documents/sessions';

function requireOpen(
  services: Parameters<Handler<'workshopHost'>>[0]['services'],
  documentId: string,
): void {
  // Only a document open in this app can be hosted from it.
  if (!services.sessions.store(documentId))
    throw new NotAttachedError(`Document ${documentId} is not open.`);
}

export const workshopHandlers = {
  workshopHost: (async ({ services }, [{ documentId, name }]) => {
    requireOpen(services, documentId);
    const session = await services.workshop.host(documentId, name ?? '');
    return {
      port: session.port,
      localUrl: `ws://127.0.0.1:${session.port}`,
      lanUrls: services.lanAddresses().map((address) => `http://${address}:${session.port}`),
      hostToken: session.hostToken,
    };
  }) satisfies Handler<'workshopHost'>,
  workshopMintToken: (async ({ services }, [{ documentId, role, label }]) => {
    requireOpen(services, documentId);
    return services.workshop.mint(documentId, role, label);
  }) satisfies Handler<'workshopMintToken'>,
  workshopEnd: (async ({ services }, [{ documentId }]) =>
    services.workshop.end(documentId)) satisfies Handler<'workshopEnd'>,
};
