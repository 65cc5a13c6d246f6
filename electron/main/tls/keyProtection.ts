// How a TLS private key is kept at rest. In the desktop app it is encrypted with safeStorage,
// exactly like the identity key, and decrypted only in the main process. On a server (the CLI)
// there is no keyring: the key file is readable by its owner alone (0600 in a 0700 folder), as
// web servers keep theirs, and says so.
import type { SafeStorageLike } from '../identity/safeStorageLike';

export interface KeyProtection {
  readonly kind: 'safeStorage' | 'file-permissions';
  /** Null when keys can be kept; otherwise why not, in a sentence for the user. */
  problem(): Promise<string | null>;
  seal(plain: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

export function safeStorageProtection(safeStorage: SafeStorageLike): KeyProtection {
  return {
    kind: 'safeStorage',
    problem: async () =>
      (await safeStorage.isAsyncEncryptionAvailable()) ? null : 'This computer cannot encrypt secrets for Bridgeboard, so the room’s TLS key cannot be stored. Unlock or install a keyring and restart.',
    seal: async (plain) => (await safeStorage.encryptStringAsync(plain)).toString('base64'),
    open: async (sealed) => (await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'))).result,
  };
}

/** For `bridgeboard serve`: the file's permissions are the protection. */
export const filePermissionProtection: KeyProtection = {
  kind: 'file-permissions',
  problem: async () => null,
  seal: async (plain) => plain,
  open: async (sealed) => sealed,
};
