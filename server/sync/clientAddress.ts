/**
 * Which client a request comes from, shared by the join rate limits (`http/join.ts`) and the
 * per-address connection cap on WebSocket upgrades (`guard/upgradeCheck.ts`), so both count
 * the same client behind a trusted reverse proxy.
 */
import type { IncomingMessage } from 'node:http';

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

/** {@link clientAddress} of `request`: its socket's peer and its `X-Forwarded-For` header. */
export function requestClientAddress(
  request: IncomingMessage,
  trusted: readonly string[],
): string | undefined {
  return clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trusted);
}
