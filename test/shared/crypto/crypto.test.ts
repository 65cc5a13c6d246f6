// The crypto building blocks: encodings that round-trip exactly, RFC 8032 test vectors,
// a stable read-aloud fingerprint, and the exact signed bytes.
import { describe, expect, it } from 'vitest';
import {
  constantTimeEqual,
  fingerprintOf,
  fromBase64url,
  fromUtf8,
  sealMessage,
  signingMessage,
  toBase64url,
  toHex,
  utf8,
  verifyEd25519,
} from '../../../shared/crypto';

const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'));

describe('encodings', () => {
  it('base64url matches Node and rejects anything non-canonical', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      const text = toBase64url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64url(text)).toEqual(bytes);
    }
    expect(() => fromBase64url('AB=')).toThrow();
    expect(() => fromBase64url('A')).toThrow();
    expect(() => fromBase64url('AB')).toThrow(); // trailing bits set: two encodings of one byte
    expect(fromBase64url('AA')).toEqual(new Uint8Array([0]));
  });

  it('UTF-8 matches TextEncoder/TextDecoder, and malformed input is refused', () => {
    const samples = ['', 'abc', 'Łódź → ≤ 漢字 😀', '\u0000\u007f\u0080\u07ff\u0800\uffff'];
    for (const s of samples) {
      expect(utf8(s)).toEqual(new TextEncoder().encode(s));
      expect(fromUtf8(utf8(s))).toBe(s);
    }
    expect(() => fromUtf8(new Uint8Array([0xc0, 0x80]))).toThrow(); // overlong NUL
    expect(() => fromUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toThrow(); // surrogate
  });

  it('UTF-8 matches TextEncoder/TextDecoder on random text and bytes, long inputs included', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    for (let round = 0; round < 200; round++) {
      const length = round === 0 ? 40_000 : Math.floor(random() * 60);
      // Mostly ASCII, some of every width, and lone surrogates.
      const units = Array.from({ length }, () => {
        const r = random();
        return r < 0.6 ? 0x20 + Math.floor(random() * 95) : r < 0.95 ? Math.floor(random() * 0x10000) : 0xd800 + Math.floor(random() * 0x800);
      });
      const text = String.fromCharCode(...units);
      expect(utf8(text)).toEqual(new TextEncoder().encode(text));
      const bytes = Uint8Array.from({ length: Math.floor(random() * 12) }, () => Math.floor(random() * 256));
      let expected: string | null;
      try {
        expected = decoder.decode(bytes);
      } catch {
        expected = null;
      }
      let actual: string | null;
      try {
        actual = fromUtf8(bytes);
      } catch {
        actual = null;
      }
      expect(actual, `bytes ${[...bytes].join(',')}`).toBe(expected);
      expect(fromUtf8(new TextEncoder().encode(text))).toBe(decoder.decode(new TextEncoder().encode(text)));
    }
  });

  it('compares in constant time, by value', () => {
    expect(constantTimeEqual(utf8('abc'), utf8('abc'))).toBe(true);
    expect(constantTimeEqual(utf8('abc'), utf8('abd'))).toBe(false);
    expect(constantTimeEqual(utf8('abc'), utf8('ab'))).toBe(false);
  });
});

describe('Ed25519 (RFC 8032 §7.1)', () => {
  // TEST 1 and TEST 2 from the RFC.
  const vectors = [
    ['d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', '', 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b'],
    ['3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c', '72', '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00'],
  ] as const;

  it.each(vectors)('verifies the RFC vector for key %s', (pub, msg, sig) => {
    expect(verifyEd25519(hex(pub), hex(msg), hex(sig))).toBe(true);
    const bad = hex(sig);
    bad[0] = (bad[0] ?? 0) ^ 1;
    expect(verifyEd25519(hex(pub), hex(msg), bad)).toBe(false);
    expect(verifyEd25519(hex(pub), utf8('other'), hex(sig))).toBe(false);
  });

  it('returns false, not an exception, for malformed keys and signatures', () => {
    expect(verifyEd25519(new Uint8Array(31), new Uint8Array(), new Uint8Array(64))).toBe(false);
    expect(verifyEd25519(new Uint8Array(32).fill(255), new Uint8Array(), new Uint8Array(64))).toBe(false);
  });
});

describe('fingerprint', () => {
  it('is six groups of five digits, stable for a key and different between keys', () => {
    const a = fingerprintOf(hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'));
    const b = fingerprintOf(hex('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c'));
    expect(a).toMatch(/^\d{5}( \d{5}){5}$/);
    expect(a).not.toBe(b);
    // Pinned: changing the derivation would make every fingerprint people compared wrong.
    expect(a).toBe(fingerprintOf(hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a')));
    expect(a).toMatchInlineSnapshot(`"88349 08065 73598 64387 87350 81356"`);
  });
});

describe('signing message', () => {
  it('is exactly the documented bytes', () => {
    const bytes = signingMessage({ charterId: 'ws-1', version: 2, digest: 'ab'.repeat(32), signedAt: '2026-11-24T22:00:00Z' });
    expect(Buffer.from(bytes).toString('utf8')).toBe(`bridgeboard-charter-signature-v1\nws-1\n2\n${'ab'.repeat(32)}\n2026-11-24T22:00:00Z`);
    expect(toHex(bytes.subarray(0, 4))).toBe('62726964');
  });

  it('seals with a different domain and exactly the documented bytes', () => {
    const bytes = sealMessage({ charterId: 'ws-1', version: 2, digest: 'ab'.repeat(32), signatureCount: 3, signaturesDigest: 'cd'.repeat(32), signedAt: '2026-11-24T22:10:00Z' });
    expect(Buffer.from(bytes).toString('utf8')).toBe(`bridgeboard-charter-seal-v1\nws-1\n2\n${'ab'.repeat(32)}\n3\n${'cd'.repeat(32)}\n2026-11-24T22:10:00Z`);
  });

  it('refuses fields that could make two inputs collide', () => {
    expect(() => signingMessage({ charterId: 'a\nb', version: 1, digest: 'x', signedAt: 't' })).toThrow();
    expect(() => signingMessage({ charterId: 'a', version: 0, digest: 'x', signedAt: 't' })).toThrow();
  });
});
