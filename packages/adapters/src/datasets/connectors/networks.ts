import { BlockList, isIP } from 'node:net';

/**
 * Where a connector may not connect unless the operator allows it: the server's own loopback, private and
 * carrier-grade NAT networks, link-local addresses (cloud metadata endpoints such as 169.254.169.254 live
 * there), unspecified and multicast addresses. A URL a user types must not reach services only the server can.
 */
export const INTERNAL_NETWORKS: readonly [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['224.0.0.0', 3, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

/** Parses `10.0.0.0/8, 127.0.0.1` (networks or single addresses); a bad entry is refused when config loads. */
export function parseNetworks(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/');
    const family = isIP(address ?? '');
    if (!family) throw new Error(`"${entry}" is not an IP address or network (e.g. 10.0.0.0/8)`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(bits), type);
  }
  return list;
}
