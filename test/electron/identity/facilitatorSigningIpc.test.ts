// The desktop app signs facilitator actions and ballots in the main process: over IPC the
// renderer gets a signature that every peer's check accepts, that is worthless as any other kind
// of signature, and a request that tries to smuggle other bytes in is refused.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createHandlers } from '../../../electron/main/handlers';
import { IdentityStore, createIdentityService, identityFilePath } from '../../../electron/main/identity';
import { dispatch } from '../../../electron/main/ipc';
import { fromBase64url, signingMessage, verifyEd25519 } from '../../../shared/crypto';
import { actionMessage, ballotSigningInput, checkSignedBallot, createRoundKeys, currentPhase, readFacilitation, sealDots, signAction, writeSignedAction } from '../../../shared/facilitation';
import { frame, invokeEvent } from '../../support/ipcFakes';
import { fakeSafeStorage } from '../../support/fakeSafeStorage';

const options = { isOwnWebContents: (id: number) => id === 1 };
const event = invokeEvent(1, frame('app://bridgeboard/index.html'));

async function handlers() {
  const filePath = identityFilePath(await mkdtemp(join(tmpdir(), 'bb-fac-id-')), 'default');
  const identity = createIdentityService(new IdentityStore({ filePath, safeStorage: fakeSafeStorage({ backend: 'gnome_libsecret' }), platform: 'linux' }));
  return createHandlers({ store: {} as never, files: {} as never, openExternal: async () => undefined, identity });
}

describe('facilitator action signing over IPC', () => {
  it('signs an action that peers accept, and the signature is no charter signature', async () => {
    const h = await handlers();
    const got = await dispatch(h, options, 'identity:get', event, {});
    if (!got.ok) throw new Error(got.error.message);
    const publicKey = (got.value as { publicKey: string }).publicKey;
    const signer = async (input: { workshopId: string; seq: number; actionDigest: string }) => {
      const result = await dispatch(h, options, 'identity:signFacilitatorAction', event, { input });
      if (!result.ok) throw new Error(result.error.message);
      return result.value as string;
    };
    const signed = await signAction(signer, 'ws-1', 1, { type: 'phase.set', phaseId: 'tradeoffs' }, publicKey);
    const doc = new Y.Doc();
    writeSignedAction(doc, signed);
    expect(currentPhase(readFacilitation(doc, 'ws-1', publicKey))?.title).toBe('Trade-offs');
    const asCharter = signingMessage({ charterId: 'ws-1', version: 1, digest: 'a'.repeat(64), signedAt: '2026-11-24T22:00:00Z' });
    expect(verifyEd25519(fromBase64url(publicKey), asCharter, fromBase64url(signed.signature))).toBe(false);
  });

  it.each([
    ['a newline in the workshop id', { workshopId: 'ws\nbridgeboard-charter-signature-v1', seq: 1, actionDigest: 'a'.repeat(64) }],
    ['a sequence number of 0', { workshopId: 'ws', seq: 0, actionDigest: 'a'.repeat(64) }],
    ['an extra field', { workshopId: 'ws', seq: 1, actionDigest: 'a'.repeat(64), message: 'sign me' }],
  ])('refuses %s', async (_what, input) => {
    const result = await dispatch(await handlers(), options, 'identity:signFacilitatorAction', event, { input });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('ballot signing over IPC', () => {
  it('signs a ballot that every peer counts, and that is worthless as a facilitator action', async () => {
    const h = await handlers();
    const got = await dispatch(h, options, 'identity:get', event, {});
    if (!got.ok) throw new Error(got.error.message);
    const publicKey = (got.value as { publicKey: string }).publicKey;
    const ctx = { workshopId: 'ws-1', roundId: 'round-0001', voterId: 'p-ot' };
    const box = sealDots(createRoundKeys().publicKey, { c: 2 }, ctx);
    const input = ballotSigningInput(ctx, 1, box);
    const result = await dispatch(h, options, 'identity:signBallot', event, { input });
    if (!result.ok) throw new Error(result.error.message);
    const signature = result.value as string;
    expect(checkSignedBallot(JSON.stringify({ v: 2, voterId: 'p-ot', n: 1, box, publicKey, signature }), ctx, 1, publicKey)).not.toBeNull();
    // The same bytes read as a facilitator action's message do not verify: the domains differ.
    const asAction = actionMessage({ workshopId: 'ws-1', seq: 1, actionDigest: input.boxDigest });
    expect(verifyEd25519(fromBase64url(publicKey), asAction, fromBase64url(signature))).toBe(false);
  });

  it.each([
    ['a newline in the voter id', { workshopId: 'ws', roundId: 'round-0001', voterId: 'p\nx', n: 1, boxDigest: 'a'.repeat(64) }],
    ['a revision of 0', { workshopId: 'ws', roundId: 'round-0001', voterId: 'p', n: 0, boxDigest: 'a'.repeat(64) }],
    ['a digest that is not hex', { workshopId: 'ws', roundId: 'round-0001', voterId: 'p', n: 1, boxDigest: 'z'.repeat(64) }],
    ['an extra field', { workshopId: 'ws', roundId: 'round-0001', voterId: 'p', n: 1, boxDigest: 'a'.repeat(64), message: 'sign me' }],
  ])('refuses %s', async (_what, input) => {
    const result = await dispatch(await handlers(), options, 'identity:signBallot', event, { input });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
