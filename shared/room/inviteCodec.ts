// The invite's binary form, shared by the code, the links and the QR code. Layout (v1):
//   version u8 | flags u8 (bit 0: expiry) | secret: len u8 + bytes | workshop id: kind u8
//   (0 text: len u8 + ASCII; 1 UUID: 16 bytes) | [expiry: u32 seconds] | addresses: count u8,
//   each kind u8 (1 ws IPv4, 2 wss IPv4: 4 bytes + port u16; 3 text URL: len u8 + ASCII)
//   | CRC-32 of everything before it.
// v2 is v1 plus the room's ICE settings (flags bit 1), after the addresses: relay-only u8 |
//   URLs: count u8, each len u8 + ASCII | username: len u8 + UTF-8 | credential: len u8 + UTF-8
//   (length 0: none). An invite without ICE settings is written as v1, so LAN invites stay
//   short and older apps read them; an older app reads a v2 invite as 'unsupported-version'.
// v3 adds the SHA-256 fingerprint of the room server's TLS certificate (flags bit 2): 32 bytes
//   right after the addresses, before any ICE settings. Only an invite that carries one is
//   written as v3; older apps read it as 'unsupported-version', and this app reads v1 and v2.
// The trailing CRC-32 is the envelope every version keeps, so a typo reads as 'tampered' and
// only an intact invite from a newer app reads as 'unsupported-version'.
import { fromUtf8, utf8 } from '../crypto/bytes';
import { crc32 } from './crc32';
import { parseIceSettings, type IceSettings } from './iceConfig';
import { InviteError } from './inviteErrors';
import { formatSignalingUrl, parseSignalingUrl } from './signalingUrl';

/** The newest version this app writes (for invites that carry a certificate) and reads. */
export const inviteVersion = 3;
export const maxSignalingUrls = 4;

export interface InviteFields {
  readonly workshopId: string;
  readonly secretBytes: Uint8Array;
  readonly signaling: readonly string[];
  /** Unix seconds. */
  readonly expiresAtSeconds?: number;
  /** The room's STUN/TURN settings, for joiners outside the facilitator's network. */
  readonly ice?: IceSettings;
  /** SHA-256 of the room server's TLS certificate (32 bytes). */
  readonly certificate?: Uint8Array;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const workshopIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
const ipv4Pattern = /^\d{1,3}(\.\d{1,3}){3}$/;

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const fromAscii = (b: Uint8Array) => String.fromCharCode(...b);
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

export function encodeInviteBytes(f: InviteFields): Uint8Array {
  if (f.certificate && f.certificate.length !== 32) throw new InviteError('malformed', 'certificate fingerprint');
  const flags = (f.expiresAtSeconds === undefined ? 0 : 1) | (f.ice ? 2 : 0) | (f.certificate ? 4 : 0);
  // The oldest version that holds everything, so older apps read what they can.
  const version = f.certificate ? 3 : f.ice ? 2 : 1;
  const out: number[] = [version, flags, f.secretBytes.length, ...f.secretBytes];
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
  if (f.certificate) out.push(...f.certificate);
  if (f.ice) out.push(...encodeIce(f.ice));
  const body = Uint8Array.from(out);
  const crc = crc32(body);
  const result = new Uint8Array(body.length + 4);
  result.set(body);
  result.set([crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255], body.length);
  return result;
}

/** A length-prefixed (u8) field; longer than 255 bytes does not fit an invite. */
function field(bytes: Uint8Array): number[] {
  if (bytes.length > 255) throw new InviteError('malformed', 'ICE setting too long');
  return [bytes.length, ...bytes];
}

function encodeIce(ice: IceSettings): number[] {
  const out = [ice.relayOnly ? 1 : 0, ice.urls.length];
  for (const url of ice.urls) out.push(...field(ascii(url)));
  out.push(...field(utf8(ice.username ?? '')), ...field(utf8(ice.credential ?? '')));
  return out;
}

function decodeIce(r: ReturnType<typeof reader>): IceSettings {
  const relay = r.u8();
  if (relay > 1) throw new InviteError('malformed', 'ICE relay flag');
  const urls = Array.from({ length: r.u8() }, () => fromAscii(r.take(r.u8())));
  // Written only when the room names a server; an empty list would hide the joiner's own fields.
  if (urls.length === 0) throw new InviteError('malformed', 'ICE settings without servers');
  let username: string;
  let credential: string;
  try {
    username = fromUtf8(r.take(r.u8()));
    credential = fromUtf8(r.take(r.u8()));
  } catch (e) {
    if (e instanceof InviteError) throw e;
    throw new InviteError('malformed', 'ICE text');
  }
  const parsed = parseIceSettings({ urls, relayOnly: relay === 1, ...(username ? { username } : {}), ...(credential ? { credential } : {}) });
  if (!parsed.ok) throw new InviteError('malformed', 'ICE settings');
  return parsed.value;
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
  if (version !== 1 && version !== 2 && version !== 3) throw new InviteError('unsupported-version', `v${version}`);
  const flags = r.u8();
  // Bit 1 (ICE settings) exists from v2 on and a v2 invite always has it; bit 2 (certificate)
  // exists from v3 on and a v3 invite always has it.
  const allowed = version === 3 ? 7 : version === 2 ? 3 : 1;
  if ((flags & ~allowed) !== 0 || (version === 2 && (flags & 2) === 0) || (version === 3 && (flags & 4) === 0)) throw new InviteError('malformed', 'flags');
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
  const certificate = flags & 4 ? Uint8Array.from(r.take(32)) : undefined;
  const ice = flags & 2 ? decodeIce(r) : undefined;
  if (!r.done()) throw new InviteError('malformed', 'trailing bytes');
  return {
    workshopId,
    secretBytes,
    signaling,
    ...(expiresAtSeconds === undefined ? {} : { expiresAtSeconds }),
    ...(ice ? { ice } : {}),
    ...(certificate ? { certificate } : {}),
  };
}
