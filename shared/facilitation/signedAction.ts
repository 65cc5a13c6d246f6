// A facilitator action as it travels in the doc: the action, the workshop, a sequence number,
// the signer's public key and an Ed25519 signature. `checkSignedAction` is what every peer runs
// before an action may change anything; it never throws on hostile input.
import { z } from 'zod';
import { fromBase64url } from '../crypto/bytes';
import { verifyEd25519 } from '../crypto/ed25519';
import { canonicalDigest } from '../charter/canonicalJson';
import { actionMessage, type ActionSigningInput } from './actionMessage';
import { facilitatorActionSchema, type FacilitatorAction } from './actions';

export const MAX_ENVELOPE_CHARS = 16_000;

const envelopeSchema = z
  .object({
    v: z.literal(1),
    workshopId: z.string().min(1).max(200),
    seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    action: z.unknown(),
    publicKey: z.string().max(100),
    signature: z.string().max(200).optional(),
  })
  .strict();

export interface SignedAction {
  readonly v: 1;
  readonly workshopId: string;
  readonly seq: number;
  readonly action: FacilitatorAction;
  readonly publicKey: string;
  readonly signature: string;
}

export type RefusalReason = 'malformed' | 'unsigned' | 'wrong-workshop' | 'wrong-key' | 'bad-signature' | 'replayed';

export type ActionCheck =
  | { readonly ok: true; readonly signed: SignedAction }
  | { readonly ok: false; readonly reason: RefusalReason; readonly seq: number | null; readonly action: FacilitatorAction | null; readonly publicKey: string | null };

/** The signing input for an action; the signer (a Host) turns it into bytes with actionMessage. */
export const signingInputFor = (workshopId: string, seq: number, action: FacilitatorAction): ActionSigningInput => ({
  workshopId,
  seq,
  actionDigest: canonicalDigest(action),
});

export function encodeSignedAction(signed: SignedAction): string {
  return JSON.stringify(signed);
}

/**
 * Checks one stored entry: it parses, is for this workshop, and its signature verifies for the
 * key it names. Whether that key may act, and replays, are decided over the whole log
 * (facilitationState.ts), because they depend on what came before.
 */
export function checkSignedAction(entry: unknown, workshopId: string): ActionCheck {
  const refuse = (reason: RefusalReason, seq: number | null = null, action: FacilitatorAction | null = null, publicKey: string | null = null): ActionCheck => ({
    ok: false,
    reason,
    seq,
    action,
    publicKey,
  });
  if (typeof entry !== 'string' || entry.length > MAX_ENVELOPE_CHARS) return refuse('malformed');
  let json: unknown;
  try {
    json = JSON.parse(entry);
  } catch {
    return refuse('malformed');
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return refuse('malformed');
  const { seq, publicKey, signature } = envelope.data;
  const action = facilitatorActionSchema.safeParse(envelope.data.action);
  if (!action.success) return refuse('malformed', seq, null, publicKey);
  const found = (reason: RefusalReason) => refuse(reason, seq, action.data, publicKey);
  if (signature === undefined || signature.length === 0) return found('unsigned');
  if (envelope.data.workshopId !== workshopId) return found('wrong-workshop');
  if (!/^[A-Za-z0-9_-]{43}$/.test(publicKey)) return found('bad-signature');
  let ok = false;
  try {
    // The digest is recomputed from the parsed action, so a tampered field changes the message.
    ok = verifyEd25519(fromBase64url(publicKey), actionMessage(signingInputFor(workshopId, seq, action.data)), fromBase64url(signature));
  } catch {
    ok = false;
  }
  if (!ok) return found('bad-signature');
  return { ok: true, signed: { v: 1, workshopId, seq, action: action.data, publicKey, signature } };
}
