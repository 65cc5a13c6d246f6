// The verdict on one signature against one frozen version: the single place that decides
// valid / bad-signature / wrong-version / unknown-key, used live in the room and by verifiers.
import { fromBase64url, verifyEd25519, signingMessage } from './charterCrypto';
import type { CharterSignature } from './bundleSchema';
import type { FrozenCharter, Participant } from './charterSchema';

export type SignatureStatus = 'valid' | 'bad-signature' | 'wrong-version' | 'unknown-key' | 'duplicate';

export interface SignatureCheck {
  readonly status: SignatureStatus;
  /** The roster entry the signature belongs to, when its key is on the roster. */
  readonly participant: Participant | null;
  /** Why it is not valid, in words. */
  readonly reason: string | null;
}

function verifies(sig: CharterSignature, charterId: string, version: number, digest: string): boolean {
  try {
    const message = signingMessage({ charterId, version, digest, signedAt: sig.signedAt });
    return verifyEd25519(fromBase64url(sig.publicKey), message, fromBase64url(sig.signature));
  } catch {
    return false;
  }
}

/** `digest` is the digest recomputed from `charter`, never the one a bundle claims. */
export function checkSignature(charter: FrozenCharter, digest: string, sig: CharterSignature): SignatureCheck {
  const byId = charter.roster.find((p) => p.id === sig.signerId) ?? null;
  const byKey = charter.roster.find((p) => p.publicKey === sig.publicKey) ?? null;
  if (!byKey) {
    return { status: 'unknown-key', participant: null, reason: `signed with a key that is not on the roster (claims to be ${sig.signerId})` };
  }
  if (byId !== byKey) {
    return { status: 'unknown-key', participant: byKey, reason: `the key belongs to ${byKey.name} (${byKey.id}) but the signature claims signer ${sig.signerId}` };
  }
  if (verifies(sig, charter.charterId, charter.version, digest)) {
    if (sig.version !== charter.version || sig.digest !== digest) {
      // The signature is sound, only the labels beside it were edited.
      return { status: 'bad-signature', participant: byKey, reason: 'the version or digest written beside the signature was altered' };
    }
    return { status: 'valid', participant: byKey, reason: null };
  }
  if (sig.version !== charter.version || sig.digest !== digest) {
    const own = verifies(sig, charter.charterId, sig.version, sig.digest);
    const what = sig.version !== charter.version ? `version ${sig.version}` : `a different text of version ${sig.version} (digest ${sig.digest.slice(0, 12)}…)`;
    return own
      ? { status: 'wrong-version', participant: byKey, reason: `signed ${what}, not this version ${charter.version} (digest ${digest.slice(0, 12)}…)` }
      : { status: 'bad-signature', participant: byKey, reason: 'the signature does not verify' };
  }
  return { status: 'bad-signature', participant: byKey, reason: 'the signature does not verify (signature, signed time or key altered)' };
}
