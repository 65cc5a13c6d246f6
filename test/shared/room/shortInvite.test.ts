// The short code: its shape, its secret, the typos it catches, what K derives, and the sealed
// box (tamper tests with real WebCrypto).
import { describe, expect, it } from 'vitest';
import {
  createInvite, deriveShortInviteKeys, draftShortInvite, formatInviteCode, formatShortInviteCode, looksLikeShortInviteCode,
  openInviteBox, parseInvite, parseShortInviteCode, sealInvite, shortInviteTtlSeconds, InviteError,
} from '../../../shared/room';
import { fromBase64url, toBase64url } from '../../../shared/crypto/bytes';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const key = Uint8Array.from({ length: 16 }, (_, i) => (i * 73 + 5) & 255);
const invite = createInvite({
  workshopId: '0f8e2c44-5b1a-4c1e-9d2f-3a6b7c8d9e0f',
  signaling: ['wss://192.168.1.20:4444'],
  certificate: 'AB'.repeat(32),
});

function seeded(seed: number) {
  let s = seed >>> 0;
  return (n: number) => Uint8Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s >>> 24;
  });
}

describe('the code', () => {
  it('is six groups of five, 35 characters to read aloud, from a 128-bit key', async () => {
    const code = formatShortInviteCode(key);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){5}$/);
    expect(code.length).toBeLessThanOrEqual(40);
    expect(parseShortInviteCode(code)).toEqual(key);
    // A drafted code draws its key from the platform's secure random source: 16 bytes.
    const draft = await draftShortInvite(invite);
    expect(draft.key.length * 8).toBeGreaterThanOrEqual(128);
    expect(parseShortInviteCode(draft.code)).toEqual(draft.key);
    expect(formatInviteCode(invite).length).toBeGreaterThan(100);
  });

  it('forgives case, spaces, missing dashes and the look-alikes O/0, I/L/1, and reads the join route', () => {
    const code = formatShortInviteCode(key);
    const sloppy = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(parseShortInviteCode(sloppy)).toEqual(key);
    expect(parseShortInviteCode(code.replace(/-/g, ''))).toEqual(key);
    expect(parseShortInviteCode(`https://board.example.com/#/join/${code}`)).toEqual(key);
    expect(looksLikeShortInviteCode(code)).toBe(true);
    expect(looksLikeShortInviteCode(formatInviteCode(invite))).toBe(false);
  });

  it('catches every single mistyped character and every swap of neighbours, over many keys', () => {
    const random = seeded(7);
    for (let round = 0; round < 40; round++) {
      const bare = formatShortInviteCode(random(16)).replace(/-/g, '');
      for (let i = 0; i < bare.length; i++) {
        for (const c of alphabet) {
          if (c === bare[i]) continue;
          const typo = bare.slice(0, i) + c + bare.slice(i + 1);
          expect(() => parseShortInviteCode(typo), `${typo}`).toThrow(InviteError);
        }
        if (i + 1 < bare.length && bare[i] !== bare[i + 1]) {
          const swapped = bare.slice(0, i) + bare[i + 1] + bare[i] + bare.slice(i + 2);
          expect(() => parseShortInviteCode(swapped)).toThrow(expect.objectContaining({ code: 'tampered' }));
        }
      }
    }
  });

  it('tells a typo (tampered) from something that is no code at all (malformed)', () => {
    const bare = formatShortInviteCode(key).replace(/-/g, '');
    expect(() => parseShortInviteCode(bare.slice(0, 29))).toThrow(expect.objectContaining({ code: 'malformed' }));
    expect(() => parseShortInviteCode(`${bare.slice(0, 10)}U${bare.slice(11)}`)).toThrow(expect.objectContaining({ code: 'tampered' }));
    expect(() => parseShortInviteCode('javascript:alert(1)')).toThrow(expect.objectContaining({ code: 'malformed' }));
    expect(() => parseShortInviteCode(42)).toThrow(expect.objectContaining({ code: 'malformed' }));
  });
});

describe('derivation', () => {
  it('gives a lookup id and a box key that differ from each other and from K, and differ per K', () => {
    const a = deriveShortInviteKeys(key);
    const b = deriveShortInviteKeys(Uint8Array.from(key, (x, i) => (i === 0 ? x ^ 1 : x)));
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.aesKey.length).toBe(32);
    expect(toBase64url(a.aesKey).startsWith(a.id.slice(0, 10))).toBe(false);
    expect(fromBase64url(a.id)).not.toEqual(key);
    expect(a.id).not.toBe(b.id);
    expect(a.aesKey).not.toEqual(b.aesKey);
    // Stable: the same K always finds the same box.
    expect(deriveShortInviteKeys(key)).toEqual(a);
  });
});

describe('the sealed box', () => {
  it('opens under K to the full invite, certificate fingerprint included', async () => {
    const box = await sealInvite(invite, key);
    const code = await openInviteBox(box, key);
    expect(code).not.toBeNull();
    const parsed = parseInvite(code, Date.now());
    expect(parsed.ok && parsed.invite).toEqual(invite);
  });

  it('does not open when altered anywhere, under another K, or as another version', async () => {
    const box = fromBase64url(await sealInvite(invite, key));
    for (let i = 0; i < box.length; i += 7) {
      const altered = Uint8Array.from(box);
      altered[i] = (altered[i] ?? 0) ^ 0x04;
      expect(await openInviteBox(toBase64url(altered), key)).toBeNull();
    }
    const other = Uint8Array.from(key, (x) => x ^ 0xff);
    expect(await openInviteBox(toBase64url(box), other)).toBeNull();
    expect(await openInviteBox(toBase64url(box.subarray(0, 20)), key)).toBeNull();
    expect(await openInviteBox('not base64url!', key)).toBeNull();
    expect(await openInviteBox({ box: 'x' }, key)).toBeNull();
  });

  it('is bound to its lookup id: a box moved under another code does not open there', async () => {
    // Same AES key, other AAD: what a server that swapped boxes between ids would hand out.
    const box = await sealInvite(invite, key);
    const otherKey = Uint8Array.from(key, (x, i) => (i === 15 ? x ^ 2 : x));
    expect(await openInviteBox(box, otherKey)).toBeNull();
  });

  it('is kept as long as the invite is valid, at most a week', () => {
    const now = Date.UTC(2026, 11, 2);
    expect(shortInviteTtlSeconds(invite, now)).toBe(7 * 24 * 3600);
    expect(shortInviteTtlSeconds({ ...invite, expiresAt: now + 8 * 3600_000 }, now)).toBe(8 * 3600);
    expect(shortInviteTtlSeconds({ ...invite, expiresAt: now + 30 * 86400_000 }, now)).toBe(7 * 24 * 3600);
  });
});
