// Where a room's server keeps sealed invites (the short code's boxes) until they expire. The
// store sees a lookup id, an opaque box, an expiry and which client address left it, nothing
// more. One interface, so a store shared by several signaling instances (Redis, beside the
// topic bus) can replace the in-memory one (memoryInviteStore.ts); calls are async for that.
import { z } from 'zod';

export type InvitePutOutcome =
  | { readonly ok: true; readonly expiresAt: number }
  | { readonly ok: false; readonly reason: 'exists' | 'address-full' | 'store-full' };

export interface InviteStore {
  /** Keeps `box` under `id` until `expiresAt` (ms). Putting the same box again renews it; a
   * different box under a live id is refused ('exists'): whoever wrote it first keeps it. */
  put(entry: { readonly id: string; readonly box: string; readonly expiresAt: number; readonly owner: string }, now: number): Promise<InvitePutOutcome>;
  /** The live box under `id`, or null. */
  get(id: string, now: number): Promise<string | null>;
  /** Counts only, for stats and tests. */
  size(now: number): Promise<{ readonly entries: number; readonly bytes: number }>;
  close(): Promise<void>;
}

export interface InviteDropLimits {
  /** Longest box kept, in characters (base64url); a full invite's box is at most ~2.9k. */
  readonly maxBoxLength: number;
  /** Longest time a box is kept, whatever the client asks. */
  readonly maxTtlSeconds: number;
  /** Live boxes in the whole store. */
  readonly maxEntries: number;
  /** Characters of live boxes in the whole store. */
  readonly maxTotalLength: number;
  /** Live boxes one client address may have left: a facilitator needs one per room. */
  readonly maxEntriesPerAddress: number;
  /** Puts per client address: a bucket of this size, refilled at putsPerMinute. */
  readonly putBurst: number;
  readonly putsPerMinute: number;
  /** Gets per client address, likewise: a room's joiners behind one NAT ask at once. */
  readonly getBurst: number;
  readonly getsPerMinute: number;
}

export const defaultInviteDropLimits: InviteDropLimits = Object.freeze({
  maxBoxLength: 4096,
  maxTtlSeconds: 7 * 24 * 3600,
  maxEntries: 4096,
  maxTotalLength: 8 * 1024 * 1024,
  maxEntriesPerAddress: 32,
  putBurst: 10,
  putsPerMinute: 30,
  getBurst: 60,
  getsPerMinute: 120,
});

const positiveInt = z.number().int().positive().max(2 ** 31);
const limitsSchema = z.strictObject({
  maxBoxLength: positiveInt.min(64).optional(),
  maxTtlSeconds: positiveInt.optional(),
  maxEntries: positiveInt.optional(),
  maxTotalLength: positiveInt.optional(),
  maxEntriesPerAddress: positiveInt.optional(),
  putBurst: positiveInt.optional(),
  putsPerMinute: positiveInt.optional(),
  getBurst: positiveInt.optional(),
  getsPerMinute: positiveInt.optional(),
});

/** Merges overrides onto the defaults; throws a ZodError on nonsense. */
export function resolveInviteDropLimits(input: unknown = {}): InviteDropLimits {
  const parsed = limitsSchema.parse(input);
  const merged: Record<string, number> = { ...defaultInviteDropLimits };
  for (const [key, value] of Object.entries(parsed)) if (value !== undefined) merged[key] = value;
  return Object.freeze(merged as unknown as InviteDropLimits);
}
