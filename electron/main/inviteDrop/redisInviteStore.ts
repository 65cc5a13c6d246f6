// The invite store in Redis (`bridgeboard signal|serve --redis URL`): every instance sharing the
// Redis finds a short code left through any of them. Same answers and limits as the memory
// store (memoryInviteStore.ts); each put is one Lua script, so two instances putting the same id
// at once cannot both win, and the caps hold across instances.
//
// Keys, all under the deployment prefix P (--redis-prefix):
//   P invite:<id>            the box, with the entry's expiry as its own (PX)
//   P invites:expiry         sorted set id -> expiry (ms, Redis clock): entry count and sweep
//   P invites:meta           hash id -> "<box length> <owner hash>", to undo the counts
//   P invites:bytes          characters of live boxes
//   P invites:owner:<hash>   sorted set id -> expiry per client address (the cap per address)
//   P invites:salt           random, shared by the instances, for the owner hash (should
//                            Redis lose it, the next put seeds it again from its instance)
// Client addresses never reach Redis: the owner is HMAC-SHA256(salt, address). Expired entries
// are swept inside the put script (a bounded batch every time, all of them when the store looks
// full), using Redis's clock, so instances whose clocks differ agree. The bookkeeping keys
// expire a longest TTL after the last put or renewal. A single Redis (or a primary with replicas); not
// Redis Cluster: the script touches keys in several slots.
//
// While Redis is away, put and get fail at once (no offline queue), and a Redis that stops
// answering fails them after commandTimeoutMs: the drop answers the client 'unavailable'.
import { createHmac, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { isAuthError, redisClientOptions } from '../signaling/redisBus';
import { throttleWarnings, type SignalingLogger } from '../signaling/signalingLog';
import type { InviteDropLimits, InvitePutOutcome, InviteStore } from './inviteStore';

export interface RedisInviteStoreOptions {
  readonly url: string;
  readonly prefix: string;
  readonly limits: Pick<InviteDropLimits, 'maxEntries' | 'maxTotalLength' | 'maxEntriesPerAddress' | 'maxTtlSeconds'>;
  readonly log: SignalingLogger;
  /** Longest wait for one command before the client hears 'unavailable'. */
  readonly commandTimeoutMs?: number;
  /** How long creation waits for Redis before returning (the store reconnects on its own). */
  readonly startupWaitMs?: number;
  readonly maxRetryDelayMs?: number;
}

/** Expired entries swept on every put, whether or not the store looks full. */
const sweepBatch = 256;

// Shared by both scripts: Redis's clock, and undoing an entry's counts.
const luaCommon = `
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function forget(expiryKey, metaKey, bytesKey, ownerPrefix, entryPrefix, id)
  local meta = redis.call('HGET', metaKey, id)
  if meta then
    local sep = string.find(meta, ' ', 1, true)
    redis.call('DECRBY', bytesKey, tonumber(string.sub(meta, 1, sep - 1)))
    redis.call('ZREM', ownerPrefix .. string.sub(meta, sep + 1), id)
    redis.call('HDEL', metaKey, id)
  end
  redis.call('ZREM', expiryKey, id)
  redis.call('DEL', entryPrefix .. id)
end
local function sweep(expiryKey, metaKey, bytesKey, ownerPrefix, entryPrefix, limit)
  local gone = redis.call('ZRANGEBYSCORE', expiryKey, '-inf', now, 'LIMIT', 0, limit)
  for _, id in ipairs(gone) do forget(expiryKey, metaKey, bytesKey, ownerPrefix, entryPrefix, id) end
end
`;

// KEYS: entry, expiry, meta, bytes, owner zset, salt. ARGV: id, box, ttlMs, owner hash,
// maxEntries, maxTotalLength, maxEntriesPerAddress, owner key prefix, entry key prefix, keepMs,
// batch, the salt the owner was hashed with. Returns {1, ms left} or {0, reason}; reason 'salt'
// when the salt in Redis is another one (Redis lost its data and another instance seeded it).
const putScript = `${luaCommon}
local salt = redis.call('GET', KEYS[6])
if not salt then redis.call('SET', KEYS[6], ARGV[12]) elseif salt ~= ARGV[12] then return {0, 'salt'} end
local id, box, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3])
local ownerPrefix, entryPrefix, keep = ARGV[8], ARGV[9], tonumber(ARGV[10])
local function sweepSome(limit) sweep(KEYS[2], KEYS[3], KEYS[4], ownerPrefix, entryPrefix, limit) end
-- Bookkeeping outlives every entry it counts: lengthened, never shortened (an instance with a
-- shorter longest TTL must not cut another's short).
local function keepFor(key)
  local left = redis.call('PTTL', key)
  if left ~= -2 and left < keep then redis.call('PEXPIRE', key, keep) end
end
sweepSome(tonumber(ARGV[11]))
local existing = redis.call('GET', KEYS[1])
if existing then
  if existing ~= box then return {0, 'exists'} end
  local left = redis.call('PTTL', KEYS[1])
  if left < ttl then
    redis.call('PEXPIRE', KEYS[1], ttl)
    redis.call('ZADD', KEYS[2], 'XX', now + ttl, id)
    local meta = redis.call('HGET', KEYS[3], id)
    if meta then
      local ownerKey = ownerPrefix .. string.sub(meta, string.find(meta, ' ', 1, true) + 1)
      redis.call('ZADD', ownerKey, 'XX', now + ttl, id)
      keepFor(ownerKey)
    end
    for i = 2, 4 do keepFor(KEYS[i]) end
    left = ttl
  end
  return {1, left}
end
-- Counts of an entry Redis dropped on its own (evicted, or expired before its sweep).
forget(KEYS[2], KEYS[3], KEYS[4], ownerPrefix, entryPrefix, id)
local function full()
  return redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[5]) or tonumber(redis.call('GET', KEYS[4]) or '0') + #box > tonumber(ARGV[6])
end
redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now)
if redis.call('ZCARD', KEYS[5]) >= tonumber(ARGV[7]) then return {0, 'address-full'} end
if full() then
  sweepSome(-1)
  if full() then return {0, 'store-full'} end
end
redis.call('SET', KEYS[1], box, 'PX', ttl)
redis.call('ZADD', KEYS[2], now + ttl, id)
redis.call('HSET', KEYS[3], id, #box .. ' ' .. ARGV[4])
redis.call('INCRBY', KEYS[4], #box)
redis.call('ZADD', KEYS[5], now + ttl, id)
for i = 2, 5 do keepFor(KEYS[i]) end
return {1, ttl}
`;

// KEYS: expiry, meta, bytes. ARGV: owner key prefix, entry key prefix. Returns {entries, bytes}.
const sizeScript = `${luaCommon}
sweep(KEYS[1], KEYS[2], KEYS[3], ARGV[1], ARGV[2], -1)
return {redis.call('ZCARD', KEYS[1]), tonumber(redis.call('GET', KEYS[3]) or '0')}
`;

interface InviteCommands {
  bridgeboardInvitePut(...args: (string | number)[]): Promise<[number, string | number]>;
  bridgeboardInviteSize(...args: (string | number)[]): Promise<[number, number]>;
}

export async function createRedisInviteStore(options: RedisInviteStoreOptions): Promise<InviteStore> {
  const { prefix, limits } = options;
  const log = throttleWarnings(options.log, Date.now);
  const client = new Redis(options.url, {
    ...redisClientOptions('bridgeboard-invites', options.maxRetryDelayMs ?? 5_000),
    commandTimeout: options.commandTimeoutMs ?? 2_000,
  });
  client.defineCommand('bridgeboardInvitePut', { numberOfKeys: 6, lua: putScript });
  client.defineCommand('bridgeboardInviteSize', { numberOfKeys: 3, lua: sizeScript });
  const commands = client as unknown as InviteCommands;
  const entryPrefix = `${prefix}invite:`;
  const ownerPrefix = `${prefix}invites:owner:`;
  const expiryKey = `${prefix}invites:expiry`;
  const metaKey = `${prefix}invites:meta`;
  const bytesKey = `${prefix}invites:bytes`;
  const saltKey = `${prefix}invites:salt`;
  // Every entry is gone a longest TTL after it was put; a minute more for the sweep.
  const keepMs = limits.maxTtlSeconds * 1000 + 60_000;

  let downSince: number | undefined = Date.now();
  let everUp = false;
  client.on('error', (e: Error & { code?: unknown }) => {
    if (isAuthError(e)) return log.warn('signaling.invites.redis.authFailed');
    const code = typeof e.code === 'string' && /^[A-Z_]{2,32}$/.test(e.code) ? `.${e.code}` : '';
    log.warn(`signaling.invites.redis.error${code}`);
  });
  client.on('close', () => {
    downSince ??= Date.now();
  });
  client.on('ready', () => {
    if (downSince === undefined) return;
    log.info(everUp ? 'signaling.invites.redis.up' : 'signaling.invites.redis.connected', { downMs: everUp ? Date.now() - downSince : 0 });
    downSince = undefined;
    everUp = true;
  });

  // The salt every instance hashes owners with: the first instance sets it, the others read it.
  let salt: Promise<string> | undefined;
  const saltValue = () => {
    salt ??= (async () => {
      await client.set(saltKey, randomBytes(32).toString('base64url'), 'NX');
      const value = await client.get(saltKey);
      if (!value) throw new Error('invite salt missing');
      return value;
    })().catch((e: unknown) => {
      salt = undefined;
      throw e;
    });
    return salt;
  };
  const ownerHash = (value: string, owner: string) => createHmac('sha256', value).update(owner).digest('base64url').slice(0, 32);

  const startupWaitMs = options.startupWaitMs ?? 5_000;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, startupWaitMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once('ready', done);
    client.once('error', done);
    client.connect().catch(() => undefined);
  });

  return {
    async put({ id, box, expiresAt, owner }, now): Promise<InvitePutOutcome> {
      const ttlMs = Math.max(1, Math.round(expiresAt - now));
      // Twice at most: once more with the salt read afresh if Redis holds another one.
      for (let attempt = 0; attempt < 2; attempt++) {
        const value = await saltValue();
        const hash = ownerHash(value, owner);
        const [ok, answer] = await commands.bridgeboardInvitePut(
          `${entryPrefix}${id}`, expiryKey, metaKey, bytesKey, `${ownerPrefix}${hash}`, saltKey,
          id, box, ttlMs, hash, limits.maxEntries, limits.maxTotalLength, limits.maxEntriesPerAddress, ownerPrefix, entryPrefix, keepMs, sweepBatch, value,
        );
        if (ok === 1) return { ok: true, expiresAt: now + Number(answer) };
        if (answer === 'exists' || answer === 'address-full' || answer === 'store-full') return { ok: false, reason: answer };
        if (answer !== 'salt') break;
        salt = undefined;
      }
      throw new Error('unexpected reply from the invite put script');
    },
    async get(id) {
      return client.get(`${entryPrefix}${id}`);
    },
    async size() {
      const [entries, bytes] = await commands.bridgeboardInviteSize(expiryKey, metaKey, bytesKey, ownerPrefix, entryPrefix);
      return { entries: Number(entries), bytes: Number(bytes) };
    },
    async close() {
      await Promise.race([client.quit().catch(() => undefined), new Promise((r) => setTimeout(r, 1_000).unref())]);
      client.disconnect();
    },
  };
}
