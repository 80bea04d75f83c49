/**
 * Fixed-window counters for the join endpoint: failed codes per client address, and all join
 * requests together. Memory is bounded: at most `maxKeys` addresses are tracked (the oldest is
 * dropped first; the global cap still bounds what an attacker with many addresses can try).
 */

/** Limits of the workshop HTTP API (defaults in `DEFAULTS.api`, server/sync/config.ts). */
export interface ApiLimits {
  /** Largest accepted request body in bytes (413 beyond). */
  readonly maxBodyBytes: number;
  /** Failed codes one client address may send per window before it gets 429. */
  readonly joinFailuresPerIp: number;
  /** Join requests accepted per window from everyone together (429 beyond). */
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
 * The address a request comes from. Behind a reverse proxy on the `trusted` list, the rightmost
 * `X-Forwarded-For` entry that is not itself a trusted proxy (what the proxy saw); a header
 * from anyone else is ignored, since a client can write whatever it likes there.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: readonly string[],
): string | undefined {
  const isTrusted = (address: string | undefined) =>
    address !== undefined && trusted.includes(address.replace(/^::ffff:(?=\d+\.)/i, ''));
  if (!isTrusted(socketAddress) || forwardedFor === undefined) return socketAddress;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((hop) => hop.trim().slice(0, 64))
    .filter((hop) => hop.length > 0);
  for (let i = hops.length - 1; i >= 0; i--) if (!isTrusted(hops[i])) return hops[i];
  return socketAddress;
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
