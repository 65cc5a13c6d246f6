// The read-aloud fingerprint of a base64url public key, or "unknown" for one that does not decode.
import { fingerprintOf, fromBase64url } from '../../../../shared/crypto';

export function keyFingerprint(publicKey: string): string {
  try {
    return fingerprintOf(fromBase64url(publicKey));
  } catch {
    return 'unknown';
  }
}
