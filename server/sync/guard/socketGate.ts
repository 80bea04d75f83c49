/**
 * A per-socket gate in front of Hocuspocus: every incoming frame is checked ({@link checkFrame}),
 * rate-limited (token bucket), and — before the socket has authenticated for a document — only a
 * handful may wait. A frame that fails closes the socket with a WebSocket close code; Hocuspocus
 * never sees it, so the document and the other sockets are untouched.
 *
 * Hocuspocus listens with `websocket.on('message')` and has no hook that can drop a frame, so the
 * gate wraps the socket's `emit` (the one place all listeners are reached from).
 */
import type WebSocket from 'ws';
import {
  checkFrame,
  ForbiddenFrame,
  FrameType,
  type FrameLimits,
  DEFAULT_FRAME_LIMITS,
} from './frameCheck';

/** WebSocket close codes the gate uses (RFC 6455 §7.4.1). */
export const CLOSE = {
  /** Malformed frame. */
  invalidData: 1007,
  /** Rate limit, too many pending frames, disallowed message type. */
  policy: 1008,
  /** Text frames: the protocol is binary. */
  unsupported: 1003,
  /** Token revoked or expired while connected (application range). */
  revoked: 4403,
} as const;

export interface GateLimits extends FrameLimits {
  /** Sustained frames per second per socket. */
  readonly messagesPerSecond: number;
  /** Burst above the sustained rate. */
  readonly messageBurst: number;
  /** Frames that may wait for one document before the socket has authenticated for it. */
  readonly maxPendingPerDocument: number;
  /** Bytes that may wait, over all documents, before the socket has authenticated for them. */
  readonly maxPendingBytes: number;
  /** Documents one socket may open. */
  readonly maxDocumentsPerSocket: number;
}

export const DEFAULT_GATE_LIMITS: GateLimits = {
  ...DEFAULT_FRAME_LIMITS,
  messagesPerSecond: 100,
  messageBurst: 300,
  // The provider queues edits made while it connects and sends them right after its token.
  maxPendingPerDocument: 256,
  maxPendingBytes: 16 * 1024 * 1024,
  maxDocumentsPerSocket: 16,
};

type Verdict = { ok: true } | { ok: false; code: number; reason: string };

export class SocketGate {
  private tokens: number;
  private last = Date.now();
  private readonly authenticated = new Set<string>();
  private readonly pending = new Map<string, number>();
  private pendingBytes = 0;
  /** Frames Hocuspocus re-emits after authentication were already checked and counted. */
  private readonly passed = new WeakSet<object>();
  /** Why the socket was closed by the gate, for tests and logs. */
  closedFor: string | null = null;

  constructor(private readonly limits: GateLimits = DEFAULT_GATE_LIMITS) {
    this.tokens = limits.messageBurst;
  }

  /** Called by the auth hook when the socket has authenticated for `documentName`. */
  markAuthenticated(documentName: string): void {
    this.authenticated.add(documentName);
    this.pending.delete(documentName);
  }

  /** Install the gate on `socket`. */
  install(socket: WebSocket): void {
    const emit = socket.emit.bind(socket);
    socket.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
      if (event !== 'message') return emit(event, ...args);
      const verdict = this.check(args[0], args[1]);
      if (verdict.ok) return emit(event, ...args);
      this.closedFor = verdict.reason;
      socket.close(verdict.code, verdict.reason);
      return false;
    }) as typeof socket.emit;
  }

  /** Decide on one frame. */
  check(data: unknown, isBinary: unknown): Verdict {
    if (typeof data === 'object' && data !== null && this.passed.has(data)) return { ok: true };
    if (isBinary === false) return { ok: false, code: CLOSE.unsupported, reason: 'text-frame' };
    if (!(data instanceof Uint8Array))
      return { ok: false, code: CLOSE.unsupported, reason: 'not-binary' };
    if (!this.take()) return { ok: false, code: CLOSE.policy, reason: 'rate-limit' };
    let info;
    try {
      info = checkFrame(data, this.limits);
    } catch (error) {
      if (error instanceof ForbiddenFrame)
        return { ok: false, code: CLOSE.policy, reason: 'forbidden-message-type' };
      return { ok: false, code: CLOSE.invalidData, reason: 'malformed-frame' };
    }
    if (!this.authenticated.has(info.documentName)) {
      const waiting = this.pending.get(info.documentName);
      if (
        waiting === undefined &&
        this.pending.size + this.authenticated.size >= this.limits.maxDocumentsPerSocket
      ) {
        return { ok: false, code: CLOSE.policy, reason: 'too-many-documents' };
      }
      const count = (waiting ?? 0) + 1;
      this.pendingBytes += data.length;
      if (
        count > this.limits.maxPendingPerDocument ||
        this.pendingBytes > this.limits.maxPendingBytes
      ) {
        return { ok: false, code: CLOSE.policy, reason: 'unauthenticated' };
      }
      // Updates before authentication would be queued and applied once authenticated; a client
      // that has not authenticated has no business sending them (the provider never does).
      if (
        info.type !== FrameType.Auth &&
        info.type !== FrameType.Sync &&
        info.type !== FrameType.Awareness &&
        info.type !== FrameType.QueryAwareness
      ) {
        return { ok: false, code: CLOSE.policy, reason: 'unauthenticated' };
      }
      this.pending.set(info.documentName, count);
    }
    this.passed.add(data);
    return { ok: true };
  }

  private take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(
      this.limits.messageBurst,
      this.tokens + ((now - this.last) / 1000) * this.limits.messagesPerSecond,
    );
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
