// The slice of Electron's safeStorage the key store uses (Electron 45's async API), as an
// interface so tests inject a fake with real encryption and real files, and no Electron.
import type { SafeStorage } from 'electron';

export type StorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  /** Linux only in Electron; absent or throwing elsewhere. */
  getSelectedStorageBackend?(): StorageBackend;
}

// Compile-time proof that the real module fits, so a change in Electron's API breaks the build here.
export const fromElectron = (safeStorage: SafeStorage): SafeStorageLike => safeStorage;
