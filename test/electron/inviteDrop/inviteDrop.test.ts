// The invite drop over real sockets: a facilitator's app leaves a sealed invite on a real
// signaling server and a joiner finds it by the short code alone. The server sees only the
// lookup id and the box, never K nor the room secret; and every store limit answers with its
// reason.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createMemoryInviteStore } from '../../../electron/main/inviteDrop/memoryInviteStore';
import { resolveInviteDropLimits, type InviteStore } from '../../../electron/main/inviteDrop/inviteStore';
import { jsonLineLogger } from '../../../electron/main/signaling/signalingLog';
import { startSignalingServer, type SignalingServer, type SignalingServerOptions } from '../../../electron/main/signaling/signalingServer';
import {
  askInviteDrop, createInvite, deriveShortInviteKeys, draftShortInvite, leaveShortInvite, lookUpShortInvite, parseShortInviteCode,
  roomSecretToBytes,
} from '../../../shared/room';
import { toBase64url, toHex } from '../../../shared/crypto/bytes';
import { encodeBase32 } from '../../../shared/room/base32';
import { sockets } from './wsSockets';

const servers: SignalingServer[] = [];
async function start(options: SignalingServerOptions = {}): Promise<SignalingServer> {
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0, statsIntervalMs: 0, ...options });
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The memory store, recording what it is asked to keep. */
function recordingStore(kept: string[]): InviteStore {
  const inner = createMemoryInviteStore(resolveInviteDropLimits());
  return { ...inner, put: (entry, now) => {
    kept.push(JSON.stringify(entry));
    return inner.put(entry, now);
  } };
}

const invite = createInvite({ workshopId: 'plant-7', signaling: ['wss://board.example.com/bb'], certificate: 'C3'.repeat(32), expiresAt: Date.now() + 3_600_000 });

describe('a short code end to end', () => {
  it('finds the invite by the code alone, and the server never sees K or the room secret', async () => {
    const kept: string[] = [];
    const server = await start({ invites: { store: recordingStore(kept) } });
    const sent: string[] = [];
    const draft = await draftShortInvite(invite);
    const left = await leaveShortInvite(draft, 3600, [server.url], { openSocket: sockets(sent) });
    expect(left.stored.map((s) => s.url)).toEqual([server.url]);
    expect(left.code.length).toBeLessThanOrEqual(40);

    const found = await lookUpShortInvite(left.code.toLowerCase(), [server.url], Date.now(), { openSocket: sockets(sent) });
    expect(found).toEqual({ ok: true, invite, server: server.url });

    const k = parseShortInviteCode(left.code);
    const secret = roomSecretToBytes(invite.secret) ?? new Uint8Array();
    const forbidden = [
      left.code, left.code.replace(/-/g, ''), encodeBase32(k), toBase64url(k), toHex(k), toHex(k).toUpperCase(),
      invite.secret, toBase64url(secret), toHex(secret), toBase64url(deriveShortInviteKeys(k).aesKey),
    ];
    expect(sent.length).toBe(2);
    expect(kept.length).toBe(1);
    for (const text of [...sent, ...kept]) for (const f of forbidden) expect(text.includes(f), f).toBe(false);
    // What the server holds is the lookup id and an opaque box.
    expect(JSON.parse(kept[0] ?? '{}')).toMatchObject({ id: draft.id, box: draft.box });
  });

  it('says not-found for a code nobody left, and catches a typo without asking any server', async () => {
    const server = await start();
    const other = await draftShortInvite(invite);
    expect(await lookUpShortInvite(other.code, [server.url], Date.now(), { openSocket: sockets() })).toEqual({ ok: false, error: 'not-found' });
    const sent: string[] = [];
    const typo = `${other.code.slice(0, 3)}${other.code[3] === 'X' ? 'Y' : 'X'}${other.code.slice(4)}`;
    expect(await lookUpShortInvite(typo, [server.url], Date.now(), { openSocket: sockets(sent) })).toEqual({ ok: false, error: 'tampered' });
    expect(sent).toEqual([]);
  });

  it('reads an expired invite as expired, and a box the server altered as unopenable', async () => {
    const server = await start();
    const stale = createInvite({ workshopId: 'w', signaling: ['ws://10.0.0.1:4444'], expiresAt: Date.now() + 60_000 });
    const draft = await draftShortInvite(stale);
    await leaveShortInvite(draft, 60, [server.url], { openSocket: sockets() });
    expect(await lookUpShortInvite(draft.code, [server.url], Date.now() + 120_000, { openSocket: sockets() })).toEqual({ ok: false, error: 'expired' });

    const evil = await start();
    const forged = await draftShortInvite(stale);
    const flipped = `${forged.box.slice(0, 40)}${forged.box[40] === 'A' ? 'B' : 'A'}${forged.box.slice(41)}`;
    await askInviteDrop(evil.url, { type: 'invite-put', id: draft.id, box: flipped, ttl: 60 }, { openSocket: sockets() });
    expect(await lookUpShortInvite(draft.code, [evil.url], Date.now(), { openSocket: sockets() })).toEqual({ ok: false, error: 'unopenable' });
  });

  it('tries the next server when the first is down, and says unreachable when none answers', async () => {
    const server = await start();
    const draft = await draftShortInvite(invite);
    const down = 'ws://127.0.0.1:1';
    const left = await leaveShortInvite(draft, 60, [down, server.url], { openSocket: sockets() });
    expect(left.failed).toEqual([{ url: down, reason: 'unreachable' }]);
    expect((await lookUpShortInvite(draft.code, [down, server.url], Date.now(), { openSocket: sockets() })).ok).toBe(true);
    expect(await lookUpShortInvite(draft.code, [down], Date.now(), { openSocket: sockets() })).toEqual({ ok: false, error: 'unreachable' });
  });
});

describe('the store limits, each with its reason', () => {
  const put = (url: string, id: string, box: string, ttl = 60, localAddress?: string) =>
    askInviteDrop(url, { type: 'invite-put', id, box, ttl }, { openSocket: sockets([], localAddress) });
  const ids = (n: number) => Array.from({ length: n }, (_, i) => toBase64url(Uint8Array.from({ length: 16 }, (_, j) => (i * 31 + j) & 255)));

  it('refuses a box over the size limit, a TTL over the longest, and a different box under a live id', async () => {
    const server = await start({ invites: { limits: { maxBoxLength: 100, maxTtlSeconds: 600 } } });
    const [a = ''] = ids(1);
    expect(await put(server.url, a, 'x'.repeat(101))).toEqual({ type: 'invite-refused', id: a, reason: 'too-large' });
    expect(await put(server.url, a, 'abc', 601)).toEqual({ type: 'invite-refused', id: a, reason: 'bad-ttl' });
    expect(await put(server.url, a, 'abc')).toMatchObject({ type: 'invite-stored', id: a });
    // The same box again renews it; another box under that id is refused.
    expect(await put(server.url, a, 'abc', 300)).toMatchObject({ type: 'invite-stored', id: a });
    expect(await put(server.url, a, 'abd')).toEqual({ type: 'invite-refused', id: a, reason: 'exists' });
    expect(await askInviteDrop(server.url, { type: 'invite-get', id: a }, { openSocket: sockets() })).toEqual({ type: 'invite-found', id: a, box: 'abc' });
  });

  it('bounds boxes per client address and in the whole store', async () => {
    const server = await start({ invites: { limits: { maxEntriesPerAddress: 2, maxEntries: 3 } } });
    const [a = '', b = '', c = '', d = '', e = ''] = ids(5);
    expect(await put(server.url, a, 'box')).toMatchObject({ type: 'invite-stored' });
    expect(await put(server.url, b, 'box')).toMatchObject({ type: 'invite-stored' });
    expect(await put(server.url, c, 'box')).toEqual({ type: 'invite-refused', id: c, reason: 'address-full' });
    expect(await put(server.url, c, 'box', 60, '127.0.0.2')).toMatchObject({ type: 'invite-stored' });
    expect(await put(server.url, d, 'box', 60, '127.0.0.3')).toEqual({ type: 'invite-refused', id: d, reason: 'store-full' });
    expect(await put(server.url, e, 'box', 60, '127.0.0.3')).toEqual({ type: 'invite-refused', id: e, reason: 'store-full' });
  });

  it('forgets a box when its time is up, and frees its place', async () => {
    let clock = Date.now();
    const server = await start({ now: () => clock, invites: { limits: { maxEntries: 1 } } });
    const [a = '', b = ''] = ids(2);
    expect(await put(server.url, a, 'box', 10)).toMatchObject({ type: 'invite-stored' });
    expect(await put(server.url, b, 'box', 10)).toMatchObject({ reason: 'store-full' });
    clock += 11_000;
    expect(await askInviteDrop(server.url, { type: 'invite-get', id: a }, { openSocket: sockets() })).toEqual({ type: 'invite-refused', id: a, reason: 'not-found' });
    expect(await put(server.url, b, 'box', 10)).toMatchObject({ type: 'invite-stored' });
  });

  it('limits the rate of puts and gets per address', async () => {
    const server = await start({ invites: { limits: { putBurst: 2, putsPerMinute: 1, getBurst: 3, getsPerMinute: 1 } } });
    const [a = '', b = '', c = ''] = ids(3);
    expect(await put(server.url, a, 'box')).toMatchObject({ type: 'invite-stored' });
    expect(await put(server.url, b, 'box')).toMatchObject({ type: 'invite-stored' });
    expect(await put(server.url, c, 'box')).toEqual({ type: 'invite-refused', id: c, reason: 'rate' });
    expect(await put(server.url, c, 'box', 60, '127.0.0.4')).toMatchObject({ type: 'invite-stored' });
    const get = () => askInviteDrop(server.url, { type: 'invite-get', id: a }, { openSocket: sockets() });
    for (let i = 0; i < 3; i++) expect(await get()).toMatchObject({ type: 'invite-found' });
    expect(await get()).toEqual({ type: 'invite-refused', id: a, reason: 'rate' });
  });

  it('answers malformed requests as malformed, and a server without a drop as unavailable', async () => {
    const server = await start();
    const raw = (message: unknown) => new Promise<unknown>((resolve) => {
      const ws = new WebSocket(server.url);
      ws.on('open', () => ws.send(JSON.stringify(message)));
      ws.on('message', (data) => {
        resolve(JSON.parse(data.toString()));
        ws.close();
      });
    });
    expect(await raw({ type: 'invite-get', id: '../../etc/passwd' })).toEqual({ type: 'invite-refused', id: '', reason: 'malformed' });
    expect(await raw({ type: 'invite-put', id: ids(1)[0], box: 'a b', ttl: 5 })).toMatchObject({ reason: 'malformed' });
    expect(await raw({ type: 'invite-put', id: ids(1)[0], box: 'ab', ttl: 5, extra: 1 })).toMatchObject({ reason: 'malformed' });
    const none = await start({ invites: false });
    expect(await askInviteDrop(none.url, { type: 'invite-get', id: ids(1)[0] ?? '' }, { openSocket: sockets() })).toMatchObject({ reason: 'unavailable' });
  });

  it('logs counts of stored, found and refused boxes, never an id, a box or an address', async () => {
    const lines: string[] = [];
    const server = await start({ log: jsonLineLogger((l) => lines.push(l)) });
    const draft = await draftShortInvite(invite);
    await leaveShortInvite(draft, 60, [server.url], { openSocket: sockets() });
    await lookUpShortInvite(draft.code, [server.url], Date.now(), { openSocket: sockets() });
    await lookUpShortInvite((await draftShortInvite(invite)).code, [server.url], Date.now(), { openSocket: sockets() });
    await servers.pop()?.close();
    const closed = JSON.parse(lines.find((l) => l.includes('"signaling.closed"')) ?? '{}') as Record<string, unknown>;
    expect(closed).toMatchObject({ 'invites.stored': 1, 'invites.found': 1, 'invites.refused.not-found': 1 });
    const all = lines.join('\n');
    for (const secret of [draft.id, draft.box.slice(0, 40), draft.code, '127.0.0.1']) expect(all).not.toContain(secret);
  });
});
