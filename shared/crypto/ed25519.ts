// Ed25519 verification (RFC 8032) for shared/. @noble/curves (audited, pure JS) runs the same
// way in the renderer, the browser host and the CLI; WebCrypto would make verification async
// and would need a platform object injected everywhere. Signing never happens here: private
// keys live in the Electron main process or in a non-extractable WebCrypto key.
import { ed25519 } from '@noble/curves/ed25519.js';

export const ED25519_PUBLIC_KEY_BYTES = 32;
export const ED25519_SIGNATURE_BYTES = 64;

/**
 * Strict RFC 8032 verification (zip215: false), the rule OpenSSL and libsodium apply, so a
 * signature this accepts is accepted by tools no one here wrote. Never throws.
 */
export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== ED25519_PUBLIC_KEY_BYTES || signature.length !== ED25519_SIGNATURE_BYTES) return false;
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
