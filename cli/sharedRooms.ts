// `--redis URL` for `signal` and `serve`: the bus through which this instance shares rooms with
// every other instance using the same Redis, sized to the server's limits.
import { busLimitsFor, type SignalingBus } from '../electron/main/signaling/signalingBus';
import type { SignalingLimits } from '../electron/main/signaling/signalingLimits';
import type { SignalingLogger } from '../electron/main/signaling/signalingLog';
import { createRedisBus, redactRedisUrl, RedisBusError } from '../electron/main/signaling/redisBus';
import type { RedisOption } from './signalOptions';

export type OpenedBus = { readonly ok: true; readonly bus: SignalingBus | undefined; readonly note?: string } | { readonly ok: false; readonly error: string };

export async function openSharedRooms(redis: RedisOption | null, limits: SignalingLimits, log: SignalingLogger): Promise<OpenedBus> {
  if (redis === null) return { ok: true, bus: undefined };
  try {
    const bus = await createRedisBus({ url: redis.url, prefix: redis.prefix, limits: busLimitsFor(limits.maxMessageBytes, limits.maxTopicLength), maxTopicLength: limits.maxTopicLength, log });
    const state = bus.stats().up === 1 ? 'connected' : 'not reachable yet: serving this instance\'s clients alone and retrying';
    return { ok: true, bus, note: `  sharing rooms through Redis at ${redactRedisUrl(redis.url)} (channels ${redis.prefix}room:*), ${state}` };
  } catch (e) {
    if (e instanceof RedisBusError) return { ok: false, error: e.message };
    throw e;
  }
}
