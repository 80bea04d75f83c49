/**
 * Options of the sync server, with their defaults. The `linjaus serve` command fills them from
 * flags and environment variables (docs/sync.md lists both).
 */
import type { GateLimits } from './guard/socketGate';
import { DEFAULT_GATE_LIMITS } from './guard/socketGate';
import { DEFAULT_API_LIMITS, type ApiLimits } from './http/rateLimit';

export interface SyncServerOptions {
  /** Address to bind (default 127.0.0.1; 0.0.0.0 to host a workshop on the local network). */
  host?: string;
  /** Port (default 0 = any free port). */
  port?: number;
  /** Directory for the embedded storage and token file. Required unless `postgresUrl` is set. */
  dataDir?: string;
  /** Directory of the built web app to serve (default: none). */
  webDir?: string;
  /** PostgreSQL connection string: documents and tokens are stored there (scale-out). */
  postgresUrl?: string;
  /** Redis URL (redis://host:port): instances share documents through it (scale-out). */
  redisUrl?: string;
  /** Extra Host header values to accept (e.g. `linjaus.example.fi`). */
  allowedHosts?: string[];
  /**
   * Addresses of reverse proxies (load balancers) in front of this server: for requests from
   * them, the join rate limits and the per-IP connection cap count the client named in
   * `X-Forwarded-For` (default: none, the header is ignored).
   */
  trustedProxies?: string[];
  /** Extra origins allowed to open WebSockets (e.g. `https://app.example.fi`). */
  allowedOrigins?: string[];
  /** Largest accepted frame in bytes; larger closes with 1009 (default 8 MiB). */
  maxMessageBytes?: number;
  /**
   * A socket whose unsent data exceeds this (a client that cannot keep up) is dropped; it
   * reconnects and catches up with one state diff instead of the backlog (default 16 MiB).
   */
  maxBufferedBytes?: number;
  maxConnectionsPerIp?: number;
  maxConnections?: number;
  /** Frame rate and pre-auth limits per socket. */
  limits?: Partial<GateLimits>;
  /**
   * Limits of the workshop HTTP API: body size (4 KiB), failed invite codes per client address
   * (10) and join requests in total (200) per window (60 s).
   */
  api?: Partial<ApiLimits>;
  /** How often to re-check live connections' tokens (default 1000 ms). */
  tokenSweepMs?: number;
  /** Hocuspocus store debounce for PostgreSQL (default 200 ms; max 1000 ms). */
  storeDebounceMs?: number;
  /** Where log lines go (default: stderr). Never receives token secrets. */
  log?: (line: string) => void;
  /** Name of this instance in logs and Redis. */
  name?: string;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 0,
  maxMessageBytes: 8 * 1024 * 1024,
  maxBufferedBytes: 16 * 1024 * 1024,
  maxConnectionsPerIp: 64,
  maxConnections: 2000,
  tokenSweepMs: 1000,
  storeDebounceMs: 200,
  limits: DEFAULT_GATE_LIMITS,
  api: DEFAULT_API_LIMITS,
} as const;
