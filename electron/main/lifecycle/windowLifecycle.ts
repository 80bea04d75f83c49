/**
 * No edit is lost when a window closes or the app quits (no Electron here: tested in Node with
 * fake windows and real storage).
 *
 * An edit can be in three places besides the log on disk: still in the renderer (its storage
 * queue sends one batch at a time), in an IPC call on its way, or applied in main but not yet
 * fsynced. Closing a window therefore goes: ask its renderer to flush (a `flushRequest` event)
 * → the renderer hands over every edit and answers `windowFlushed` once main has fsynced them →
 * the window closes for real (its page's `beforeunload` hands over anything typed in between,
 * synchronously) → its documents are detached, which fsyncs and compacts them. A renderer that
 * does not answer within {@link LifecycleOptions.flushTimeoutMs} is closed anyway (and logged);
 * one that answers that its edits could not be stored makes the user choose.
 *
 * Quitting does the same for every window first, and only then closes every document.
 */

/** What the coordinator needs from the windows (lifecycle/index.ts over BrowserWindow; tests: fakes). */
export interface LifecyclePort {
  /** Ids of the open windows. */
  windowIds(): number[];
  /** False when the window's renderer cannot answer (gone, crashed, still loading): no flush is asked. */
  canFlush(windowId: number): boolean;
  /** Send `flushRequest` with this id to the window's renderer. */
  requestFlush(windowId: number, requestId: string): void;
  /** Close the window (its `close` is let through: {@link WindowLifecycle.mayClose}). */
  close(windowId: number): void;
  /** Last resort for a window that did not close: destroy it. */
  destroy(windowId: number): void;
  /**
   * Ask the user about a window whose edits could not be stored: true to close it and lose
   * them, false to keep it open (then *Save as* elsewhere is possible).
   */
  confirmDiscard(windowId: number, problem: string): Promise<boolean>;
  /** Record something the user did not see (a renderer that did not answer). */
  log(message: string): void;
}

/** What the coordinator needs from the open documents (documents/sessions.ts). */
export interface LifecycleSessions {
  /** Detach a closed window: its documents' last window out fsyncs, compacts and closes them. */
  detachWindow(windowId: number): Promise<void>;
  /** Fsync, compact and close every open document. */
  closeAll(): Promise<void>;
}

/** The renderer's answer to a flush request. */
export interface FlushReport {
  /** True when every edit of the window is stored (fsynced in its document's log). */
  readonly ok: boolean;
  /** Why not, in the words of the error (for the dialog). */
  readonly message: string | null;
}

/** How asking a window to flush ended. */
export type FlushOutcome =
  | { readonly kind: 'flushed' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'gone' };

export interface LifecycleOptions {
  /** How long a renderer may take to flush before its window is closed anyway. */
  readonly flushTimeoutMs?: number;
  /** How long a window may take to close once allowed before it is destroyed. */
  readonly closeTimeoutMs?: number;
}

interface Waiting {
  readonly windowId: number;
  resolve(outcome: FlushOutcome): void;
}

export class WindowLifecycle {
  private requestCounter = 0;
  private readonly waiting = new Map<string, Waiting>();
  /** Windows whose `close` may go through: flushed, or the user chose to discard. */
  private readonly allowed = new Set<number>();
  private readonly closing = new Map<number, Promise<boolean>>();
  private readonly closedWaiters = new Map<number, (() => void)[]>();
  private readonly detaching = new Set<Promise<void>>();
  private quitting: Promise<boolean> | null = null;

  constructor(
    private readonly port: LifecyclePort,
    private readonly sessions: LifecycleSessions,
    private readonly options: LifecycleOptions = {},
  ) {}

  /**
   * The window's `close` event: true lets it close now; false means the caller must prevent it —
   * the coordinator flushes the window and closes it again when its edits are safe.
   */
  mayClose(windowId: number): boolean {
    if (this.allowed.has(windowId)) return true;
    void this.requestClose(windowId).catch((error: unknown) =>
      this.port.log(`Closing window ${windowId} failed: ${String(error)}`),
    );
    return false;
  }

  /**
   * Flush the window's edits and close it. Resolves true when it was closed, false when the user
   * kept it open because its edits could not be stored.
   */
  requestClose(windowId: number): Promise<boolean> {
    const running = this.closing.get(windowId);
    if (running) return running;
    const run = this.decide(windowId)
      .then((close) => {
        if (close) this.allowClose(windowId);
        return close;
      })
      .finally(() => this.closing.delete(windowId));
    this.closing.set(windowId, run);
    return run;
  }

  /** Ask the window's renderer to store every edit it has; resolves when it answered or gave up. */
  flushWindow(windowId: number): Promise<FlushOutcome> {
    if (!this.port.canFlush(windowId)) return Promise.resolve({ kind: 'gone' });
    const requestId = `flush-${++this.requestCounter}`;
    return new Promise<FlushOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId);
        resolve({ kind: 'timeout' });
      }, this.options.flushTimeoutMs ?? 3000);
      this.waiting.set(requestId, {
        windowId,
        resolve: (outcome) => {
          clearTimeout(timer);
          this.waiting.delete(requestId);
          resolve(outcome);
        },
      });
      try {
        this.port.requestFlush(windowId, requestId);
      } catch {
        // The window went away between the check and the send.
        this.waiting.get(requestId)?.resolve({ kind: 'gone' });
      }
    });
  }

  /** The renderer's `windowFlushed` answer (IPC). Answers to unknown requests or from another window are ignored. */
  flushed(windowId: number, requestId: string, report: FlushReport): void {
    const waiting = this.waiting.get(requestId);
    if (!waiting || waiting.windowId !== windowId) return;
    waiting.resolve(
      report.ok
        ? { kind: 'flushed' }
        : { kind: 'failed', message: report.message ?? 'The edits could not be stored.' },
    );
  }

  /** The window's renderer crashed or was destroyed: nobody will answer its flush requests. */
  rendererGone(windowId: number): void {
    for (const waiting of [...this.waiting.values()])
      if (waiting.windowId === windowId) waiting.resolve({ kind: 'gone' });
  }

  /** The window's `closed` event: detach its documents (fsync + compaction), tracked until quit. */
  windowClosed(windowId: number): void {
    this.allowed.delete(windowId);
    this.rendererGone(windowId);
    const detach = this.sessions
      .detachWindow(windowId)
      .catch((error: unknown) =>
        this.port.log(`Closing the documents of window ${windowId} failed: ${String(error)}`),
      );
    this.detaching.add(detach);
    void detach.finally(() => this.detaching.delete(detach));
    for (const resolve of this.closedWaiters.get(windowId) ?? []) resolve();
    this.closedWaiters.delete(windowId);
  }

  /**
   * Quit: flush every window, ask about those whose edits could not be stored, close the windows,
   * then fsync, compact and close every document. Resolves false when the user kept a window
   * open (nothing was closed); true when the app may exit.
   */
  quit(): Promise<boolean> {
    this.quitting ??= this.runQuit().finally(() => (this.quitting = null));
    return this.quitting;
  }

  private async runQuit(): Promise<boolean> {
    const windowIds = this.port.windowIds();
    const decisions = await Promise.all(windowIds.map((id) => this.decide(id)));
    if (decisions.includes(false)) return false;
    await Promise.all(windowIds.map((id) => this.closeAndWait(id)));
    await Promise.all([...this.detaching]);
    try {
      await this.sessions.closeAll();
    } catch (error) {
      // Every acknowledged edit is in its log already; the app may exit (the log is replayed).
      this.port.log(`Closing documents at quit failed: ${String(error)}`);
    }
    return true;
  }

  /** Flush and decide: true to close the window, false to keep it (the user's choice). */
  private async decide(windowId: number): Promise<boolean> {
    const outcome = await this.flushWindow(windowId);
    if (outcome.kind === 'timeout')
      this.port.log(`Window ${windowId} did not answer the flush request; closing it anyway.`);
    if (outcome.kind !== 'failed') return true;
    try {
      return await this.port.confirmDiscard(windowId, outcome.message);
    } catch (error) {
      // Without an answer the edits stay where the user can still save them: keep the window.
      this.port.log(`Asking about window ${windowId} failed: ${String(error)}`);
      return false;
    }
  }

  private allowClose(windowId: number): void {
    this.allowed.add(windowId);
    this.port.close(windowId);
  }

  private async closeAndWait(windowId: number): Promise<void> {
    if (!this.port.windowIds().includes(windowId)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const closed = new Promise<boolean>((resolve) => {
      const waiters = this.closedWaiters.get(windowId) ?? [];
      waiters.push(() => resolve(true));
      this.closedWaiters.set(windowId, waiters);
      timer = setTimeout(() => resolve(false), this.options.closeTimeoutMs ?? 3000);
    });
    this.allowClose(windowId);
    const didClose = await closed;
    clearTimeout(timer);
    if (didClose) return;
    this.port.log(`Window ${windowId} did not close; destroying it.`);
    this.closedWaiters.delete(windowId);
    this.port.destroy(windowId);
  }
}
