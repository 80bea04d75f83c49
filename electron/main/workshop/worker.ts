/**
 * Entry of the workshop server utility process: the Linjaus sync server (server/sync, Hocuspocus)
 * for a workshop hosted from the desktop app, on the local network, outside main so a busy
 * session never slows the host's window. Receives {@link ToWorkshop}, answers {@link FromWorkshop}.
 */
import { startSyncServer, type SyncServer } from '../../../server/sync/server';
import type { FromWorkshop, ToWorkshop } from './protocol';

const parentPort = (process as { parentPort?: Electron.ParentPort }).parentPort;
const send = (message: FromWorkshop): void => {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
};

let server: SyncServer | null = null;

async function handle(message: ToWorkshop): Promise<FromWorkshop> {
  switch (message.type) {
    case 'start': {
      server ??= await startSyncServer({
        host: message.host,
        port: 0,
        dataDir: message.dataDir,
        webDir: message.webDir ?? undefined,
        allowedHosts: [...message.allowedHosts],
        allowedOrigins: [...message.allowedOrigins],
      });
      return { type: 'started', id: message.id, port: server.port };
    }
    case 'mint': {
      if (!server) throw new Error('No workshop is running.');
      const { token } = await server.mintToken(
        message.documentId,
        message.role,
        message.lifetimeMs,
        message.label,
        { host: message.host },
      );
      return { type: 'minted', id: message.id, token };
    }
    case 'end': {
      const closed = server ? await server.endSession(message.documentId) : 0;
      return { type: 'ended', id: message.id, closed };
    }
    case 'stop': {
      await server?.close();
      server = null;
      return { type: 'stopped', id: message.id };
    }
  }
}

const onMessage = (message: ToWorkshop): void => {
  handle(message).then(send, (error: unknown) =>
    send({
      type: 'error',
      id: message.id,
      message: error instanceof Error ? error.message : String(error),
    }),
  );
};
if (parentPort) parentPort.on('message', (event) => onMessage(event.data as ToWorkshop));
else process.on('message', (message) => onMessage(message as ToWorkshop));
