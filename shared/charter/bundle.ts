// Building a bundle from a frozen version, adding signatures as they arrive through the room,
// and verifying a whole bundle offline: digest, every signature, and the quorum.
import { fingerprintOf, fromBase64url, signingMessage, type SigningInput } from './charterCrypto';
import type { Participant } from './charterSchema';
import { BUNDLE_FORMAT, bundleFormatOf, type CharterBundle, type CharterSignature } from './bundleSchema';
import type { Side } from '../board/sections';
import { charterDigest, type FrozenVersion } from './charterVersion';
import { changedParts, partDigestsOf } from './partDigests';
import { evaluateQuorum, type QuorumResult } from './quorum';
import { belowFloor } from './charterSchema';
import { checkSignature, type SignatureCheck, type SignatureStatus } from './signatureCheck';
import { checkSeal, type SealCheck } from './charterSeal';

export function createBundle(frozen: FrozenVersion): CharterBundle {
  return {
    format: BUNDLE_FORMAT,
    formatVersion: bundleFormatOf(frozen.charter),
    charter: frozen.charter,
    digest: frozen.digest,
    partDigests: partDigestsOf(frozen.charter),
    signatures: [],
  };
}

/** What a host's signCharter takes: the Electron host sends it over IPC and main builds the bytes. */
export function signingInputFor(bundle: CharterBundle, signedAt: string): SigningInput {
  return { charterId: bundle.charter.charterId, version: bundle.charter.version, digest: charterDigest(bundle.charter), signedAt };
}

/** The bytes a participant's host signs for this bundle's version (docs/charter-format.md). */
export const signingMessageFor = (bundle: CharterBundle, signedAt: string): Uint8Array => signingMessage(signingInputFor(bundle, signedAt));

/** The signature entry that travels through the room, from what the host returned. */
export function makeSignature(signer: Participant, input: SigningInput, signature: string): CharterSignature {
  return { signerId: signer.id, publicKey: signer.publicKey, signature, signedAt: input.signedAt, version: input.version, digest: input.digest };
}

export type AddSignatureResult =
  | { readonly ok: true; readonly bundle: CharterBundle }
  | { readonly ok: false; readonly status: SignatureStatus; readonly reason: string };

/** Accepts a signature that arrived through the room only if it is valid and new. */
export function addSignature(bundle: CharterBundle, sig: CharterSignature): AddSignatureResult {
  const check = checkSignature(bundle.charter, charterDigest(bundle.charter), sig);
  if (check.status !== 'valid') return { ok: false, status: check.status, reason: check.reason ?? check.status };
  if (bundle.signatures.some((s) => s.signerId === sig.signerId)) return { ok: false, status: 'duplicate', reason: `${sig.signerId} has already signed` };
  // A late signature invalidates an earlier seal; the facilitator seals again.
  const { seal: _seal, ...unsealed } = bundle;
  return { ok: true, bundle: { ...unsealed, signatures: [...bundle.signatures, sig] } };
}

export interface SignerVerdict {
  readonly signerId: string;
  readonly name: string;
  readonly side: Side | null;
  readonly role: string;
  /** Computed from the signature's key, not copied from the roster. */
  readonly fingerprint: string;
  readonly signedAt: string;
  readonly status: SignatureStatus;
  readonly reason: string | null;
}

export interface BundleVerdict {
  readonly valid: boolean;
  /** The charter hashes to the digest the bundle records. */
  readonly digestOk: boolean;
  /** Recomputed from the charter. */
  readonly digest: string;
  readonly charterId: string;
  readonly version: number;
  readonly signers: readonly SignerVerdict[];
  readonly quorum: QuorumResult;
  /** The facilitator's seal over the set of signatures; required unless the rule says otherwise. */
  readonly seal: { readonly status: SealCheck['status']; readonly sealedBy: string | null; readonly signedAt: string | null; readonly required: boolean };
  /** Set when the quorum rule is below the floor: the reason frozen with the version. */
  readonly reducedQuorum: string | null;
  /** Who facilitates, by key; null for versions frozen before schema 3 (by roster side). */
  readonly facilitator: { readonly name: string; readonly fingerprint: string; readonly established: 'workshop' | 'handover'; readonly coFacilitators: readonly string[] } | null;
  /** Everything wrong, each saying what changed. Empty when valid. */
  readonly problems: readonly string[];
}

function safeFingerprint(publicKey: string): string {
  try {
    return fingerprintOf(fromBase64url(publicKey));
  } catch {
    return '(unreadable key)';
  }
}

function signerVerdict(sig: CharterSignature, check: SignatureCheck, status: SignatureStatus, reason: string | null): SignerVerdict {
  const p = check.participant;
  return {
    signerId: sig.signerId,
    name: p?.name ?? `unknown signer "${sig.signerId}"`,
    side: p?.side ?? null,
    role: p?.role ?? '',
    fingerprint: safeFingerprint(sig.publicKey),
    signedAt: sig.signedAt,
    status,
    reason,
  };
}

function rosterProblems(bundle: CharterBundle): string[] {
  const out: string[] = [];
  const ids = new Set<string>();
  for (const p of bundle.charter.roster) {
    if (ids.has(p.id)) out.push(`The roster lists participant id ${p.id} twice.`);
    ids.add(p.id);
    if (safeFingerprint(p.publicKey) !== p.fingerprint) out.push(`The fingerprint shown for ${p.name} does not match their public key.`);
  }
  return out;
}

export function verifyBundle(bundle: CharterBundle): BundleVerdict {
  const { charter } = bundle;
  const digest = charterDigest(charter);
  const digestOk = digest === bundle.digest;
  const problems: string[] = [];
  const parts = changedParts(charter, bundle.partDigests);
  if (!digestOk) {
    const where = parts.length ? ` Changed: ${parts.join('; ')}.` : '';
    problems.push(`The charter does not match its recorded digest (recorded ${bundle.digest.slice(0, 16)}…, actual ${digest.slice(0, 16)}…): it was changed after it was frozen, or the digest was edited.${where}`);
  } else if (parts.length) {
    problems.push(`The per-part digests were edited (${parts.join('; ')}).`);
  }
  problems.push(...rosterProblems(bundle));

  const counted = new Set<string>();
  const signers: SignerVerdict[] = bundle.signatures.map((sig, i) => {
    const check = checkSignature(charter, digest, sig);
    let status = check.status;
    let reason = check.reason;
    if (status === 'valid' && counted.has(sig.signerId)) {
      status = 'duplicate';
      reason = `${sig.signerId} already has a valid signature in this bundle`;
    }
    if (status === 'valid') counted.add(sig.signerId);
    const verdict = signerVerdict(sig, check, status, reason);
    if (status !== 'valid') problems.push(`Signature ${i + 1} (${verdict.name}): ${status}: ${reason ?? ''}.`);
    return verdict;
  });
  const quorum = evaluateQuorum(charter.quorum, charter.roster, counted, charter.facilitator);
  if (!quorum.met) problems.push(`Quorum not met: missing ${quorum.missing.join(', ')}.`);
  const below = belowFloor(charter.quorum);
  const reducedQuorum = below.length > 0 ? (charter.quorum.reducedReason ?? null) : null;
  if (below.length > 0 && reducedQuorum === null) problems.push(`The quorum is below the floor (${below.join('; ')}) and gives no reason.`);
  if (below.length === 0 && charter.quorum.reducedReason !== undefined) problems.push('The quorum gives a reason for a reduction it does not make.');
  if (charter.facilitator) {
    if (safeFingerprint(charter.facilitator.publicKey) !== charter.facilitator.fingerprint) problems.push(`The fingerprint shown for the facilitator ${charter.facilitator.name} does not match their key.`);
    for (const c of charter.facilitator.coFacilitators) if (safeFingerprint(c.publicKey) !== c.fingerprint) problems.push(`The fingerprint shown for the co-facilitator ${c.name} does not match their key.`);
  }
  const facilitator = charter.facilitator
    ? { name: charter.facilitator.name, fingerprint: charter.facilitator.fingerprint, established: charter.facilitator.established, coFacilitators: charter.facilitator.coFacilitators.map((c) => c.name) }
    : null;
  const sealCheck = checkSeal(bundle, digest);
  const required = charter.quorum.requireSeal;
  if (sealCheck.status !== 'valid' && (required || sealCheck.status !== 'missing')) problems.push(`Seal: ${sealCheck.reason ?? sealCheck.status}.`);
  const seal = { status: sealCheck.status, sealedBy: sealCheck.sealedBy?.name ?? null, signedAt: bundle.seal?.signedAt ?? null, required };
  return { valid: problems.length === 0, digestOk, digest, charterId: charter.charterId, version: charter.version, signers, quorum, seal, reducedQuorum: below.length > 0 ? reducedQuorum ?? '(no reason given)' : null, facilitator, problems };
}
