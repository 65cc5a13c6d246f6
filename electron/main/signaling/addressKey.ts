// The key per-address limits count under. IPv4 addresses stand for themselves; IPv6 addresses
// are grouped by prefix, because one machine is commonly handed a whole /64 and could otherwise
// take a fresh address for every connection. IPv4-mapped IPv6 (::ffff:a.b.c.d) is IPv4.
import { isIPv4, isIPv6 } from 'node:net';

/** The eight 16-bit groups of a valid IPv6 address (an embedded IPv4 tail is two groups). */
function ipv6Groups(ip: string): number[] {
  let text = ip;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (isIPv4(tail)) {
    const [a = 0, b = 0, c = 0, d = 0] = tail.split('.').map(Number);
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const [head = '', rest] = text.split('::');
  if (rest === undefined) return parse(head);
  const left = parse(head);
  const right = parse(rest);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** The counting key for a client IP, or undefined if it is not an IP address. */
export function addressKey(raw: string, ipv6PrefixLength: number): string | undefined {
  const ip = raw.split('%')[0] ?? ''; // an IPv6 zone (fe80::1%eth0) is local detail
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return undefined;
  const groups = ipv6Groups(ip);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  }
  const masked = groups.map((g, i) => {
    const bits = Math.min(16, Math.max(0, ipv6PrefixLength - i * 16));
    return bits === 0 ? 0 : g & (0xffff << (16 - bits)) & 0xffff;
  });
  const text = masked.map((g) => g.toString(16)).join(':');
  return ipv6PrefixLength >= 128 ? text : `${text}/${ipv6PrefixLength}`;
}
