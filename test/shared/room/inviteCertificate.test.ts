// The room server's certificate fingerprint travels in every invite form (code, app link, web
// link, and the QR code of a link), as a v3 invite; invites without one stay v1/v2 and older
// invites still read.
import { describe, expect, it } from 'vitest';
import {
  createInvite, decodeInvite, fingerprintReadAloud, formatFingerprint, formatInviteCode, formatInviteLink, formatInviteWebLink,
  parseCertificateFingerprint, parseInvite, qrModules, type Invite,
} from '../../../shared/room';
import { decodeBase32, encodeBase32 } from '../../../shared/room/base32';
import { crc32 } from '../../../shared/room/crc32';
import { decodeInviteBytes } from '../../../shared/room/inviteCodec';

const now = Date.UTC(2026, 11, 2);
const fixedBytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
const FINGERPRINT = '4F2A9C017DE355B0C3D1E2F30415263748596A7B8C9DAEBFC0D1E2F304152637';
const lan = createInvite({
  workshopId: '0f8e2c44-5b1a-4c1e-9d2f-3a6b7c8d9e0f',
  signaling: ['wss://192.168.1.20:4444'],
  certificate: FINGERPRINT,
  randomBytes: fixedBytes,
});

const versionOf = (invite: Invite) => {
  const decoded = decodeBase32(formatInviteCode(invite).replace(/-/g, ''));
  if (!decoded.ok) throw new Error('not base32');
  return decoded.bytes[0];
};

describe('the certificate fingerprint in invites', () => {
  it('reads back from the code, the app link, the web link and the route the QR code opens', () => {
    const web = formatInviteWebLink(lan, 'https://192.168.1.20:4444');
    for (const form of [formatInviteCode(lan), formatInviteLink(lan), web, `#/join/${formatInviteCode(lan)}`]) {
      expect(decodeInvite(form, now).certificate).toBe(FINGERPRINT);
    }
    // A phone scans the web link: a QR code at level M holds it easily.
    expect(qrModules(web).size).toBeLessThanOrEqual(57);
  });

  it('is written as v3, while invites without one stay v1 (LAN) or v2 (ICE settings)', () => {
    expect(versionOf(lan)).toBe(3);
    expect(versionOf(createInvite({ workshopId: 'w', signaling: ['ws://10.0.0.5:4444'] }))).toBe(1);
    const withIce = createInvite({ workshopId: 'w', signaling: ['wss://s.example.com'], ice: { urls: ['stun:s.example.com'], relayOnly: false } });
    expect(versionOf(withIce)).toBe(2);
    const both = createInvite({ workshopId: 'w', signaling: ['wss://s.example.com'], ice: { urls: ['stun:s.example.com'], relayOnly: false }, certificate: FINGERPRINT, expiresAt: now + 60_000 });
    expect(decodeInvite(formatInviteLink(both), now)).toEqual(both);
  });

  it('adds about 51 characters to a LAN code (the whole SHA-256: a desktop app pins it)', () => {
    const without = createInvite({ workshopId: lan.workshopId, signaling: lan.signaling, secret: lan.secret });
    expect(formatInviteCode(lan).replace(/-/g, '').length - formatInviteCode(without).replace(/-/g, '').length).toBeLessThanOrEqual(52);
  });

  it('accepts a fingerprint as any browser spells it, and refuses anything else', () => {
    const colons = FINGERPRINT.toLowerCase().match(/../g)?.join(':') ?? '';
    expect(createInvite({ workshopId: 'w', signaling: ['wss://10.0.0.5:4444'], certificate: colons }).certificate).toBe(FINGERPRINT);
    expect(parseCertificateFingerprint(formatFingerprint(FINGERPRINT))).toBe(FINGERPRINT);
    expect(() => createInvite({ workshopId: 'w', signaling: ['wss://10.0.0.5:4444'], certificate: 'AB:CD' })).toThrow(/not a Bridgeboard invite/);
    expect(fingerprintReadAloud(FINGERPRINT)).toBe('4F 2A 9C 01 7D E3 55 B0');
  });

  it('detects a changed fingerprint byte as tampering', () => {
    const bytes = decodeBase32(formatInviteCode(lan).replace(/-/g, ''));
    if (!bytes.ok) throw new Error('not base32');
    const fields = decodeInviteBytes(bytes.bytes);
    expect(fields.certificate?.length).toBe(32);
    const changed = Uint8Array.from(bytes.bytes);
    changed[changed.length - 10] = (changed[changed.length - 10] ?? 0) ^ 1;
    expect(parseInvite(encodeBase32(changed), now)).toMatchObject({ ok: false, error: 'tampered' });
  });

  it('refuses a v3 invite without its certificate, and a v1 invite claiming one', () => {
    const seal = (body: number[]) => {
      const c = crc32(Uint8Array.from(body));
      return encodeBase32(Uint8Array.from([...body, c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255]));
    };
    const secret = Array.from(fixedBytes(16));
    const rest = [0, 1, 119, 1, 1, 10, 0, 0, 5, 17, 92];
    expect(parseInvite(seal([3, 0, 16, ...secret, ...rest]), now)).toMatchObject({ ok: false, error: 'malformed' });
    expect(parseInvite(seal([1, 4, 16, ...secret, ...rest, ...fixedBytes(32)]), now)).toMatchObject({ ok: false, error: 'malformed' });
    expect(parseInvite(seal([3, 4, 16, ...secret, ...rest, ...fixedBytes(32)]), now)).toMatchObject({ ok: true });
    expect(parseInvite(seal([4, 4, 16, ...secret, ...rest, ...fixedBytes(32)]), now)).toMatchObject({ ok: false, error: 'unsupported-version' });
  });
});
