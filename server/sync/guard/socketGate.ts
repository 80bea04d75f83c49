/**
 * A per-socket gate in front of Hocuspocus: every incoming frame is checked ({@link checkFrame}),
 * rate-limited (token bucket), and — before the socket has authenticated for a document — only a
 * handful may wait. A frame that fails closes the socket with a WebSocket close code; Hocuspocus
 * never sees it, so the document and the other sockets are untouched. Once the socket has
 * authenticated for a document, awareness frames also go through an {@link AwarenessPolicy}
 * (a connection speaks only for its own client id and under its token's name): entries that
 * would change nothing or remove someone else are dropped, spoofing closes the socket.
 *
 * Hocuspocus listens with `websocket.on('message')` and has no hook that can drop a frame, so the
 * gate wraps the socket's `emit` (the one place all listeners are reached from). Frames that
 * arrive before authentication are queued by Hocuspocus and emitted again once the socket has
 * authenticated and the document is loaded; awareness frames are judged then.
 */
import type WebSocket from 'ws';
import type { AwarenessPolicy, GateSession } from './awarenessPolicy';
import {
  awarenessFrame,
  checkFrame,
  ForbiddenFrame,
  FrameType,
  type FrameInfo,
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

/** Who a socket authenticated as for one document (from its token). */
export interface SessionIdentity {
  readonly label?: string;
  readonly tokenId?: string;
}

/**
 * The gate's decision on a frame: refuse (close the socket), or pass it on — as it is, replaced
 * by `frame` (an awareness frame with entries dropped), or not at all (`drop`).
 */
export type Verdict =
  { ok: true; frame?: Uint8Array; drop?: boolean } | { ok: false; code: number; reason: string };

const PASS: Verdict = { ok: true };
const DROP: Verdict = { ok: true, drop: true };

export class SocketGate {
  private tokens: number;
  private last = Date.now();
  private readonly sessions = new Map<string, GateSession>();
  private readonly pending = new Map<string, number>();
  private pendingBytes = 0;
  /** Frames Hocuspocus re-emits after authentication were already checked and counted. */
  private readonly passed = new WeakSet<object>();
  /** Awareness frames checked for shape and counted, to be judged when Hocuspocus re-emits them. */
  private readonly deferred = new WeakMap<object, FrameInfo>();
  private socket: WebSocket | null = null;
  /** Why the socket was closed by the gate (or the integrity checks), for tests and logs. */
  closedFor: string | null = null;

  constructor(
    private readonly limits: GateLimits = DEFAULT_GATE_LIMITS,
    private readonly awareness: AwarenessPolicy | null = null,
  ) {
    this.tokens = limits.messageBurst;
  }

  /**
   * Called by the auth hook when the socket has authenticated for `documentName`; the session
   * ends with {@link endSession} (the document connection closed) or when the socket closes.
   */
  markAuthenticated(documentName: string, identity: SessionIdentity = {}): GateSession {
    const previous = this.sessions.get(documentName);
    if (previous) this.awareness?.release(previous);
    const session: GateSession = {
      documentName,
      label: identity.label ?? '',
      tokenId: identity.tokenId ?? '',
      clientId: null,
    };
    this.sessions.set(documentName, session);
    this.pending.delete(documentName);
    return session;
  }

  /** The document connection closed: frames for it must authenticate again. */
  endSession(session: GateSession): void {
    if (this.sessions.get(session.documentName) !== session) return;
    this.sessions.delete(session.documentName);
    this.awareness?.release(session);
  }

  /** Close the socket (once) and pass nothing more from it. */
  refuse(code: number, reason: string): void {
    if (this.closedFor !== null) return;
    this.closedFor = reason;
    this.socket?.close(code, reason);
  }

  /** Install the gate on `socket`. */
  install(socket: WebSocket): void {
    this.socket = socket;
    socket.once('close', () => {
      for (const session of this.sessions.values()) this.awareness?.release(session);
      this.sessions.clear();
    });
    const emit = socket.emit.bind(socket);
    socket.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
      if (event !== 'message') return emit(event, ...args);
      // Frames already read when the socket was refused, and frames Hocuspocus queued, stop here.
      if (this.closedFor !== null) return false;
      const verdict = this.check(args[0], args[1]);
      if (!verdict.ok) {
        this.refuse(verdict.code, verdict.reason);
        return false;
      }
      if (verdict.drop) return false;
      if (verdict.frame) return emit(event, verdict.frame, ...args.slice(1));
      return emit(event, ...args);
    }) as typeof socket.emit;
  }

  /** Decide on one frame. */
  check(data: unknown, isBinary: unknown): Verdict {
    if (typeof data === 'object' && data !== null) {
      const waiting = this.deferred.get(data);
      if (waiting) {
        this.deferred.delete(data);
        return this.judge(waiting, data as Uint8Array, true);
      }
      if (this.passed.has(data)) return PASS;
    }
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
    if (!this.sessions.has(info.documentName)) {
      const waiting = this.pending.get(info.documentName);
      if (
        waiting === undefined &&
        this.pending.size + this.sessions.size >= this.limits.maxDocumentsPerSocket
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
      if (info.awareness && this.awareness) {
        this.deferred.set(data, info);
        return PASS;
      }
      this.passed.add(data);
      return PASS;
    }
    return this.judge(info, data, false);
  }

  /** The checks that need the session (and the document): awareness binding. */
  private judge(info: FrameInfo, data: Uint8Array, handedBack: boolean): Verdict {
    if (info.awareness && this.awareness) {
      const session = this.sessions.get(info.documentName);
      // Handed back after the document connection closed: there is nothing to apply it to.
      if (!session) return DROP;
      const verdict = this.awareness.check(session, info.awareness);
      if (verdict.ok === 'later') {
        // Hocuspocus hands frames back only once the document is loaded; awareness is
        // ephemeral (the provider renews it), so dropping is the safe answer if it is not.
        if (handedBack) return DROP;
        this.deferred.set(data, info);
        return PASS;
      }
      if (!verdict.ok) return { ok: false, code: CLOSE.policy, reason: verdict.reason };
      if (verdict.entries.length === 0) return DROP;
      if (verdict.entries.length < info.awareness.length) {
        const frame = awarenessFrame(info.documentName, verdict.entries);
        this.passed.add(frame);
        return { ok: true, frame };
      }
    }
    this.passed.add(data);
    return PASS;
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
