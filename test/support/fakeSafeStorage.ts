// A stand-in for Electron's safeStorage with the same async interface and real encryption
// (AES-256-GCM under a per-"keyring" secret), so tests can play a keyring change or a broken one.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { SafeStorageLike, StorageBackend } from '../../electron/main/identity';

export interface FakeSafeStorage extends SafeStorageLike {
  encryptCalls: number;
}

export function fakeSafeStorage(opts: { keyringSecret?: string; backend?: StorageBackend; available?: boolean; reEncrypt?: boolean } = {}): FakeSafeStorage {
  const key = createHash('sha256').update(opts.keyringSecret ?? 'keyring-1').digest();
  const fake: FakeSafeStorage = {
    encryptCalls: 0,
    isAsyncEncryptionAvailable: async () => opts.available ?? true,
    getSelectedStorageBackend: () => opts.backend ?? 'gnome_libsecret',
    async encryptStringAsync(plainText) {
      fake.encryptCalls += 1;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decryptStringAsync(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      const result = Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
      return { shouldReEncrypt: opts.reEncrypt ?? false, result };
    },
  };
  return fake;
}
