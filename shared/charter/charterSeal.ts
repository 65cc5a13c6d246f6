// The facilitator's seal: one more signature, over the final set of signatures. Signatures on a
// charter are independent, so without it a copy could drop a signer and still verify; with it,
// adding or removing any signature after sealing is detected.
import { fromBase64url, sealMessage, verifyEd25519, type SealInput } from './charterCrypto';
import { canonicalDigest } from './canonicalJson';
import type { CharterBundle, CharterSeal, CharterSignature } from './bundleSchema';
import type { Participant } from './charterSchema';
import { charterDigest } from './charterVersion';
import { facilitatorKeys } from './quorum';

export type SealStatus = 'valid' | 'missing' | 'not-facilitator' | 'bad-signature' | 'set-changed';

export interface SealCheck {
  readonly status: SealStatus;
  readonly sealedBy: Participant | null;
  readonly reason: string | null;
}

/** Order-free: the digest of the signature list sorted by signature value. */
export function signaturesDigest(signatures: readonly CharterSignature[]): string {
  return canonicalDigest([...signatures].sort((a, b) => (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0)));
}

/** What the facilitator's host signSeal takes for this bundle's current signatures. */
export function sealInputFor(bundle: CharterBundle, signedAt: string): SealInput {
  return {
    charterId: bundle.charter.charterId,
    version: bundle.charter.version,
    digest: charterDigest(bundle.charter),
    signatureCount: bundle.signatures.length,
    signaturesDigest: signaturesDigest(bundle.signatures),
    signedAt,
  };
}

/** The bytes a facilitator's host signs to seal this bundle's current signatures. */
export const sealMessageFor = (bundle: CharterBundle, signedAt: string): Uint8Array => sealMessage(sealInputFor(bundle, signedAt));

export function makeSeal(facilitator: Participant, input: SealInput, signature: string): CharterSeal {
  return { signerId: facilitator.id, publicKey: facilitator.publicKey, signature, signedAt: input.signedAt, signatureCount: input.signatureCount, signaturesDigest: input.signaturesDigest };
}

function sealVerifies(bundle: CharterBundle, digest: string, seal: CharterSeal): boolean {
  try {
    const message = sealMessage({ charterId: bundle.charter.charterId, version: bundle.charter.version, digest, signatureCount: seal.signatureCount, signaturesDigest: seal.signaturesDigest, signedAt: seal.signedAt });
    return verifyEd25519(fromBase64url(seal.publicKey), message, fromBase64url(seal.signature));
  } catch {
    return false;
  }
}

/** `digest` is recomputed from the charter, never taken from the bundle. */
export function checkSeal(bundle: CharterBundle, digest: string): SealCheck {
  const seal = bundle.seal;
  if (!seal) return { status: 'missing', sealedBy: null, reason: 'no facilitator has sealed the final set of signatures' };
  const who = bundle.charter.roster.find((p) => p.id === seal.signerId) ?? null;
  const keys = facilitatorKeys(bundle.charter.facilitator);
  // The facilitator by key (or a co-facilitator); in versions frozen before schema 3, by roster side.
  const isFacilitator = keys ? keys.has(seal.publicKey) && (!who || who.publicKey === seal.publicKey) : who !== null && who.publicKey === seal.publicKey && who.side === 'facilitator';
  if (!who || !isFacilitator) {
    return { status: 'not-facilitator', sealedBy: null, reason: keys ? `the seal is not by the charter's facilitator or a co-facilitator with the right to seal (claims ${seal.signerId})` : `the seal is not by a facilitator on the roster (claims ${seal.signerId})` };
  }
  const co = bundle.charter.facilitator?.coFacilitators.find((c) => c.publicKey === seal.publicKey && c.publicKey !== bundle.charter.facilitator?.publicKey);
  if (co && Date.parse(seal.signedAt) > Date.parse(co.expiresAt)) {
    return { status: 'not-facilitator', sealedBy: null, reason: `the seal by co-facilitator ${co.name} is dated ${seal.signedAt}, after their delegation ended (${co.expiresAt})` };
  }
  if (!sealVerifies(bundle, digest, seal)) {
    return { status: 'bad-signature', sealedBy: who, reason: 'the seal does not verify for this charter version (seal, its time or its counts altered, or the charter changed)' };
  }
  const now = signaturesDigest(bundle.signatures);
  if (seal.signatureCount !== bundle.signatures.length || seal.signaturesDigest !== now) {
    const count = seal.signatureCount === bundle.signatures.length ? `the same number (${seal.signatureCount}) but different signatures` : `${seal.signatureCount}, and the file has ${bundle.signatures.length}`;
    return { status: 'set-changed', sealedBy: who, reason: `signatures were added, removed or replaced after ${who.name} sealed the charter: the seal covers ${count}` };
  }
  return { status: 'valid', sealedBy: who, reason: null };
}

export type ApplySealResult = { readonly ok: true; readonly bundle: CharterBundle } | { readonly ok: false; readonly status: SealStatus; readonly reason: string };

/** Attaches a seal that arrived from the facilitator's host, if it verifies for the current set. */
export function applySeal(bundle: CharterBundle, seal: CharterSeal): ApplySealResult {
  const sealed = { ...bundle, seal };
  const check = checkSeal(sealed, charterDigest(bundle.charter));
  return check.status === 'valid' ? { ok: true, bundle: sealed } : { ok: false, status: check.status, reason: check.reason ?? check.status };
}
