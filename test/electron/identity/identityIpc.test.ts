// The identity channels end to end in Node: the real handler table and IPC dispatch over a real
// key store, so what the renderer receives is a public key and signatures that verify, and a
// keyring failure reaches it as a coded error with advice, never as a crash or the key itself.
import { mkdir, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/main/handlers';
import { ASK_AGAIN_AFTER_MS, IdentityStore, createIdentityService, identityFilePath, nativeReplaceConfirmation, type ReplaceDialogOptions } from '../../../electron/main/identity';
import { dispatch } from '../../../electron/main/ipc';
import { fromBase64url, sealMessage, signingMessage, verifyEd25519 } from '../../../shared/crypto';
import { frame, invokeEvent } from '../../support/ipcFakes';
import { fakeSafeStorage } from '../../support/fakeSafeStorage';

const options = { isOwnWebContents: (id: number) => id === 1 };
const event = invokeEvent(1, frame('app://bridgeboard/index.html'));
const input = { charterId: 'ws-1', version: 2, digest: 'c'.repeat(64), signedAt: '2026-11-24T22:00:00Z' };

async function handlersWith(safeStorage = fakeSafeStorage({ backend: 'gnome_libsecret' })) {
  const filePath = identityFilePath(await mkdtemp(join(tmpdir(), 'bb-ipc-id-')), 'default');
  const identity = createIdentityService(new IdentityStore({ filePath, safeStorage, platform: 'linux' }));
  return { filePath, handlers: createHandlers({ store: {} as never, files: {} as never, openExternal: async () => undefined, identity }) };
}

describe('identity over IPC', () => {
  it('gives the renderer the public key and signatures over the messages main builds', async () => {
    const { handlers } = await handlersWith();
    const got = await dispatch(handlers, options, 'identity:get', event, {});
    if (!got.ok) throw new Error(got.error.message);
    const id = got.value as { publicKey: string; fingerprint: string; protection: { warning: string | null } };
    expect(id.fingerprint).toMatch(/^\d{5}( \d{5}){5}$/);
    expect(id.protection.warning).toBeNull();
    expect(JSON.stringify(got)).not.toMatch(/private|pkcs8/i);

    const signed = await dispatch(handlers, options, 'identity:signCharter', event, { input });
    if (!signed.ok) throw new Error(signed.error.message);
    expect(verifyEd25519(fromBase64url(id.publicKey), signingMessage(input), fromBase64url(signed.value as string))).toBe(true);

    const sealInput = { ...input, signatureCount: 3, signaturesDigest: 'd'.repeat(64) };
    const sealed = await dispatch(handlers, options, 'identity:signSeal', event, { input: sealInput });
    if (!sealed.ok) throw new Error(sealed.error.message);
    expect(verifyEd25519(fromBase64url(id.publicKey), sealMessage(sealInput), fromBase64url(sealed.value as string))).toBe(true);
  });

  it.each([
    ['a newline smuggled into the charter id', { ...input, charterId: 'ws\nbridgeboard-charter-seal-v1' }],
    ['a digest that is not hex', { ...input, digest: 'z'.repeat(64) }],
    ['an extra field', { ...input, message: 'sign me' }],
  ])('refuses to sign %s', async (_what, bad) => {
    const { handlers } = await handlersWith();
    const result = await dispatch(handlers, options, 'identity:signCharter', event, { input: bad });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('says plainly when the key is only protected by the basic_text fallback', async () => {
    const { handlers } = await handlersWith(fakeSafeStorage({ backend: 'basic_text' }));
    const got = await dispatch(handlers, options, 'identity:get', event, {});
    expect(got).toMatchObject({ ok: true, value: { protection: { weak: true, backend: 'basic_text', warning: expect.stringMatching(/Anyone who can copy your files can sign charters as you/) } } });
  });

  it('reports a keyring that cannot decrypt the stored key as unavailable, with advice', async () => {
    const { handlers, filePath } = await handlersWith(fakeSafeStorage({ keyringSecret: 'first' }));
    expect((await dispatch(handlers, options, 'identity:get', event, {})).ok).toBe(true);
    const other = createIdentityService(new IdentityStore({ filePath, safeStorage: fakeSafeStorage({ keyringSecret: 'second' }), platform: 'linux' }));
    const later = createHandlers({ store: {} as never, files: {} as never, openExternal: async () => undefined, identity: other });
    const result = await dispatch(later, options, 'identity:signCharter', event, { input });
    expect(result).toMatchObject({ ok: false, error: { code: 'corrupt', message: expect.stringMatching(/keyring cannot unlock/) } });
  });

  it('replaces a key the keyring cannot decrypt: the old file is set aside, the new key signs', async () => {
    const { handlers, filePath } = await handlersWith(fakeSafeStorage({ keyringSecret: 'first' }));
    const first = await dispatch(handlers, options, 'identity:get', event, {});
    if (!first.ok) throw new Error(first.error.message);
    const oldKey = (first.value as { publicKey: string }).publicKey;
    const oldFile = await readFile(filePath);

    // Main asks the user itself, in a native dialog; the first time they cancel.
    const asked: ReplaceDialogOptions[] = [];
    const answers = [0, 1];
    let clock = 1_000_000;
    const confirmReplace = nativeReplaceConfirmation(
      async (dialog) => {
        asked.push(dialog);
        return { response: answers.shift() ?? 0 };
      },
      () => clock,
    );
    const other = createIdentityService(new IdentityStore({ filePath, safeStorage: fakeSafeStorage({ keyringSecret: 'second' }), platform: 'linux' }), { confirmReplace });
    const later = createHandlers({ store: {} as never, files: {} as never, openExternal: async () => undefined, identity: other });
    // 'corrupt': the key cannot be used as stored, which is what a replacement fixes.
    expect(await dispatch(later, options, 'identity:get', event, {})).toMatchObject({ ok: false, error: { code: 'corrupt', message: expect.stringMatching(/keyring cannot unlock/) } });

    expect(await dispatch(later, options, 'identity:replace', event, {})).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(Buffer.compare(await readFile(filePath), oldFile)).toBe(0);
    expect(asked[0]).toMatchObject({ message: 'Create a new signing key?', buttons: ['Cancel', 'Create new key'], defaultId: 0, cancelId: 0, detail: expect.stringMatching(/keyring cannot unlock[\s\S]*stay valid/) });

    // Asking again at once, after a Cancel, is declined without a dialog; later it asks again.
    expect(await dispatch(later, options, 'identity:replace', event, {})).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(asked).toHaveLength(1);
    clock += ASK_AGAIN_AFTER_MS;
    const replaced = await dispatch(later, options, 'identity:replace', event, {});
    expect(asked).toHaveLength(2);
    if (!replaced.ok) throw new Error(replaced.error.message);
    const newKey = (replaced.value as { publicKey: string }).publicKey;
    expect(newKey).not.toBe(oldKey);
    expect(JSON.stringify(replaced)).not.toMatch(/private|pkcs8/i);
    // Later calls use the new key, and what it signs verifies under it.
    expect(await dispatch(later, options, 'identity:get', event, {})).toMatchObject({ ok: true, value: { publicKey: newKey } });
    const signed = await dispatch(later, options, 'identity:signCharter', event, { input });
    if (!signed.ok) throw new Error(signed.error.message);
    expect(verifyEd25519(fromBase64url(newKey), signingMessage(input), fromBase64url(signed.value as string))).toBe(true);
    // The old key file is kept, byte for byte, beside the new one.
    const aside = (await readdir(dirname(filePath))).filter((f) => f.includes('.replaced-'));
    expect(aside).toHaveLength(1);
    expect(Buffer.compare(await readFile(join(dirname(filePath), aside[0] ?? '')), oldFile)).toBe(0);
    // A fresh start on the second keyring loads the new key.
    const restarted = createIdentityService(new IdentityStore({ filePath, safeStorage: fakeSafeStorage({ keyringSecret: 'second' }), platform: 'linux' }));
    expect((await restarted.get()).publicKey).toBe(newKey);
  });

  it('keeps a key that starts to work while the confirmation is open', async () => {
    const { handlers, filePath } = await handlersWith(fakeSafeStorage({ keyringSecret: 'first' }));
    expect((await dispatch(handlers, options, 'identity:get', event, {})).ok).toBe(true);
    // While the dialog is open, the key file becomes one this keyring can read (as if unlocked).
    const confirmReplace = async () => {
      await new IdentityStore({ filePath, safeStorage: fakeSafeStorage({ keyringSecret: 'second' }), platform: 'linux' }).create({ replace: true });
      return true;
    };
    const service = createIdentityService(new IdentityStore({ filePath, safeStorage: fakeSafeStorage({ keyringSecret: 'second' }), platform: 'linux' }), { confirmReplace });
    const later = createHandlers({ store: {} as never, files: {} as never, openExternal: async () => undefined, identity: service });
    expect(await dispatch(later, options, 'identity:replace', event, {})).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/works again/) } });
    // Nothing was set aside, and the key now in use is the one that started to work.
    expect((await readdir(dirname(filePath))).filter((f) => f.includes('.replaced-'))).toHaveLength(0);
    const inFile = await new IdentityStore({ filePath, safeStorage: fakeSafeStorage({ keyringSecret: 'second' }), platform: 'linux' }).load();
    expect(await dispatch(later, options, 'identity:get', event, {})).toMatchObject({ ok: true, value: { publicKey: inFile.publicKey } });
  });

  it('refuses to replace a key that still works, so no one can rotate it silently', async () => {
    const { handlers, filePath } = await handlersWith();
    const got = await dispatch(handlers, options, 'identity:get', event, {});
    if (!got.ok) throw new Error(got.error.message);
    const before = await readFile(filePath);
    expect(await dispatch(handlers, options, 'identity:replace', event, {})).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/works/) } });
    expect(Buffer.compare(await readFile(filePath), before)).toBe(0);
    expect(await dispatch(handlers, options, 'identity:get', event, {})).toMatchObject({ ok: true, value: { publicKey: (got.value as { publicKey: string }).publicKey } });
  });

  it('never replaces a key whose file only cannot be read right now, nor when two replacements race', async () => {
    const { handlers, filePath } = await handlersWith(fakeSafeStorage({ keyringSecret: 'first' }));
    expect((await dispatch(handlers, options, 'identity:get', event, {})).ok).toBe(true);
    const before = await readFile(filePath);
    // A folder where the file should be: reading it fails with EISDIR, a passing I/O error.
    const blocked = identityFilePath(await mkdtemp(join(tmpdir(), 'bb-ipc-id-')), 'default');
    await mkdir(blocked, { recursive: true });
    const busy = createHandlers({ store: {} as never, files: {} as never, openExternal: async () => undefined, identity: createIdentityService(new IdentityStore({ filePath: blocked, safeStorage: fakeSafeStorage(), platform: 'linux' }), { confirmReplace: async () => true }) });
    expect(await dispatch(busy, options, 'identity:get', event, {})).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/cannot be read right now/) } });
    expect(await dispatch(busy, options, 'identity:replace', event, {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });

    // Two replacements at once on a second keyring: one new key, the old file set aside once.
    const service = createIdentityService(new IdentityStore({ filePath, safeStorage: fakeSafeStorage({ keyringSecret: 'second' }), platform: 'linux' }), { confirmReplace: async () => true });
    const racing = createHandlers({ store: {} as never, files: {} as never, openExternal: async () => undefined, identity: service });
    const [a, b] = await Promise.all([dispatch(racing, options, 'identity:replace', event, {}), dispatch(racing, options, 'identity:replace', event, {})]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ error: { code: 'forbidden' } });
    const winner = [a, b].find((r) => r.ok);
    expect(await dispatch(racing, options, 'identity:get', event, {})).toMatchObject({ ok: true, value: { publicKey: (winner as { value: { publicKey: string } }).value.publicKey } });
    const aside = (await readdir(dirname(filePath))).filter((f) => f.includes('.replaced-'));
    expect(aside).toHaveLength(1);
    expect(Buffer.compare(await readFile(join(dirname(filePath), aside[0] ?? '')), before)).toBe(0);
  });

  it('refuses to replace the key where nothing can encrypt a new one, and keeps the old file', async () => {
    const { handlers, filePath } = await handlersWith();
    expect((await dispatch(handlers, options, 'identity:get', event, {})).ok).toBe(true);
    const before = await readFile(filePath);
    const broken = createIdentityService(new IdentityStore({ filePath, safeStorage: fakeSafeStorage({ keyringSecret: 'other', available: false }), platform: 'linux' }));
    const later = createHandlers({ store: {} as never, files: {} as never, openExternal: async () => undefined, identity: broken });
    expect(await dispatch(later, options, 'identity:replace', event, {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(Buffer.compare(await readFile(filePath), before)).toBe(0);
  });
});
