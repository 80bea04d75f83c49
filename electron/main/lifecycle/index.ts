/**
 * Electron glue of the close/quit coordinator (windowLifecycle.ts): its window port over
 * BrowserWindow. windows/index.ts routes each window's `close`, `closed` and renderer-crash
 * events to the coordinator; main/index.ts routes `before-quit` to {@link WindowLifecycle.quit}.
 */
import { BrowserWindow } from 'electron';
import type { NativeDialogs } from '../files/dialogs';
import { sendEvent } from '../windows/index';
import { WindowLifecycle, type LifecycleSessions } from './windowLifecycle';

const live = (windowId: number) => {
  const window = BrowserWindow.fromId(windowId);
  return window && !window.isDestroyed() ? window : null;
};

export function createWindowLifecycle(
  sessions: LifecycleSessions,
  dialogs: NativeDialogs,
): WindowLifecycle {
  return new WindowLifecycle(
    {
      windowIds: () => BrowserWindow.getAllWindows().map((w) => w.id),
      canFlush: (windowId) => {
        const contents = live(windowId)?.webContents;
        // A page still loading is asked too: a flag like isLoading() can stay set while the page
        // already holds edits, and a window that cannot answer costs only the time limit.
        return Boolean(contents && !contents.isDestroyed() && !contents.isCrashed());
      },
      requestFlush: (windowId, requestId) => sendEvent(windowId, 'flushRequest', { requestId }),
      close: (windowId) => live(windowId)?.close(),
      destroy: (windowId) => live(windowId)?.destroy(),
      confirmDiscard: (windowId, problem) => dialogs.confirmDiscard(windowId, problem),
      log: (message) => console.warn(message),
    },
    sessions,
  );
}
