/**
 * IPC handlers for hosting a workshop from the desktop app. The server runs in a utility process
 * (workshop/worker.ts); the window gets the port, its LAN addresses and the tokens, builds the
 * join link and QR code itself (renderer/collab/joinLink.ts), and connects with
 * `useWorkshopServer` (which reloads it with the server in its CSP).
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
  workshopHost: (async ({ services }, [{ documentId }]) => {
    requireOpen(services, documentId);
    const session = await services.workshop.host(documentId);
    return {
      port: session.port,
      localUrl: `ws://127.0.0.1:${session.port}`,
      lanUrls: services.lanAddresses().map((address) => `http://${address}:${session.port}`),
      hostToken: session.hostToken,
      guestToken: session.guestToken,
    };
  }) satisfies Handler<'workshopHost'>,
  workshopMintToken: (async ({ services }, [{ documentId, role, label }]) => {
    requireOpen(services, documentId);
    return services.workshop.mint(documentId, role, label);
  }) satisfies Handler<'workshopMintToken'>,
  workshopEnd: (async ({ services }, [{ documentId }]) =>
    services.workshop.end(documentId)) satisfies Handler<'workshopEnd'>,
};
