// Byte encodings used by the charter format (base64url, hex, UTF-8), written out here because
// shared/ may use neither Node's Buffer nor the DOM's btoa/atob.
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64URL_INDEX = new Map<string, number>([...B64URL].map((c, i) => [c, i]));

export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64URL[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Strict: unpadded RFC 4648 §5 only, and non-canonical trailing bits are rejected, so one
 *  byte string has exactly one encoding and an altered character can never decode to the same bytes. */
export function fromBase64url(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new Error('invalid base64url length');
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (const c of text) {
    const v = B64URL_INDEX.get(c);
    if (v === undefined) throw new Error('invalid base64url character');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) throw new Error('non-canonical base64url');
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

// shared/ compiles without DOM or Node types, so TextEncoder/TextDecoder are not declared here.
// Both functions write into typed arrays rather than arrays of numbers: a verifier decodes files
// of megabytes, and a number[] per character cost it hundreds of milliseconds and MB.
export function utf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3); // one UTF-16 unit never needs more than 3 bytes
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else c = 0xfffd; // a lone surrogate, as TextEncoder does
    }
    if (c < 0x80) out[j++] = c;
    else if (c < 0x800) {
      out[j++] = 0xc0 | (c >> 6);
      out[j++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      out[j++] = 0xe0 | (c >> 12);
      out[j++] = 0x80 | ((c >> 6) & 63);
      out[j++] = 0x80 | (c & 63);
    } else {
      out[j++] = 0xf0 | (c >> 18);
      out[j++] = 0x80 | ((c >> 12) & 63);
      out[j++] = 0x80 | ((c >> 6) & 63);
      out[j++] = 0x80 | (c & 63);
    }
  }
  return out.slice(0, j);
}

const CHUNK = 8192;

/** Strict: throws on malformed, overlong or surrogate sequences rather than guessing. */
export function fromUtf8(bytes: Uint8Array): string {
  let out = '';
  const units = new Uint16Array(CHUNK + 2);
  let n = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) throw new Error('invalid UTF-8');
    let c = len === 1 ? b : b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const next = bytes[i + k] ?? 0;
      if ((next & 0xc0) !== 0x80) throw new Error('invalid UTF-8');
      c = (c << 6) | (next & 63);
    }
    const min = [0, 0, 0x80, 0x800, 0x10000][len] ?? 0;
    if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) throw new Error('invalid UTF-8');
    if (c >= 0x10000) {
      units[n++] = 0xd800 + ((c - 0x10000) >> 10);
      units[n++] = 0xdc00 + ((c - 0x10000) & 0x3ff);
    } else units[n++] = c;
    if (n >= CHUNK) {
      out += String.fromCharCode(...units.subarray(0, n));
      n = 0;
    }
    i += len;
  }
  return out + String.fromCharCode(...units.subarray(0, n));
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Time independent of where the inputs differ; only the lengths (public) may leak. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return constantTimeEqual(a, b);
}
