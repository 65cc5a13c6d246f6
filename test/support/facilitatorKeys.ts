// Test identities: Ed25519 keys that sign facilitator actions the way a Host does.
import * as Y from 'yjs';
import { ed25519 } from '@noble/curves/ed25519.js';
import { toBase64url } from '../../shared/crypto';
import { actionMessage, signAction, writeSignedAction, type FacilitatorAction, type SignedAction } from '../../shared/facilitation';

export interface TestKey {
  readonly publicKey: string;
  sign(workshopId: string, seq: number, action: FacilitatorAction): Promise<SignedAction>;
}

export function testKey(seed: number): TestKey {
  const secret = new Uint8Array(32).fill(seed);
  const publicKey = toBase64url(ed25519.getPublicKey(secret));
  return {
    publicKey,
    sign: (workshopId, seq, action) => signAction(async (input) => toBase64url(ed25519.sign(actionMessage(input), secret)), workshopId, seq, action, publicKey),
  };
}

export const WORKSHOP = 'ws-line4';

/** Signs and writes an action with the next sequence number after `seq`. */
export async function act(doc: Y.Doc, key: TestKey, seq: number, action: FacilitatorAction, workshopId = WORKSHOP): Promise<SignedAction> {
  const signed = await key.sign(workshopId, seq, action);
  writeSignedAction(doc, signed);
  return signed;
}
