// The invite's binary form, shared by the code, the links and the QR code. Layout (v1):
//   version u8 | flags u8 (bit 0: expiry) | secret: len u8 + bytes | workshop id: kind u8
//   (0 text: len u8 + ASCII; 1 UUID: 16 bytes) | [expiry: u32 seconds] | addresses: count u8,
//   each kind u8 (1 ws IPv4, 2 wss IPv4: 4 bytes + port u16; 3 text URL: len u8 + ASCII)
//   | CRC-32 of everything before it.
// The trailing CRC-32 is the envelope every version keeps, so a typo reads as 'tampered' and
// only an intact invite from a newer app reads as 'unsupported-version'.
import { crc32 } from './crc32';
import { InviteError } from './inviteErrors';
import { formatSignalingUrl, parseSignalingUrl } from './signalingUrl';

export const inviteVersion = 1;
export const maxSignalingUrls = 4;

export interface InviteFields {
  readonly workshopId: string;
  readonly secretBytes: Uint8Array;
  readonly signaling: readonly string[];
  /** Unix seconds. */
  readonly expiresAtSeconds?: number;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const workshopIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
const ipv4Pattern = /^\d{1,3}(\.\d{1,3}){3}$/;

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const fromAscii = (b: Uint8Array) => String.fromCharCode(...b);
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

export function encodeInviteBytes(f: InviteFields): Uint8Array {
  const out: number[] = [inviteVersion, f.expiresAtSeconds === undefined ? 0 : 1, f.secretBytes.length, ...f.secretBytes];
  if (uuidPattern.test(f.workshopId)) {
    const h = f.workshopId.replace(/-/g, '');
    out.push(1);
    for (let i = 0; i < 32; i += 2) out.push(parseInt(h.slice(i, i + 2), 16));
  } else {
    out.push(0, f.workshopId.length, ...ascii(f.workshopId));
  }
  if (f.expiresAtSeconds !== undefined) {
    const s = f.expiresAtSeconds;
    out.push((s >>> 24) & 255, (s >>> 16) & 255, (s >>> 8) & 255, s & 255);
  }
  out.push(f.signaling.length);
  for (const url of f.signaling) {
    const a = parseSignalingUrl(url);
    if (ipv4Pattern.test(a.host) && a.path === '') {
      out.push(a.secure ? 2 : 1, ...a.host.split('.').map(Number), a.port >>> 8, a.port & 255);
    } else {
      const text = formatSignalingUrl(a);
      out.push(3, text.length, ...ascii(text));
    }
  }
  const body = Uint8Array.from(out);
  const crc = crc32(body);
  const result = new Uint8Array(body.length + 4);
  result.set(body);
  result.set([crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255], body.length);
  return result;
}

/** A cursor that turns any read past the end into 'malformed'. */
function reader(bytes: Uint8Array) {
  let pos = 0;
  const take = (n: number): Uint8Array => {
    if (pos + n > bytes.length) throw new InviteError('malformed', 'truncated');
    const slice = bytes.subarray(pos, pos + n);
    pos += n;
    return slice;
  };
  return { take, u8: () => take(1)[0] ?? 0, done: () => pos === bytes.length };
}

export function decodeInviteBytes(bytes: Uint8Array): InviteFields {
  if (bytes.length < 5) throw new InviteError('malformed', 'too short');
  const body = bytes.subarray(0, bytes.length - 4);
  const tail = bytes.subarray(bytes.length - 4);
  const stored = (((tail[0] ?? 0) << 24) | ((tail[1] ?? 0) << 16) | ((tail[2] ?? 0) << 8) | (tail[3] ?? 0)) >>> 0;
  if (crc32(body) !== stored) throw new InviteError('tampered');
  const r = reader(body);
  const version = r.u8();
  if (version !== inviteVersion) throw new InviteError('unsupported-version', `v${version}`);
  const flags = r.u8();
  if ((flags & ~1) !== 0) throw new InviteError('malformed', 'flags');
  const secretBytes = Uint8Array.from(r.take(r.u8()));
  const idKind = r.u8();
  let workshopId: string;
  if (idKind === 1) {
    const h = hex(r.take(16));
    workshopId = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  } else if (idKind === 0) {
    workshopId = fromAscii(r.take(r.u8()));
  } else {
    throw new InviteError('malformed', 'workshop id');
  }
  let expiresAtSeconds: number | undefined;
  if (flags & 1) {
    const e = r.take(4);
    expiresAtSeconds = (((e[0] ?? 0) << 24) | ((e[1] ?? 0) << 16) | ((e[2] ?? 0) << 8) | (e[3] ?? 0)) >>> 0;
  }
  const count = r.u8();
  const signaling: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = r.u8();
    if (kind === 1 || kind === 2) {
      const ip = r.take(4).join('.');
      const p = r.take(2);
      const port = ((p[0] ?? 0) << 8) | (p[1] ?? 0);
      signaling.push(formatSignalingUrl({ secure: kind === 2, host: ip, port, path: '' }));
    } else if (kind === 3) {
      signaling.push(fromAscii(r.take(r.u8())));
    } else {
      throw new InviteError('malformed', 'address kind');
    }
  }
  if (!r.done()) throw new InviteError('malformed', 'trailing bytes');
  return { workshopId, secretBytes, signaling, ...(expiresAtSeconds === undefined ? {} : { expiresAtSeconds }) };
}
