// Which client a connection belongs to, for the per-address limits: the socket's address, unless
// the operator says the server runs behind reverse proxies. Then it is the address the proxies
// saw, read from the header they set, counted from the right: entries further left were written
// by the client and prove nothing. Without that setting a forwarding header is ignored.
import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import { addressKey } from './addressKey';

export type ProxyHeader = 'x-forwarded-for' | 'forwarded';

export interface ClientAddressing {
  /** Reverse proxies in front of the server whose forwarding header is trusted; 0 trusts none. */
  readonly proxyHops: number;
  readonly proxyHeader: ProxyHeader;
  /** IPv6 clients are counted per prefix of this length (see addressKey.ts). */
  readonly ipv6PrefixLength: number;
}

export const defaultClientAddressing: ClientAddressing = Object.freeze({
  proxyHops: 0,
  proxyHeader: 'x-forwarded-for',
  ipv6PrefixLength: 64,
});

export const clientAddressingSchema = z.strictObject({
  proxyHops: z.number().int().min(0).max(16).optional(),
  proxyHeader: z.enum(['x-forwarded-for', 'forwarded']).optional(),
  ipv6PrefixLength: z.number().int().min(16).max(128).optional(),
});

/** Merges overrides onto the defaults; throws a ZodError on nonsense. */
export function resolveClientAddressing(input: unknown = {}): ClientAddressing {
  const parsed = clientAddressingSchema.parse(input);
  return Object.freeze({
    proxyHops: parsed.proxyHops ?? defaultClientAddressing.proxyHops,
    proxyHeader: parsed.proxyHeader ?? defaultClientAddressing.proxyHeader,
    ipv6PrefixLength: parsed.ipv6PrefixLength ?? defaultClientAddressing.ipv6PrefixLength,
  });
}

/** The entries of a forwarding header, nearest proxy last, as raw text. Node joins repeated
 * headers with ", ", so several header lines read as one list. */
export function forwardedChain(headers: IncomingHttpHeaders, header: ProxyHeader): string[] {
  const value = headers[header];
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  const elements = text.split(',').map((e) => e.trim()).filter((e) => e !== '');
  if (header === 'x-forwarded-for') return elements;
  // RFC 7239: `for=192.0.2.43;proto=https, for="[2001:db8::17]:4711"`; an element without `for`
  // still counts as a hop.
  return elements.map((element) => {
    for (const pair of element.split(';')) {
      const eq = pair.indexOf('=');
      if (eq !== -1 && pair.slice(0, eq).trim().toLowerCase() === 'for') return pair.slice(eq + 1).trim();
    }
    return '';
  });
}

/** The IP inside one header entry: without quotes, brackets or port. */
export function entryIp(entry: string): string {
  const text = entry.trim().replace(/^"(.*)"$/, '$1');
  if (text.startsWith('[')) return text.slice(1, text.indexOf(']') === -1 ? undefined : text.indexOf(']'));
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(text);
  return v4WithPort?.[1] ?? text;
}

export interface ClientAddress {
  /** What the per-address limits count under; never logged. */
  readonly key: string;
  /** Set when proxies are trusted but their header is missing or unusable: the socket's
   * address (the proxy's) is used instead, which puts such clients in one shared bucket. */
  readonly headerProblem?: 'missing' | 'invalid';
}

export function clientAddressOf(socketAddress: string | undefined, headers: IncomingHttpHeaders, addressing: ClientAddressing): ClientAddress {
  const socketKey = addressKey(socketAddress ?? '', addressing.ipv6PrefixLength) ?? 'unknown';
  if (addressing.proxyHops === 0) return { key: socketKey };
  const chain = forwardedChain(headers, addressing.proxyHeader);
  if (chain.length === 0) return { key: socketKey, headerProblem: 'missing' };
  // The socket is the nearest proxy; each further trusted proxy appended the address it saw, so
  // the client is `proxyHops` entries from the right (or the furthest entry the chain has).
  const entry = chain[Math.max(0, chain.length - addressing.proxyHops)] ?? '';
  const key = addressKey(entryIp(entry), addressing.ipv6PrefixLength);
  return key === undefined ? { key: socketKey, headerProblem: 'invalid' } : { key };
}
