/**
 * The one gate every IPC call passes (pure; wired to `ipcMain.handle` in ipc/index.ts): the
 * sender frame must be a page of our app, and the arguments must match the contract's schema.
 * Only then does the handler run.
 */
import type { z } from 'zod';
import { isAppUrl, type AppOrigins } from '../security/urls';

/** Thrown to the renderer when a call is refused; the message says why, not how to get around it. */
export class IpcRefusedError extends Error {
  override readonly name = 'IpcRefusedError';
}

/** What main knows about the caller of an IPC operation. */
export interface IpcSender {
  /** URL of the frame that sent the call (`event.senderFrame.url`), or null if it is gone. */
  readonly frameUrl: string | null;
  /** True when the sender is the top frame of its window. */
  readonly isMainFrame: boolean;
}

/**
 * Validate one call. Returns the parsed arguments (zod output) or throws {@link IpcRefusedError}.
 *
 * @example
 * const [args] = checkIpcCall('documentAppend', ipcArgs.documentAppend, sender, raw, APP_ORIGINS);
 */
export function checkIpcCall<S extends z.ZodType>(
  operation: string,
  schema: S,
  sender: IpcSender,
  rawArgs: readonly unknown[],
  origins: AppOrigins,
): z.output<S> {
  if (!sender.isMainFrame || !isAppUrl(sender.frameUrl, origins)) {
    throw new IpcRefusedError(`${operation}: refused a call from a page that is not Linjaus.`);
  }
  const result = schema.safeParse(rawArgs);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new IpcRefusedError(
      `${operation}: invalid arguments (${issue?.path.join('.') || 'arguments'}: ${issue?.message ?? 'invalid'}).`,
    );
  }
  return result.data;
}
