// The identity key store with real Ed25519 keys, real files and a fake keyring that really
// encrypts: keys survive restarts, never sit on disk in the clear, and failures say why.
import { verify, createPublicKey } from 'node:crypto';
import { mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASIC_TEXT_WARNING, IdentityError, IdentityStore, identityFilePath } from '../../../electron/main/identity';
import { fingerprintOf, fromBase64url, sealMessage, signingMessage } from '../../../shared/crypto';
import { fakeSafeStorage } from '../../support/fakeSafeStorage';

const input = { charterId: 'ws-1', version: 1, digest: 'a'.repeat(64), signedAt: '2026-11-24T22:00:00Z' };

async function tempFile(): Promise<string> {
  return identityFilePath(await mkdtemp(join(tmpdir(), 'bb-identity-')), 'default');
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    return err instanceof IdentityError ? err.code : `other: ${String(err)}`;
  }
}

describe('IdentityStore', () => {
  it('creates a key once, reloads it after a restart, and signs verifiable charter messages', async () => {
    const filePath = await tempFile();
    const first = await new IdentityStore({ filePath, safeStorage: fakeSafeStorage(), platform: 'linux' }).ensure();
    const store = new IdentityStore({ filePath, safeStorage: fakeSafeStorage(), platform: 'linux' });
    const again = await store.ensure();
    expect(again.publicKey).toBe(first.publicKey);
    expect(again.fingerprint).toBe(fingerprintOf(fromBase64url(first.publicKey)));
    expect(again.fingerprint).toMatch(/^\d{5}( \d{5}){5}$/);

    const signature = store.signCharter(input);
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: first.publicKey }, format: 'jwk' });
    expect(verify(null, signingMessage(input), key, Buffer.from(fromBase64url(signature)))).toBe(true);
    const sealInput = { ...input, signatureCount: 3, signaturesDigest: 'b'.repeat(64) };
    expect(verify(null, sealMessage(sealInput), key, Buffer.from(fromBase64url(store.signSeal(sealInput))))).toBe(true);
    expect(verify(null, signingMessage(input), key, Buffer.from(fromBase64url(store.signSeal(sealInput))))).toBe(false);
  });

  it('never writes the private key in the clear, and leaves no temp files', async () => {
    const filePath = await tempFile();
    const store = new IdentityStore({ filePath, safeStorage: fakeSafeStorage(), platform: 'linux' });
    await store.ensure();
    const text = await readFile(filePath, 'utf8');
    const file = JSON.parse(text) as { encryptedPrivateKey: string };
    expect(text).not.toContain('PRIVATE KEY');
    expect(Buffer.from(file.encryptedPrivateKey, 'base64').toString('latin1')).not.toMatch(/^MC4CAQAw/); // PKCS#8 Ed25519 prefix in base64
    expect((await readdir(join(filePath, '..'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('reports a missing key', async () => {
    const store = new IdentityStore({ filePath: await tempFile(), safeStorage: fakeSafeStorage() });
    expect(await codeOf(store.load())).toBe('missing-key');
    expect(() => store.signCharter(input)).toThrow(IdentityError);
  });

  it('reports a key the current keyring cannot decrypt, naming both backends', async () => {
    const filePath = await tempFile();
    await new IdentityStore({ filePath, safeStorage: fakeSafeStorage({ keyringSecret: 'gnome', backend: 'gnome_libsecret' }), platform: 'linux' }).ensure();
    const other = new IdentityStore({ filePath, safeStorage: fakeSafeStorage({ keyringSecret: 'kde', backend: 'kwallet6' }), platform: 'linux' });
    const error = await other.load().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(IdentityError);
    expect((error as IdentityError).code).toBe('undecryptable');
    expect((error as IdentityError).message).toContain('"gnome_libsecret"');
    expect((error as IdentityError).message).toContain('"kwallet6"');
    // ensure() must not silently replace a key it cannot read.
    expect(await codeOf(other.ensure())).toBe('undecryptable');
    const replaced = await other.create({ replace: true });
    expect(replaced.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it.each([
    ['not JSON', () => '{ nope'],
    ['wrong shape', () => JSON.stringify({ format: 'bridgeboard-identity' })],
  ])('reports a corrupt file: %s', async (_name, content) => {
    const filePath = await tempFile();
    await new IdentityStore({ filePath, safeStorage: fakeSafeStorage() }).ensure();
    await writeFile(filePath, content());
    expect(await codeOf(new IdentityStore({ filePath, safeStorage: fakeSafeStorage() }).load())).toBe('corrupt-file');
  });

  it('reports a file whose public key was swapped', async () => {
    const a = await tempFile();
    const b = await tempFile();
    await new IdentityStore({ filePath: a, safeStorage: fakeSafeStorage() }).ensure();
    const other = await new IdentityStore({ filePath: b, safeStorage: fakeSafeStorage() }).ensure();
    const file = JSON.parse(await readFile(a, 'utf8')) as Record<string, unknown>;
    await writeFile(a, JSON.stringify({ ...file, publicKey: other.publicKey }));
    expect(await codeOf(new IdentityStore({ filePath: a, safeStorage: fakeSafeStorage() }).load())).toBe('corrupt-file');
  });

  it('says plainly when Linux falls back to basic_text', async () => {
    const store = new IdentityStore({ filePath: await tempFile(), safeStorage: fakeSafeStorage({ backend: 'basic_text' }), platform: 'linux' });
    const identity = await store.ensure();
    expect(identity.protection).toMatchObject({ backend: 'basic_text', weak: true, warning: BASIC_TEXT_WARNING });
    const mac = await new IdentityStore({ filePath: await tempFile(), safeStorage: fakeSafeStorage({ backend: 'basic_text' }), platform: 'darwin' }).protection();
    expect(mac).toMatchObject({ backend: 'os', weak: false, warning: null });
  });

  it('refuses to store a key when encryption is unavailable', async () => {
    const store = new IdentityStore({ filePath: await tempFile(), safeStorage: fakeSafeStorage({ available: false }) });
    expect(await codeOf(store.ensure())).toBe('encryption-unavailable');
  });

  it('re-encrypts when the keyring asks for it', async () => {
    const filePath = await tempFile();
    await new IdentityStore({ filePath, safeStorage: fakeSafeStorage() }).ensure();
    const before = await readFile(filePath, 'utf8');
    const storage = fakeSafeStorage({ reEncrypt: true });
    await new IdentityStore({ filePath, safeStorage: storage }).load();
    expect(storage.encryptCalls).toBe(1);
    expect(await readFile(filePath, 'utf8')).not.toBe(before);
  });

  it('rejects profile names that could escape the identity folder', () => {
    expect(() => identityFilePath('/data', '../x')).toThrow();
  });
});
