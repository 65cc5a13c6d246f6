// Invites round-trip through every form, and hostile or broken inputs get the right error code.
import { describe, expect, it } from 'vitest';
import {
  createInvite, decodeInvite, formatInviteCode, formatInviteLink, formatInviteWebLink, parseInvite, qrSvg,
  InviteError, type Invite, type InviteErrorCode,
} from '../../../shared/room';
import { encodeBase32 } from '../../../shared/room/base32';
import { crc32 } from '../../../shared/room/crc32';

const now = Date.UTC(2026, 10, 24, 23, 0, 0);
const fixedBytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
const base = createInvite({
  workshopId: '0f8e2c44-5b1a-4c1e-9d2f-3a6b7c8d9e0f',
  signaling: ['ws://192.168.1.20:4444'],
  randomBytes: fixedBytes,
});

/** Re-seals raw bytes with a valid CRC, to reach the checks behind the checksum. */
function sealed(body: number[]): string {
  const b = Uint8Array.from(body);
  const c = crc32(b);
  return encodeBase32(Uint8Array.from([...b, c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255]));
}

function code(i: Invite) {
  return formatInviteCode(i);
}

describe('round trips', () => {
  const invites: [string, Invite][] = [
    ['LAN, UUID id, one IPv4 address', base],
    ['text id, several addresses, expiry', createInvite({
      workshopId: 'plant-7_line-3',
      signaling: ['ws://10.0.0.5:4444', 'wss://signal.example.com/bridgeboard', 'ws://[fd00::1]:4444', 'wss://203.0.113.9'],
      expiresAt: now + 3_600_000,
      randomBytes: fixedBytes,
    })],
    ['32-byte secret', createInvite({ workshopId: 'w', signaling: ['ws://localhost:1'], secret: encodeBase32(fixedBytes(32)) })],
    ['remote, with the room\'s STUN and TURN settings (non-ASCII credential)', createInvite({
      workshopId: 'remote-1',
      signaling: ['wss://signal.example.com/bridgeboard'],
      ice: { urls: ['stun:stun.example.com:3478', 'turns:turn.example.com:5349?transport=tcp'], username: 'plant7', credential: 'päss wörd', relayOnly: true },
      randomBytes: fixedBytes,
    })],
  ];
  it.each(invites)('%s', (_name, invite) => {
    const forms = [
      code(invite),
      code(invite).toLowerCase(),
      code(invite).replace(/-/g, ' '),
      formatInviteLink(invite),
      formatInviteWebLink(invite, 'https://board.example.com'),
      formatInviteWebLink(invite, 'http://192.168.1.20:5173/'),
      `#/join/${code(invite)}`,
      `/join/${code(invite)}`,
      `  ${formatInviteLink(invite)}\n`,
    ];
    for (const form of forms) expect(decodeInvite(form, now)).toEqual(invite);
  });

  it('carries ICE settings only when they name a server, so LAN invites stay short v1 codes', () => {
    const lan = createInvite({ workshopId: 'w', signaling: ['ws://127.0.0.1:4444'], ice: { urls: [], relayOnly: false }, randomBytes: fixedBytes });
    expect(lan.ice).toBeUndefined();
    expect(code(lan).slice(0, 1)).toBe('0'); // version byte 1 → base32 starts with 0
    const remote = createInvite({ workshopId: 'w', signaling: ['ws://127.0.0.1:4444'], ice: { urls: ['stun:s.example.com'], relayOnly: false }, randomBytes: fixedBytes });
    expect(decodeInvite(code(remote), now).ice).toEqual({ urls: ['stun:s.example.com'], relayOnly: false });
    expect(() => createInvite({ workshopId: 'w', signaling: ['ws://127.0.0.1:4444'], ice: { urls: ['turn:t.example.com'], relayOnly: true } })).toThrow(InviteError);
  });

  it('any invite it makes reads back in every form and fits a QR code; one too long says so', () => {
    const origin = `https://${'a'.repeat(60)}.example.com/${'b'.repeat(200)}`;
    const url = (n: number, i: number) => `turn:${'t'.repeat(n - 13 - String(i).length)}${i}.ex:3478`; // n characters
    const cases = [
      { urls: [url(255, 0)], username: 'u'.repeat(255), credential: 'c'.repeat(255), relayOnly: true },
      { urls: [url(200, 0), url(200, 1)], username: 'ü'.repeat(127), credential: 'x', relayOnly: false },
      { urls: Array.from({ length: 8 }, (_, i) => url(255, i)), username: 'u'.repeat(255), credential: 'c'.repeat(255), relayOnly: true },
    ];
    const signaling = ['wss://signal.example.com/bridgeboard', `wss://${'s'.repeat(60)}.example.com/${'p'.repeat(100)}`];
    let tooLong = 0;
    for (const ice of cases) {
      let invite: Invite;
      try {
        invite = createInvite({ workshopId: 'remote-1', signaling, ice, expiresAt: now + 1000, randomBytes: fixedBytes });
      } catch (e) {
        expect(e).toMatchObject({ code: 'too-long' });
        tooLong += 1;
        continue;
      }
      for (const form of [code(invite), formatInviteLink(invite), formatInviteWebLink(invite, origin)]) expect(decodeInvite(form, now)).toEqual(invite);
      expect(() => qrSvg(formatInviteWebLink(invite, origin))).not.toThrow();
    }
    expect(tooLong).toBe(1);
    // A field the form would accept but no invite can hold is refused by the settings themselves.
    expect(() => createInvite({ workshopId: 'w', signaling, ice: { urls: [url(100, 0)], username: 'u', credential: 'ä'.repeat(200), relayOnly: false } })).toThrow(InviteError);
  });

  it('draws a fresh 128-bit secret each time by default', () => {
    const a = createInvite({ workshopId: 'w', signaling: ['ws://127.0.0.1:4444'] });
    const b = createInvite({ workshopId: 'w', signaling: ['ws://127.0.0.1:4444'] });
    expect(a.secret).not.toBe(b.secret);
    expect(a.secret).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('keeps a typed LAN code reasonably short', () => {
    expect(code(base).replace(/-/g, '').length).toBeLessThanOrEqual(80);
  });

  it('forgives look-alike characters when typed', () => {
    const c = code(base);
    const typed = c.replace(/0/g, 'O').replace(/1/g, 'l');
    expect(decodeInvite(typed, now)).toEqual(base);
  });
});

describe('hostile and broken inputs', () => {
  const c = code(base);
  const bare = c.replace(/-/g, '');
  const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  const cases: [string, unknown, InviteErrorCode][] = [
    ['empty', '', 'malformed'],
    ['not a string', 42, 'malformed'],
    ['null', null, 'malformed'],
    ['an object', { invite: c }, 'malformed'],
    ['huge input', 'A'.repeat(1_000_000), 'malformed'],
    ['javascript: URL', `javascript:alert(1)//#/join/${bare}`, 'malformed'],
    ['data: URL', `data:text/html,${bare}`, 'malformed'],
    ['file: URL', `file:///etc/passwd#/join/${bare}`, 'malformed'],
    ['other app scheme', `otherapp://join?invite=${bare}`, 'malformed'],
    ['hash route with a path after the code', `#/join/${bare}/x`, 'malformed'],
    ['web link without the join route', `https://board.example.com/#/board/${bare}`, 'malformed'],
    ['unicode look-alikes', c.replace('A', 'А'), 'malformed'],
    ['emoji', `${c}🙂`, 'malformed'],
    ['excluded letter U', c.replace(/.$/, 'U'), 'malformed'],
    ['control characters', `${c}\u0000`, 'malformed'],
    ['truncated by one group', c.slice(0, -6), 'tampered'],
    ['truncated mid-byte', bare.slice(0, bare.length - 2), 'malformed'],
    ['truncated to a stub', bare.slice(0, 8), 'tampered'],
    ['one character changed', flip(bare, 10), 'tampered'],
    ['one character changed in the checksum', flip(bare, bare.length - 2), 'tampered'],
    ['extra characters', `${bare}ABCDEFGH`, 'tampered'],
    ['two codes glued together', bare + bare, 'tampered'],
    ['future version', sealed([4, 0, 16, ...fixedBytes(16), 0, 1, 0x77, 0]), 'unsupported-version'],
    ['v2 without its ICE settings', sealed([2, 0, 16, ...fixedBytes(16), 0, 1, 0x77, 1, 1, 127, 0, 0, 1, 0, 80]), 'malformed'],
    ['v1 claiming ICE settings', sealed([1, 2, 16, ...fixedBytes(16), 0, 1, 0x77, 1, 1, 127, 0, 0, 1, 0, 80, 0, 0, 0, 0]), 'malformed'],
    ['ICE relay flag not 0 or 1', sealed([2, 2, 16, ...fixedBytes(16), 0, 1, 0x77, 1, 1, 127, 0, 0, 1, 0, 80, 2, 0, 0, 0]), 'malformed'],
    ['ICE URL that is not stun/turn', sealed([2, 2, 16, ...fixedBytes(16), 0, 1, 0x77, 1, 1, 127, 0, 0, 1, 0, 80, 0, 1, 10, ...Array.from('javascript', (c) => c.charCodeAt(0)), 0, 0]), 'malformed'],
    ['TURN without a credential', sealed([2, 2, 16, ...fixedBytes(16), 0, 1, 0x77, 1, 1, 127, 0, 0, 1, 0, 80, 0, 1, 10, ...Array.from('turn:a.b:1', (c) => c.charCodeAt(0)), 0, 0]), 'malformed'],
    ['ICE credential that is not UTF-8', sealed([2, 2, 16, ...fixedBytes(16), 0, 1, 0x77, 1, 1, 127, 0, 0, 1, 0, 80, 0, 1, 10, ...Array.from('turn:a.b:1', (c) => c.charCodeAt(0)), 1, 0x75, 2, 0xc3, 0x28]), 'malformed'],
    ['ICE settings with no server', sealed([2, 2, 16, ...fixedBytes(16), 0, 1, 0x77, 1, 1, 127, 0, 0, 1, 0, 80, 0, 0, 0, 0]), 'malformed'],
    ['ICE settings cut short', sealed([2, 2, 16, ...fixedBytes(16), 0, 1, 0x77, 1, 1, 127, 0, 0, 1, 0, 80, 0, 3, 4]), 'malformed'],
    ['version zero', sealed([0, 0]), 'unsupported-version'],
    ['unknown flags', sealed([1, 0x80, 16, ...fixedBytes(16), 0, 1, 0x77, 0]), 'malformed'],
    ['secret too short', sealed([1, 0, 8, ...fixedBytes(8), 0, 1, 0x77, 1, 1, 127, 0, 0, 1, 0, 80]), 'malformed'],
    ['no signaling address', sealed([1, 0, 16, ...fixedBytes(16), 0, 1, 0x77, 0]), 'bad-address'],
    ['length running past the end', sealed([1, 0, 200, 1, 2, 3]), 'malformed'],
    ['trailing bytes', sealed([1, 0, 16, ...fixedBytes(16), 0, 1, 0x77, 1, 1, 127, 0, 0, 1, 0, 80, 9]), 'malformed'],
    ['bad workshop id characters', sealed([1, 0, 16, ...fixedBytes(16), 0, 3, 0x3c, 0x73, 0x3e, 1, 1, 127, 0, 0, 1, 0, 80]), 'malformed'],
    ['http:// signaling address', sealedUrl('http://evil.example.com'), 'bad-address'],
    ['javascript: signaling address', sealedUrl('javascript:alert(1)'), 'bad-address'],
    ['credentials in the address', sealedUrl('ws://user:pw@host:1'), 'bad-address'],
    ['query in the address', sealedUrl('ws://host:1/?x=1'), 'bad-address'],
    ['port out of range', sealedUrl('ws://host:70000'), 'bad-address'],
    ['port zero', sealed([1, 0, 16, ...fixedBytes(16), 0, 1, 0x77, 1, 1, 127, 0, 0, 1, 0, 0]), 'bad-address'],
    ['expired', code(createInvite({ workshopId: 'w', signaling: ['ws://127.0.0.1:1'], expiresAt: now - 1000, randomBytes: fixedBytes })), 'expired'],
    ['expiring exactly now', code(createInvite({ workshopId: 'w', signaling: ['ws://127.0.0.1:1'], expiresAt: now, randomBytes: fixedBytes })), 'expired'],
  ];
  function sealedUrl(url: string): string {
    const text = Array.from(url, (ch) => ch.charCodeAt(0));
    return sealed([1, 0, 16, ...fixedBytes(16), 0, 1, 0x77, 1, 3, text.length, ...text]);
  }

  it.each(cases)('%s → %s', (_name, input, expected) => {
    const result = parseInvite(input, now);
    expect(result.ok ? 'ok' : result.error).toBe(expected);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });

  it('decodeInvite throws a typed InviteError', () => {
    expect(() => decodeInvite('!!', now)).toThrow(InviteError);
    try {
      decodeInvite(flip(bare, 3), now);
    } catch (e) {
      expect(e).toBeInstanceOf(InviteError);
      expect((e as InviteError).code).toBe('tampered');
    }
  });

  it('detects every single-character substitution', () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    let checked = 0;
    for (let i = 0; i < bare.length; i++) {
      for (const ch of alphabet) {
        if (ch === bare[i]) continue;
        const result = parseInvite(bare.slice(0, i) + ch + bare.slice(i + 1), now);
        expect(result.ok).toBe(false);
        checked++;
      }
    }
    expect(checked).toBe(bare.length * 31);
  });

  it('survives seeded random garbage without throwing anything but InviteError', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const chars = '0123456789ABCDEFGHJKMNPQRSTVWXYZ-:/?#=.abc ';
    for (let n = 0; n < 500; n++) {
      const len = Math.floor(rand() * 120);
      const s = Array.from({ length: len }, () => chars[Math.floor(rand() * chars.length)]).join('');
      expect(() => parseInvite(s, now)).not.toThrow();
    }
  });
});

describe('creating invites', () => {
  const bad: [string, Parameters<typeof createInvite>[0], InviteErrorCode][] = [
    ['http signaling', { workshopId: 'w', signaling: ['http://x:1'] }, 'bad-address'],
    ['no signaling', { workshopId: 'w', signaling: [] }, 'bad-address'],
    ['five addresses', { workshopId: 'w', signaling: Array(5).fill('ws://a:1') }, 'bad-address'],
    ['workshop id with spaces', { workshopId: 'a b', signaling: ['ws://a:1'] }, 'malformed'],
    ['weak secret', { workshopId: 'w', signaling: ['ws://a:1'], secret: 'ABCD' }, 'malformed'],
    ['non-canonical secret', { workshopId: 'w', signaling: ['ws://a:1'], secret: encodeBase32(fixedBytes(16)).toLowerCase() }, 'malformed'],
    ['expiry not a number', { workshopId: 'w', signaling: ['ws://a:1'], expiresAt: Number.NaN }, 'malformed'],
  ];
  it.each(bad)('refuses %s', (_name, input, expected) => {
    expect(() => createInvite(input)).toThrow(expect.objectContaining({ code: expected }));
  });

  it('normalises addresses', () => {
    const i = createInvite({ workshopId: 'w', signaling: ['WS://Example.COM:80/', 'wss://h.example:443/x', 'ws://[FD00::1]:4444'] });
    expect(i.signaling).toEqual(['ws://example.com', 'wss://h.example/x', 'ws://[fd00::1]:4444']);
  });

  it('refuses a web link origin that is not http(s)', () => {
    expect(() => formatInviteWebLink(base, 'javascript:alert(1)')).toThrow(InviteError);
  });
});
