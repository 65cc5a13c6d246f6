// The browser's device vault: per workshop, what this device keeps outside the doc (room secret,
// network credentials, pinned keys, vote secrets, ballots), in IndexedDB beside the workshop.
// Removing the workshop removes its entries in the same transaction (browserStorage.remove).
import { VAULT_ENTRIES_MAX, vaultKeySchema, vaultValueSchema } from '../../../shared/protocol/vaultSchemas';
import { HostError, type DeviceVault } from './Host';
import type { DatabaseOpener } from './browserStorage';
import { hostError } from './browserStoredWorkshop';
import { BY_WORKSHOP, inTransaction, VAULT } from './idb';

interface VaultRow {
  readonly workshopId: string;
  readonly key: string;
  readonly value: string;
}

function checkId(id: unknown): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 100) throw new HostError('invalid-request', 'Invalid workshop id.');
  return id;
}

export function createBrowserVault(db: DatabaseOpener): DeviceVault {
  return {
    async read(workshopId) {
      const id = checkId(workshopId);
      try {
        const database = await db();
        const rows = await inTransaction(database, [VAULT], 'readonly', (tx) => {
          const request = tx.objectStore(VAULT).index(BY_WORKSHOP).getAll(id);
          return () => request.result as VaultRow[];
        });
        const out: Record<string, string> = {};
        for (const row of rows) if (vaultKeySchema.safeParse(row.key).success && vaultValueSchema.safeParse(row.value).success) out[row.key] = row.value;
        return out;
      } catch (e) {
        throw hostError('storage-failed', 'Reading this device’s workshop settings', e);
      }
    },
    async write(workshopId, key, value) {
      const id = checkId(workshopId);
      if (!vaultKeySchema.safeParse(key).success) throw new HostError('invalid-request', 'Invalid vault key.');
      if (value !== null && !vaultValueSchema.safeParse(value).success) throw new HostError('too-large', 'That setting is too large to keep.');
      let full = false;
      try {
        const database = await db();
        await inTransaction(database, [VAULT], 'readwrite', (tx) => {
          const store = tx.objectStore(VAULT);
          if (value === null) {
            store.delete([id, key]);
            return () => undefined;
          }
          const existing = store.get([id, key]);
          const count = store.index(BY_WORKSHOP).count(id);
          count.onsuccess = () => {
            if (existing.result === undefined && count.result >= VAULT_ENTRIES_MAX) {
              full = true;
              return tx.abort();
            }
            store.put({ workshopId: id, key, value } satisfies VaultRow);
          };
          return () => undefined;
        });
      } catch (e) {
        if (full) throw new HostError('too-large', `This device keeps at most ${VAULT_ENTRIES_MAX} settings per workshop.`);
        throw hostError('storage-failed', 'Saving this device’s workshop settings', e);
      }
    },
  };
}
