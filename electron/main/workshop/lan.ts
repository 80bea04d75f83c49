/** The machine's addresses on the local network, for workshop join links (pure). */
import type { NetworkInterfaceInfo } from 'node:os';

/** Non-internal IPv4 addresses, private ranges first (what a laptop in the same room can reach). */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  const all = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
  const isPrivate = (a: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a);
  return [...new Set([...all.filter(isPrivate), ...all.filter((a) => !isPrivate(a))])];
}
