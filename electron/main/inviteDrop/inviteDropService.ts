// The invite drop on a signaling connection: parses an `invite-put` or `invite-get` message
// (shared/room/inviteDropProtocol.ts), holds the client address to its put and get rates, asks
// the store and answers with one frame. Every refusal is answered with its reason, never
// silently dropped, and never logged with the id, the box or the address.
import { inviteDropRequestSchema, type InviteDropRefusal, type InviteDropReply } from '../../../shared/room/inviteDropProtocol';
import { inviteIdPattern } from '../../../shared/room/shortInviteBox';
import { createTokenBucket, type TokenBucket } from '../signaling/tokenBucket';
import { createMemoryInviteStore } from './memoryInviteStore';
import { resolveInviteDropLimits, type InviteDropLimits, type InviteStore } from './inviteStore';

export interface InviteDropOptions {
  readonly limits?: Partial<InviteDropLimits>;
  /** Defaults to one in this process's memory. */
  readonly store?: InviteStore;
}

export interface InviteDropCounters {
  stored: number;
  found: number;
  refused: Record<InviteDropRefusal, number>;
}

export interface InviteDrop {
  readonly limits: InviteDropLimits;
  readonly counters: InviteDropCounters;
  /** The reply frame to a parsed-as-JSON message whose type is invite-put or invite-get. */
  handle(message: unknown, address: string): Promise<string>;
  /** Forgets rate buckets that are full again (called from the server's sweep). */
  prune(): void;
  close(): Promise<void>;
}

export function createInviteDrop(options: InviteDropOptions = {}, now: () => number = Date.now): InviteDrop {
  const limits = resolveInviteDropLimits(options.limits ?? {});
  const store = options.store ?? createMemoryInviteStore(limits);
  const counters: InviteDropCounters = { stored: 0, found: 0, refused: { 'not-found': 0, malformed: 0, 'too-large': 0, 'bad-ttl': 0, exists: 0, 'address-full': 0, 'store-full': 0, rate: 0, unavailable: 0 } };
  const puts = new Map<string, TokenBucket>();
  const gets = new Map<string, TokenBucket>();
  const bucket = (map: Map<string, TokenBucket>, address: string, burst: number, perMinute: number) => {
    let b = map.get(address);
    if (!b) map.set(address, (b = createTokenBucket(perMinute / 60, burst, now)));
    return b;
  };

  const reply = (frame: InviteDropReply): string => {
    if (frame.type === 'invite-refused') counters.refused[frame.reason]++;
    else if (frame.type === 'invite-stored') counters.stored++;
    else counters.found++;
    return JSON.stringify(frame);
  };
  const refuse = (id: unknown, reason: InviteDropRefusal) => reply({ type: 'invite-refused', id: typeof id === 'string' && inviteIdPattern.test(id) ? id : '', reason });

  const handle = async (message: unknown, address: string): Promise<string> => {
    const id = (message as { id?: unknown } | null)?.id;
    const type = (message as { type?: unknown } | null)?.type;
    // Size and TTL first, so the sender hears which limit it met rather than 'malformed'.
    if (type === 'invite-put') {
      const { box, ttl } = message as { box?: unknown; ttl?: unknown };
      if (typeof box === 'string' && box.length > limits.maxBoxLength) return refuse(id, 'too-large');
      if (typeof ttl === 'number' && (!Number.isInteger(ttl) || ttl <= 0 || ttl > limits.maxTtlSeconds)) return refuse(id, 'bad-ttl');
    }
    const parsed = inviteDropRequestSchema.safeParse(message);
    if (!parsed.success) return refuse(id, 'malformed');
    const request = parsed.data;
    try {
      if (request.type === 'invite-put') {
        if (!bucket(puts, address, limits.putBurst, limits.putsPerMinute).take()) return refuse(request.id, 'rate');
        const t = now();
        const outcome = await store.put({ id: request.id, box: request.box, expiresAt: t + request.ttl * 1000, owner: address }, t);
        return outcome.ok ? reply({ type: 'invite-stored', id: request.id, expiresAt: outcome.expiresAt }) : refuse(request.id, outcome.reason);
      }
      if (!bucket(gets, address, limits.getBurst, limits.getsPerMinute).take()) return refuse(request.id, 'rate');
      const box = await store.get(request.id, now());
      return box === null ? refuse(request.id, 'not-found') : reply({ type: 'invite-found', id: request.id, box });
    } catch {
      // A shared store that is down: the client says the server could not help, and why.
      return refuse(request.id, 'unavailable');
    }
  };

  return {
    limits,
    counters,
    handle,
    prune: () => {
      for (const map of [puts, gets]) for (const [address, b] of map) if (b.isFull()) map.delete(address);
    },
    close: () => store.close(),
  };
}

/** Counts for the server's stats line: numbers only, never an id, a box or an address. */
export function flattenInviteCounters(counters: InviteDropCounters): Record<string, number> {
  const flat: Record<string, number> = { 'invites.stored': counters.stored, 'invites.found': counters.found };
  for (const [reason, n] of Object.entries(counters.refused)) flat[`invites.refused.${reason}`] = n;
  return flat;
}
