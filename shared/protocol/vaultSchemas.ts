// The device vault's limits, shared by its two implementations (the desktop app's main process
// and the browser's IndexedDB) and the IPC contract: what a key and a value may be, and how many
// entries one workshop may keep.
import { z } from 'zod';

export const VAULT_KEY = /^[A-Za-z0-9_.:-]{1,200}$/;
export const VAULT_VALUE_MAX = 64 * 1024;
export const VAULT_ENTRIES_MAX = 1000;

export const vaultKeySchema = z.string().regex(VAULT_KEY);
export const vaultValueSchema = z.string().max(VAULT_VALUE_MAX);
export const vaultEntriesSchema = z.record(vaultKeySchema, vaultValueSchema);
