// `--redis URL` for `signal` and `serve`: the bus through which this instance shares rooms with
// every other instance using the same Redis, sized to the server's limits, and the invite store
// in that Redis, so a short code left through one instance is found through any other.
import { busLimitsFor, type SignalingBus } from '../electron/main/signaling/signalingBus';
import type { SignalingLimits } from '../electron/main/signaling/signalingLimits';
import type { SignalingLogger } from '../electron/main/signaling/signalingLog';
import { createRedisBus, redactRedisUrl, RedisBusError } from '../electron/main/signaling/redisBus';
import { resolveInviteDropLimits } from '../electron/main/inviteDrop/inviteStore';
import type { InviteDropOptions } from '../electron/main/inviteDrop/inviteDropService';
import { createRedisInviteStore } from '../electron/main/inviteDrop/redisInviteStore';
import type { RedisOption } from './signalOptions';

export type OpenedBus =
  | { readonly ok: true; readonly bus: SignalingBus | undefined; readonly invites: InviteDropOptions | false; readonly note?: string; closeUnused(): Promise<void> }
  | { readonly ok: false; readonly error: string };

export async function openSharedRooms(redis: RedisOption | null, limits: SignalingLimits, log: SignalingLogger, invites: InviteDropOptions | false): Promise<OpenedBus> {
  if (redis === null) return { ok: true, bus: undefined, invites, closeUnused: async () => undefined };
  let bus: SignalingBus;
  try {
    bus = await createRedisBus({ url: redis.url, prefix: redis.prefix, limits: busLimitsFor(limits.maxMessageBytes, limits.maxTopicLength), maxTopicLength: limits.maxTopicLength, log });
  } catch (e) {
    if (e instanceof RedisBusError) return { ok: false, error: e.message };
    throw e;
  }
  const state = bus.stats().up === 1 ? 'connected' : 'not reachable yet: serving this instance\'s clients alone and retrying';
  let note = `  sharing rooms through Redis at ${redactRedisUrl(redis.url)} (channels ${redis.prefix}room:*), ${state}`;
  let shared: InviteDropOptions | false = false;
  if (invites !== false) {
    // The bus has waited for Redis already: the store's own wait is only for its connection.
    const inviteLimits = resolveInviteDropLimits(invites.limits ?? {});
    const store = invites.store ?? (await createRedisInviteStore({ url: redis.url, prefix: redis.prefix, limits: inviteLimits, log, startupWaitMs: bus.stats().up === 1 ? 5_000 : 0 }));
    shared = { ...invites, limits: inviteLimits, store };
    note += `\n  short codes kept in the same Redis (keys ${redis.prefix}invite:*)`;
  }
  // When the server never starts: it closes both itself once it has them.
  const closeUnused = async () => {
    await bus.close();
    if (shared !== false) await shared.store?.close();
  };
  return { ok: true, bus, invites: shared, note, closeUnused };
}
