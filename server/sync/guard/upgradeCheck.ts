/**
 * Checks on the HTTP upgrade to a WebSocket, before any frame is read:
 *
 * - `Host` must name this server (an allowed host), so a DNS-rebinding page cannot reach it
 *   through a name of its own;
 * - `Origin`, when present (browsers always send it), must be this server's own origin or one on
 *   the allow-list, so another site cannot open a socket with a visitor's network position
 *   (cross-site WebSocket hijacking). Non-browser clients (Node providers) send no Origin;
 * - the connection count per IP address and in total stays under the limits. Behind a trusted
 *   reverse proxy the address is the client it names, as for the join rate limits.
 */
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import { requestClientAddress } from '../clientAddress';

export interface UpgradePolicy {
  /** Extra `host[:port]` values the server answers to (e.g. a public DNS name). */
  readonly allowedHosts: readonly string[];
  /** Extra origins (scheme://host[:port]) allowed to open sockets. */
  readonly allowedOrigins: readonly string[];
  readonly maxConnectionsPerIp: number;
  readonly maxConnections: number;
  /** Reverse proxies whose `X-Forwarded-For` names the client (for the per-IP count). */
  readonly trustedProxies?: readonly string[];
}

/** The host names this server is reachable as, given the address it is bound to. */
export function defaultHostNames(boundAddress: string): string[] {
  const names = new Set(['localhost', '127.0.0.1', '[::1]']);
  if (boundAddress === '0.0.0.0' || boundAddress === '::') {
    for (const list of Object.values(os.networkInterfaces())) {
      for (const info of list ?? [])
        names.add(info.family === 'IPv6' ? `[${info.address}]` : info.address);
    }
    names.add(os.hostname());
  } else {
    names.add(boundAddress.includes(':') ? `[${boundAddress}]` : boundAddress);
  }
  return [...names];
}

export type UpgradeVerdict = { ok: true } | { ok: false; status: number; reason: string };

export class UpgradeGuard {
  private readonly perIp = new Map<string, number>();
  private total = 0;
  private hosts: Set<string> = new Set();

  constructor(private readonly policy: UpgradePolicy) {}

  /** Set the allowed `Host` values once the port is known. */
  setListening(boundAddress: string, port: number): void {
    const hosts = new Set<string>();
    for (const name of defaultHostNames(boundAddress)) {
      hosts.add(`${name}:${port}`.toLowerCase());
      if (port === 80) hosts.add(name.toLowerCase());
    }
    for (const extra of this.policy.allowedHosts) hosts.add(extra.toLowerCase());
    this.hosts = hosts;
  }

  /** True when `host` (a Host header) names this server. */
  isAllowedHost(host: string | undefined): boolean {
    return host !== undefined && this.hosts.has(host.toLowerCase());
  }

  /** Check an upgrade request. */
  check(request: IncomingMessage): UpgradeVerdict {
    const host = request.headers.host;
    if (!this.isAllowedHost(host)) return { ok: false, status: 421, reason: 'host-not-allowed' };
    const origin = request.headers.origin;
    if (origin !== undefined) {
      const own = [`http://${host}`, `https://${host}`];
      const allowed =
        own.includes(origin.toLowerCase()) || this.policy.allowedOrigins.includes(origin);
      if (!allowed) return { ok: false, status: 403, reason: 'origin-not-allowed' };
    }
    const ip = this.addressOf(request);
    if (this.total >= this.policy.maxConnections)
      return { ok: false, status: 503, reason: 'server-full' };
    if ((this.perIp.get(ip) ?? 0) >= this.policy.maxConnectionsPerIp) {
      return { ok: false, status: 429, reason: 'too-many-connections' };
    }
    return { ok: true };
  }

  /** Count an accepted socket; returns the release function for its close. */
  admit(request: IncomingMessage): () => void {
    const ip = this.addressOf(request);
    this.perIp.set(ip, (this.perIp.get(ip) ?? 0) + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.perIp.get(ip) ?? 1) - 1;
      if (left <= 0) this.perIp.delete(ip);
      else this.perIp.set(ip, left);
    };
  }

  private addressOf(request: IncomingMessage): string {
    return requestClientAddress(request, this.policy.trustedProxies ?? []) ?? 'unknown';
  }

  get connections(): number {
    return this.total;
  }
}
