// The exact bytes a signer signs (docs/charter-format.md). A fixed domain prefix means a
// charter signature can never be replayed as a signature over anything else, and the
// charter id + version + digest bind it to one frozen version of one charter.
import { utf8 } from './bytes';

export const SIGNATURE_DOMAIN = 'bridgeboard-charter-signature-v1';

export interface SigningInput {
  readonly charterId: string;
  readonly version: number;
  /** Lower-case hex SHA-256 of the frozen version's canonical JSON. */
  readonly digest: string;
  /** ISO 8601 UTC time the signer claims, bound by the signature so it cannot be changed later. */
  readonly signedAt: string;
}

/** UTF-8 of: domain "\n" charterId "\n" version (decimal) "\n" digest "\n" signedAt — no trailing newline. */
export function signingMessageText(input: SigningInput): string {
  for (const part of [input.charterId, input.digest, input.signedAt]) {
    // A newline inside a field would let two different inputs produce the same message.
    if (part.includes('\n')) throw new Error('signing fields must not contain newlines');
  }
  if (!Number.isSafeInteger(input.version) || input.version < 1) throw new Error('version must be a positive integer');
  return [SIGNATURE_DOMAIN, input.charterId, String(input.version), input.digest, input.signedAt].join('\n');
}

export const signingMessage = (input: SigningInput): Uint8Array => utf8(signingMessageText(input));

export const SEAL_DOMAIN = 'bridgeboard-charter-seal-v1';

export interface SealInput extends SigningInput {
  /** Lower-case hex SHA-256 of the canonical JSON of the sealed signature list (charter/charterSeal.ts). */
  readonly signaturesDigest: string;
  readonly signatureCount: number;
}

/**
 * UTF-8 of: seal domain "\n" charterId "\n" version "\n" digest "\n" signatureCount "\n"
 * signaturesDigest "\n" signedAt. A different domain from signatures, so a seal can never pass
 * for a signature on the charter or the other way round.
 */
export function sealMessage(input: SealInput): Uint8Array {
  const base = signingMessageText(input).split('\n');
  if (input.signaturesDigest.includes('\n')) throw new Error('signing fields must not contain newlines');
  if (!Number.isSafeInteger(input.signatureCount) || input.signatureCount < 0) throw new Error('signatureCount must be a count');
  return utf8([SEAL_DOMAIN, base[1], base[2], base[3], String(input.signatureCount), input.signaturesDigest, input.signedAt].join('\n'));
}
