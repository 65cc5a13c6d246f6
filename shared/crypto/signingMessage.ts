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
