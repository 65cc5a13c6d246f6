// The invite drop in Redis, over real sockets and a real redis-server: two signaling instances
// share one Redis the way they do behind a load balancer. A code left through one is found
// through the other; expiry, 'exists' and every cap hold across the instances; Redis keeps
// neither K, the room secret nor a client address; and a Redis that is down or hung is answered
// 'unavailable' at once, without a crash, until it is back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createRedisInviteStore } from '../../../electron/main/inviteDrop/redisInviteStore';
import { resolveInviteDropLimits, type InviteDropLimits } from '../../../electron/main/inviteDrop/inviteStore';
import { silentLogger } from '../../../electron/main/signaling/signalingLog';
import { startSignalingServer, type SignalingServer } from '../../../electron/main/signaling/signalingServer';
import {
  askInviteDrop, createInvite, deriveShortInviteKeys, draftShortInvite, leaveShortInvite, lookUpShortInvite, parseShortInviteCode,
  roomSecretToBytes,
} from '../../../shared/room';
import { toBase64url, toHex } from '../../../shared/crypto/bytes';
import { encodeBase32 } from '../../../shared/room/base32';
import { redisMissing, startRedis, type RedisProcess } from '../signaling/redisProcess';
import { sockets } from './wsSockets';

let redis: RedisProcess;
let inspector: Redis;
const servers: SignalingServer[] = [];
let prefixCount = 0;

/** Two signaling servers sharing one Redis invite store under a prefix of their own. */
async function pair(limits: Partial<InviteDropLimits> = {}, commandTimeoutMs?: number): Promise<{ a: SignalingServer; b: SignalingServer; prefix: string; start(): Promise<SignalingServer> }> {
  const prefix = `inv${++prefixCount}:`;
  const resolved = resolveInviteDropLimits(limits);
  const start = async () => {
    const store = await createRedisInviteStore({ url: redis.url, prefix, limits: resolved, log: silentLogger, maxRetryDelayMs: 200, ...(commandTimeoutMs ? { commandTimeoutMs } : {}) });
    const server = await startSignalingServer({ host: '127.0.0.1', port: 0, statsIntervalMs: 0, invites: { limits: resolved, store } });
    servers.push(server);
    return server;
  };
  return { a: await start(), b: await start(), prefix, start };
}

const put = (url: string, id: string, box: string, ttl = 60, localAddress?: string) =>
  askInviteDrop(url, { type: 'invite-put', id, box, ttl }, { openSocket: sockets([], localAddress) });
const get = (url: string, id: string) => askInviteDrop(url, { type: 'invite-get', id }, { openSocket: sockets() });
const ids = (n: number, seed = 0) => Array.from({ length: n }, (_, i) => toBase64url(Uint8Array.from({ length: 16 }, (_, j) => (seed * 7 + i * 31 + j) & 255)));

/** Every key under `prefix` with everything it holds, as text. */
async function dump(prefix: string): Promise<string[]> {
  const out: string[] = [];
  for (const key of await inspector.keys(`${prefix}*`)) {
    const type = await inspector.type(key);
    const value =
      type === 'string' ? await inspector.get(key)
      : type === 'hash' ? JSON.stringify(await inspector.hgetall(key))
      : type === 'zset' ? JSON.stringify(await inspector.zrangebyscore(key, '-inf', '+inf', 'WITHSCORES'))
      : `(${type})`;
    out.push(`${key} = ${value ?? ''}`);
  }
  return out;
}

const invite = createInvite({ workshopId: 'plant-7', signaling: ['wss://board.example.com/bb'], certificate: 'C3'.repeat(32), expiresAt: Date.now() + 3_600_000 });

describe.skipIf(redisMissing !== undefined)(`the invite drop in Redis${redisMissing ? ` (skipped: ${redisMissing})` : ''}`, () => {
  beforeAll(async () => {
    redis = await startRedis();
    inspector = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => 200 });
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    inspector?.disconnect();
    await redis?.stop();
  });

  it('finds a code left through one instance through the other, and Redis holds neither K, the room secret nor the address', async () => {
    const { a, b, prefix } = await pair();
    const sent: string[] = [];
    const draft = await draftShortInvite(invite);
    const left = await leaveShortInvite(draft, 3600, [a.url], { openSocket: sockets(sent) });
    expect(left.stored.map((s) => s.url)).toEqual([a.url]);
    expect(await lookUpShortInvite(left.code, [b.url], Date.now(), { openSocket: sockets(sent) })).toEqual({ ok: true, invite, server: b.url });

    const kept = await dump(prefix);
    expect(kept.find((line) => line.startsWith(`${prefix}invite:${draft.id} = `))).toBe(`${prefix}invite:${draft.id} = ${draft.box}`);
    const k = parseShortInviteCode(left.code);
    const secret = roomSecretToBytes(invite.secret) ?? new Uint8Array();
    const forbidden = [
      left.code, left.code.replace(/-/g, ''), encodeBase32(k), toBase64url(k), toHex(k), toHex(k).toUpperCase(),
      invite.secret, toBase64url(secret), toHex(secret), toBase64url(deriveShortInviteKeys(k).aesKey),
      '127.0.0.1', '::ffff:127',
    ];
    for (const text of [...sent, ...kept]) for (const f of forbidden) expect(text.includes(f), f).toBe(false);
    expect(await inspector.pttl(`${prefix}invite:${draft.id}`)).toBeGreaterThan(3_500_000);
  });

  it('renews the same box through either instance and refuses another box under a live id, on both', async () => {
    const { a, b } = await pair();
    const [id = ''] = ids(1, 1);
    const first = await put(a.url, id, 'abc', 60);
    expect(first).toMatchObject({ type: 'invite-stored', id });
    const renewed = await put(b.url, id, 'abc', 600);
    expect(renewed).toMatchObject({ type: 'invite-stored', id });
    if (first?.type !== 'invite-stored' || renewed?.type !== 'invite-stored') throw new Error('not stored');
    expect(renewed.expiresAt - first.expiresAt).toBeGreaterThan(500_000);
    // A shorter TTL later does not cut it short.
    const again = await put(a.url, id, 'abc', 10);
    expect(again?.type === 'invite-stored' && again.expiresAt).toBeGreaterThan(first.expiresAt);
    expect(await put(a.url, id, 'abd')).toEqual({ type: 'invite-refused', id, reason: 'exists' });
    expect(await put(b.url, id, 'abd')).toEqual({ type: 'invite-refused', id, reason: 'exists' });
    expect(await get(a.url, id)).toEqual({ type: 'invite-found', id, box: 'abc' });
  });

  it('two instances racing to put different boxes under one id: exactly one wins, and both then serve it', async () => {
    const { a, b } = await pair();
    for (const [n, id] of ids(10, 2).entries()) {
      const [ra, rb] = await Promise.all([put(a.url, id, `boxA${n}`), put(b.url, id, `boxB${n}`)]);
      const winners = [ra, rb].filter((r) => r?.type === 'invite-stored');
      expect(winners).toHaveLength(1);
      expect([ra, rb].filter((r) => r?.type === 'invite-refused' && r.reason === 'exists')).toHaveLength(1);
      const box = ra?.type === 'invite-stored' ? `boxA${n}` : `boxB${n}`;
      expect(await get(b.url, id)).toEqual({ type: 'invite-found', id, box });
      expect(await get(a.url, id)).toEqual({ type: 'invite-found', id, box });
    }
  });

  it('forgets a box when its time is up, on every instance, and frees its place in the caps', async () => {
    const { a, b, prefix } = await pair({ maxEntries: 1, maxEntriesPerAddress: 1 });
    const [x = '', y = ''] = ids(2, 3);
    expect(await put(a.url, x, 'box', 1)).toMatchObject({ type: 'invite-stored' });
    expect(await put(b.url, y, 'box', 60, '127.0.0.2')).toMatchObject({ reason: 'store-full' });
    expect(await put(b.url, y, 'box', 60)).toMatchObject({ reason: 'address-full' });
    await new Promise((r) => setTimeout(r, 1_300));
    expect(await get(b.url, x)).toEqual({ type: 'invite-refused', id: x, reason: 'not-found' });
    expect(await get(a.url, x)).toEqual({ type: 'invite-refused', id: x, reason: 'not-found' });
    expect(await put(b.url, y, 'box', 60)).toMatchObject({ type: 'invite-stored' });
    // The expired entry's counts went with it: one entry of three characters is all there is.
    const store = await createRedisInviteStore({ url: redis.url, prefix, limits: resolveInviteDropLimits(), log: silentLogger });
    expect(await store.size(Date.now())).toEqual({ entries: 1, bytes: 3 });
    await store.close();
  });

  it('bounds boxes per client address and in the whole store across instances', async () => {
    const { a, b } = await pair({ maxEntriesPerAddress: 2, maxEntries: 3, maxTotalLength: 1000 });
    const [p = '', q = '', r = '', s = '', t = ''] = ids(5, 4);
    expect(await put(a.url, p, 'box')).toMatchObject({ type: 'invite-stored' });
    expect(await put(b.url, q, 'box')).toMatchObject({ type: 'invite-stored' });
    // The same address, through the other instance: still its third.
    expect(await put(a.url, r, 'box')).toEqual({ type: 'invite-refused', id: r, reason: 'address-full' });
    expect(await put(b.url, r, 'box')).toEqual({ type: 'invite-refused', id: r, reason: 'address-full' });
    expect(await put(b.url, r, 'box', 60, '127.0.0.2')).toMatchObject({ type: 'invite-stored' });
    expect(await put(a.url, s, 'box', 60, '127.0.0.3')).toEqual({ type: 'invite-refused', id: s, reason: 'store-full' });
    expect(await put(b.url, t, 'box', 60, '127.0.0.3')).toEqual({ type: 'invite-refused', id: t, reason: 'store-full' });
  });

  it('bounds the characters of boxes in the whole store', async () => {
    const { a, b } = await pair({ maxTotalLength: 250, maxBoxLength: 100 });
    const [p = '', q = '', r = ''] = ids(3, 5);
    expect(await put(a.url, p, 'x'.repeat(100))).toMatchObject({ type: 'invite-stored' });
    expect(await put(b.url, q, 'y'.repeat(100), 60, '127.0.0.2')).toMatchObject({ type: 'invite-stored' });
    expect(await put(a.url, r, 'z'.repeat(51), 60, '127.0.0.3')).toEqual({ type: 'invite-refused', id: r, reason: 'store-full' });
    expect(await put(b.url, r, 'z'.repeat(50), 60, '127.0.0.3')).toMatchObject({ type: 'invite-stored' });
  });

  it('answers unavailable at once while Redis is down, and serves again once it is back', async () => {
    const { a, b } = await pair({}, 1_000);
    const [x = '', y = ''] = ids(2, 6);
    expect(await put(a.url, x, 'box')).toMatchObject({ type: 'invite-stored' });
    await redis.stop();
    try {
      const t0 = Date.now();
      expect(await put(a.url, y, 'box')).toEqual({ type: 'invite-refused', id: y, reason: 'unavailable' });
      expect(await get(b.url, x)).toEqual({ type: 'invite-refused', id: x, reason: 'unavailable' });
      expect(Date.now() - t0).toBeLessThan(5_000);
      // The server itself is fine: a joiner typing a code hears that short codes are out of
      // service for now, not that the code is wrong.
      const code = (await draftShortInvite(invite)).code;
      expect(await lookUpShortInvite(code, [a.url, b.url], Date.now(), { openSocket: sockets() })).toEqual({ ok: false, error: 'unavailable' });
    } finally {
      await redis.restart();
    }
    // Redis came back empty (no persistence): the instances reconnect and serve again.
    let reply = await put(a.url, y, 'box');
    for (let i = 0; i < 50 && reply?.type !== 'invite-stored'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      reply = await put(a.url, y, 'box');
    }
    expect(reply).toMatchObject({ type: 'invite-stored', id: y });
    let found = await get(b.url, y);
    for (let i = 0; i < 50 && found?.type !== 'invite-found'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      found = await get(b.url, y);
    }
    expect(found).toEqual({ type: 'invite-found', id: y, box: 'box' });
  }, 30_000);

  it('answers unavailable within the command timeout when Redis stops answering, instead of hanging', async () => {
    const { a } = await pair({}, 500);
    const [x = ''] = ids(1, 7);
    expect(await put(a.url, x, 'box')).toMatchObject({ type: 'invite-stored' });
    redis.pause();
    try {
      const t0 = Date.now();
      expect(await get(a.url, x)).toEqual({ type: 'invite-refused', id: x, reason: 'unavailable' });
      expect(Date.now() - t0).toBeLessThan(3_000);
    } finally {
      redis.resume();
    }
    let found = await get(a.url, x);
    for (let i = 0; i < 50 && found?.type !== 'invite-found'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      found = await get(a.url, x);
    }
    expect(found).toEqual({ type: 'invite-found', id: x, box: 'box' });
  }, 30_000);

  it('counts an address as one across instances even after Redis lost everything, whichever instance seeds the salt again', async () => {
    const { a, b, start } = await pair({ maxEntriesPerAddress: 1 }, 1_000);
    const [w = '', x = '', y = '', z = ''] = ids(4, 8);
    expect(await put(a.url, w, 'box')).toMatchObject({ type: 'invite-stored' });
    await redis.restart();
    // A new instance starts first on the empty Redis and seeds a salt of its own.
    const c = await start();
    expect(await put(c.url, x, 'box')).toMatchObject({ type: 'invite-stored' });
    // The old instances, once reconnected, hash with that salt too: the address is full on each.
    let reply = await put(a.url, y, 'box');
    for (let i = 0; i < 50 && reply?.type === 'invite-refused' && reply.reason === 'unavailable'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      reply = await put(a.url, y, 'box');
    }
    expect(reply).toEqual({ type: 'invite-refused', id: y, reason: 'address-full' });
    let other = await put(b.url, z, 'box');
    for (let i = 0; i < 50 && other?.type === 'invite-refused' && other.reason === 'unavailable'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      other = await put(b.url, z, 'box');
    }
    expect(other).toEqual({ type: 'invite-refused', id: z, reason: 'address-full' });
    expect(await put(b.url, z, 'box', 60, '127.0.0.2')).toMatchObject({ type: 'invite-stored' });
  }, 30_000);

  it('keeps the counts as long as the longest-lived entry, whichever instance puts last', async () => {
    const prefix = `inv${++prefixCount}:`;
    const long = await createRedisInviteStore({ url: redis.url, prefix, limits: resolveInviteDropLimits({ maxTtlSeconds: 3600 }), log: silentLogger });
    const short = await createRedisInviteStore({ url: redis.url, prefix, limits: resolveInviteDropLimits({ maxTtlSeconds: 10 }), log: silentLogger });
    try {
      const [x = '', y = ''] = ids(2, 9);
      const now = Date.now();
      expect(await long.put({ id: x, box: 'box', expiresAt: now + 3_600_000, owner: '10.0.0.1' }, now)).toMatchObject({ ok: true });
      expect(await short.put({ id: y, box: 'box', expiresAt: now + 10_000, owner: '10.0.0.1' }, now)).toMatchObject({ ok: true });
      // The entry with an hour to live is still counted for that hour: its owner, its length.
      for (const key of ['invites:expiry', 'invites:meta', 'invites:bytes']) expect(await inspector.pttl(`${prefix}${key}`), key).toBeGreaterThan(3_500_000);
      for (const key of await inspector.keys(`${prefix}invites:owner:*`)) expect(await inspector.pttl(key)).toBeGreaterThan(3_500_000);
      expect(await long.size(Date.now())).toEqual({ entries: 2, bytes: 6 });
    } finally {
      await long.close();
      await short.close();
    }
  });
});
