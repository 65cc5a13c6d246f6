// Validates and normalises signaling addresses. Only ws:// and wss:// to a plain host, port and
// path: no credentials, query or fragment, so an invite cannot smuggle a javascript: or http: URL
// or a look-alike host. Hand-parsed because shared/ has no DOM or Node URL types.
import { InviteError } from './inviteErrors';

export const maxSignalingUrlLength = 200;

export interface SignalingAddress {
  readonly secure: boolean;
  /** Lowercase hostname, dotted IPv4, or IPv6 without brackets. */
  readonly host: string;
  readonly port: number;
  /** '' or a path starting with '/'. */
  readonly path: string;
}

const pattern = /^(wss?):\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?(\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?$/i;
const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function validHost(host: string): boolean {
  if (host.startsWith('[')) {
    const inner = host.slice(1, -1);
    // Loose IPv6 shape check: hex groups and colons, at most one '::'.
    return /^[0-9a-f:.]{2,45}$/.test(inner) && inner.includes(':') && inner.split('::').length <= 2;
  }
  if (/^[0-9.]+$/.test(host)) return ipv4.test(host);
  if (host.length > 253) return false;
  return host.split('.').every((l) => label.test(l));
}

export function parseSignalingUrl(input: string): SignalingAddress {
  if (input.length > maxSignalingUrlLength) throw new InviteError('bad-address', 'too long');
  const m = pattern.exec(input.trim());
  if (!m) throw new InviteError('bad-address');
  const secure = m[1]?.toLowerCase() === 'wss';
  const host = (m[2] ?? '').toLowerCase();
  if (!validHost(host)) throw new InviteError('bad-address', 'host');
  const port = m[3] === undefined ? (secure ? 443 : 80) : Number(m[3]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InviteError('bad-address', 'port');
  const path = m[4] === '/' || m[4] === undefined ? '' : m[4];
  return { secure, host: host.startsWith('[') ? host.slice(1, -1) : host, port, path };
}

export function formatSignalingUrl(a: SignalingAddress): string {
  const host = a.host.includes(':') ? `[${a.host}]` : a.host;
  const defaultPort = a.secure ? 443 : 80;
  return `${a.secure ? 'wss' : 'ws'}://${host}${a.port === defaultPort ? '' : `:${a.port}`}${a.path}`;
}

/** The canonical form of a signaling URL; throws InviteError('bad-address'). */
export function normaliseSignalingUrl(input: string): string {
  return formatSignalingUrl(parseSignalingUrl(input));
}
