/**
 * The close/quit coordinator's own rules (electron/main/lifecycle/windowLifecycle.ts) with fake
 * windows and sessions; tests/integration/electronLifecycle.test.ts runs it with real storage.
 */
import { describe, expect, it } from 'vitest';
import { WindowLifecycle, type LifecyclePort } from '../../electron/main/lifecycle/windowLifecycle';

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('WindowLifecycle', () => {
  /** Fake windows that record what the coordinator asks; sessions that record detaches. */
  function fakes(
    windowIds: number[],
    options: { stuck?: boolean; sendFails?: boolean; dialogFails?: boolean } = {},
  ) {
    const open = new Set(windowIds);
    const requests: { windowId: number; requestId: string }[] = [];
    const events: string[] = [];
    const port: LifecyclePort = {
      windowIds: () => [...open],
      canFlush: (id) => open.has(id),
      requestFlush: (windowId, requestId) => {
        if (options.sendFails) throw new Error('Object has been destroyed');
        requests.push({ windowId, requestId });
      },
      close: (id) => {
        // A stuck window ignores close() (e.g. its page never finishes unloading).
        if (options.stuck || !open.delete(id)) return;
        events.push(`closed:${id}`);
        lifecycle.windowClosed(id);
      },
      destroy: (id) => void events.push(`destroyed:${id}`),
      confirmDiscard: async () => {
        if (options.dialogFails) throw new Error('dialog failed');
        return true;
      },
      log: (message) => void events.push(`log:${message}`),
    };
    const lifecycle: WindowLifecycle = new WindowLifecycle(
      port,
      {
        detachWindow: async (id) => void events.push(`detach:${id}`),
        closeAll: async () => void events.push('closeAll'),
      },
      { closeTimeoutMs: 20 },
    );
    return { lifecycle, requests, events, open };
  }

  it('ignores an answer from another window or to an unknown request', async () => {
    const { lifecycle, requests, open } = fakes([1, 2]);
    const closing = lifecycle.requestClose(1);
    expect(requests).toHaveLength(1);
    lifecycle.flushed(2, requests[0]!.requestId, { ok: true, message: null });
    lifecycle.flushed(1, 'flush-999', { ok: true, message: null });
    expect(open.has(1)).toBe(true);
    lifecycle.flushed(1, requests[0]!.requestId, { ok: true, message: null });
    expect(await closing).toBe(true);
    expect(open.has(1)).toBe(false);
  });

  it('lets a window close at once only after its flush, and asks its renderer once for two close requests', async () => {
    const { lifecycle, requests, events } = fakes([1]);
    expect(lifecycle.mayClose(1)).toBe(false);
    expect(lifecycle.mayClose(1)).toBe(false);
    expect(requests).toHaveLength(1);
    lifecycle.flushed(1, requests[0]!.requestId, { ok: true, message: null });
    await until(() => events.includes('detach:1'), 'the window to be detached');
    expect(events).toEqual(['closed:1', 'detach:1']);
  });

  it('does not wait for a renderer that crashed', async () => {
    const { lifecycle, requests, events } = fakes([1]);
    const quitting = lifecycle.quit();
    expect(requests).toHaveLength(1);
    lifecycle.rendererGone(1);
    expect(await quitting).toBe(true);
    expect(events).toEqual(['closed:1', 'detach:1', 'closeAll']);
  });

  it('destroys a window that does not close when allowed to, and still closes every document', async () => {
    const { lifecycle, requests, events } = fakes([1], { stuck: true });
    const quitting = lifecycle.quit();
    lifecycle.flushed(1, requests[0]!.requestId, { ok: true, message: null });
    expect(await quitting).toBe(true);
    expect(events).toEqual([
      'log:Window 1 did not close; destroying it.',
      'destroyed:1',
      'closeAll',
    ]);
  });

  it('closes a window whose flush request cannot be sent, and keeps one when the question cannot be asked', async () => {
    const gone = fakes([1], { sendFails: true });
    expect(await gone.lifecycle.requestClose(1)).toBe(true);
    expect(gone.open.has(1)).toBe(false);

    const unasked = fakes([1], { dialogFails: true });
    const closing = unasked.lifecycle.requestClose(1);
    unasked.lifecycle.flushed(1, unasked.requests[0]!.requestId, { ok: false, message: 'EIO' });
    expect(await closing).toBe(false);
    expect(unasked.open.has(1)).toBe(true);
    expect(unasked.events).toEqual(['log:Asking about window 1 failed: Error: dialog failed']);
  });
});
