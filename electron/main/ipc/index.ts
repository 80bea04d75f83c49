/**
 * Registers every handler on `ipcMain`, each behind {@link checkIpcCall}: the sender frame is our
 * app's page and the arguments match the contract, or the call is refused before the handler runs.
 */
import { BrowserWindow, ipcMain } from 'electron';
import { IPC_OPERATIONS, ipcArgs, ipcChannel } from '../../shared/contract';
import type { AppOrigins } from '../security/urls';
import type { Services } from '../services';
import { checkIpcCall, IpcRefusedError } from './guard';
import type { Handlers } from './handlers';

export function registerIpc(handlers: Handlers, services: Services, origins: AppOrigins): void {
  for (const operation of IPC_OPERATIONS) {
    ipcMain.handle(ipcChannel(operation), async (event, ...raw: unknown[]) => {
      const frame = event.senderFrame;
      const args = checkIpcCall(
        operation,
        ipcArgs[operation],
        {
          frameUrl: frame?.url ?? null,
          isMainFrame: frame !== null && frame.parent === null,
        },
        raw,
        origins,
      );
      const window = BrowserWindow.fromWebContents(event.sender);
      if (!window) throw new IpcRefusedError(`${operation}: the calling window is gone.`);
      const handler = handlers[operation] as (
        ctx: { windowId: number; services: Services },
        args: unknown,
      ) => Promise<unknown>;
      return handler({ windowId: window.id, services }, args);
    });
  }
}
