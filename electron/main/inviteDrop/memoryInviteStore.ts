// The invite store in this process's memory: what the facilitator's LAN port and a single
// `bridgeboard serve`/`signal` instance use. Bounded in entries, characters and entries per
// address; expired boxes are dropped when met and swept before the store counts itself full.
// A restart forgets every box: the facilitator's app leaves it again when the invite is shown.
import type { InviteDropLimits, InvitePutOutcome, InviteStore } from './inviteStore';

interface Entry {
  readonly box: string;
  expiresAt: number;
  readonly owner: string;
}

export function createMemoryInviteStore(limits: Pick<InviteDropLimits, 'maxEntries' | 'maxTotalLength' | 'maxEntriesPerAddress'>): InviteStore {
  const entries = new Map<string, Entry>();
  const perOwner = new Map<string, number>();
  let total = 0;

  const remove = (id: string, entry: Entry) => {
    entries.delete(id);
    total -= entry.box.length;
    const left = (perOwner.get(entry.owner) ?? 1) - 1;
    if (left <= 0) perOwner.delete(entry.owner);
    else perOwner.set(entry.owner, left);
  };
  const sweep = (now: number) => {
    for (const [id, entry] of entries) if (entry.expiresAt <= now) remove(id, entry);
  };
  const live = (id: string, now: number): Entry | undefined => {
    const entry = entries.get(id);
    if (entry && entry.expiresAt <= now) {
      remove(id, entry);
      return undefined;
    }
    return entry;
  };

  return {
    put: async ({ id, box, expiresAt, owner }, now): Promise<InvitePutOutcome> => {
      const existing = live(id, now);
      if (existing) {
        if (existing.box !== box) return { ok: false, reason: 'exists' };
        existing.expiresAt = Math.max(existing.expiresAt, expiresAt);
        return { ok: true, expiresAt: existing.expiresAt };
      }
      const full = () => entries.size >= limits.maxEntries || total + box.length > limits.maxTotalLength || (perOwner.get(owner) ?? 0) >= limits.maxEntriesPerAddress;
      if (full()) sweep(now);
      if ((perOwner.get(owner) ?? 0) >= limits.maxEntriesPerAddress) return { ok: false, reason: 'address-full' };
      if (full()) return { ok: false, reason: 'store-full' };
      entries.set(id, { box, expiresAt, owner });
      perOwner.set(owner, (perOwner.get(owner) ?? 0) + 1);
      total += box.length;
      return { ok: true, expiresAt };
    },
    get: async (id, now) => live(id, now)?.box ?? null,
    size: async (now) => {
      sweep(now);
      return { entries: entries.size, bytes: total };
    },
    close: async () => {
      entries.clear();
      perOwner.clear();
      total = 0;
    },
  };
}
