/**
 * Fixed-window counters for the join endpoint: refused joins per client address, and
 * well-formed join requests together. Memory is bounded: at most `maxKeys` addresses are tracked (the oldest is
 * dropped first; the global cap still bounds what an attacker with many addresses can try).
 */

/** Limits of the workshop HTTP API (defaults in `DEFAULTS.api`, server/sync/config.ts). */
export interface ApiLimits {
  /** Largest accepted request body in bytes (413 beyond). */
  readonly maxBodyBytes: number;
  /** Refused joins (any 4xx but 429) one client address may cause per window before 429. */
  readonly joinFailuresPerIp: number;
  /** Well-formed join requests accepted per window from everyone together (429 beyond). */
  readonly joinsPerWindow: number;
  /** Length of the rate-limit window in ms. */
  readonly windowMs: number;
}

export const DEFAULT_API_LIMITS: ApiLimits = {
  maxBodyBytes: 4096,
  joinFailuresPerIp: 10,
  joinsPerWindow: 200,
  windowMs: 60_000,
};

interface Window {
  count: number;
  resetAt: number;
}

export class WindowCounter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it is under the limit. */
  retryAfterMs(key: string, now = Date.now()): number {
    const window = this.windows.get(key);
    if (!window || now >= window.resetAt) return 0;
    return window.count >= this.limit ? window.resetAt - now : 0;
  }

  /** Count one event for `key`. */
  hit(key: string, now = Date.now()): void {
    let window = this.windows.get(key);
    if (!window || now >= window.resetAt) {
      this.windows.delete(key);
      if (this.windows.size >= this.maxKeys) this.prune(now);
      window = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.count++;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now >= window.resetAt) this.windows.delete(key);
    // Still full: forget the oldest windows (Map keeps insertion order).
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}

/**
 * The rate-limit key of a client address: IPv4 as is (also when IPv4-mapped), IPv6 by its /64
 * network, since one host usually has a whole /64 to pick addresses from.
 */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
