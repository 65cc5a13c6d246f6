// A workshop vault in memory, with the interface of core/workshopVault.ts, for tests of the
// services that keep device-local entries (room settings, pinned keys, ballots).
import type { WorkshopVault } from '../../renderer/src/core/workshopVault';

export function memoryVault(workshopId: string, entries: Map<string, string> = new Map()): WorkshopVault & { readonly entries: Map<string, string> } {
  return {
    workshopId,
    entries,
    get: (key) => entries.get(key) ?? null,
    set: (key, value) => {
      if (value === null) entries.delete(key);
      else entries.set(key, value);
    },
    flush: async () => undefined,
    close: () => undefined,
  };
}
