// How well the OS protects the stored key. On Linux without a keyring, Electron falls back to
// 'basic_text': a hard-coded password, i.e. anyone who can read the file can use the key. The
// app must say so plainly rather than imply the key is safe.
import type { SafeStorageLike, StorageBackend } from './safeStorageLike';

export interface StorageProtection {
  readonly available: boolean;
  /** The Linux backend, or 'os' where the platform keystore is used (macOS Keychain, Windows DPAPI). */
  readonly backend: StorageBackend | 'os';
  /** True when the key is only obfuscated, not protected by the OS. */
  readonly weak: boolean;
  /** What to tell the user, in plain words; null when all is well. */
  readonly warning: string | null;
}

export const BASIC_TEXT_WARNING =
  'This computer has no password manager (keyring) that Bridgeboard can use, so your signing key is ' +
  'stored with only a built-in password. Anyone who can copy your files can sign charters as you. ' +
  'Install and unlock GNOME Keyring or KWallet, then create a new identity key.';

function backendOf(storage: SafeStorageLike, platform: NodeJS.Platform): StorageBackend | 'os' {
  if (platform !== 'linux' || !storage.getSelectedStorageBackend) return 'os';
  try {
    return storage.getSelectedStorageBackend();
  } catch {
    return 'unknown';
  }
}

export async function storageProtection(storage: SafeStorageLike, platform: NodeJS.Platform): Promise<StorageProtection> {
  const available = await storage.isAsyncEncryptionAvailable();
  const backend = backendOf(storage, platform);
  if (!available) {
    return { available, backend, weak: true, warning: 'This computer cannot encrypt secrets for Bridgeboard, so no signing key can be stored. Unlock or install a keyring and restart.' };
  }
  if (backend === 'basic_text') return { available, backend, weak: true, warning: BASIC_TEXT_WARNING };
  return { available, backend, weak: false, warning: null };
}
