// Turning a facilitator's intent into a signed action. The signature itself comes from the
// host's identity key (never held here); this prepares exactly what it signs.
import { facilitatorActionSchema, type FacilitatorAction } from './actions';
import type { ActionSigningInput } from './actionMessage';
import { signingInputFor, type SignedAction } from './signedAction';

/** Signs the bytes of actionMessage(input) and returns the base64url signature. */
export type ActionSigner = (input: ActionSigningInput) => Promise<string>;

export async function signAction(sign: ActionSigner, workshopId: string, seq: number, action: FacilitatorAction, publicKey: string): Promise<SignedAction> {
  // Parsed first, so what is signed is exactly what every peer will parse and re-digest.
  const clean = facilitatorActionSchema.parse(action);
  const signature = await sign(signingInputFor(workshopId, seq, clean));
  return { v: 1, workshopId, seq, action: clean, publicKey, signature };
}
