// The read-aloud form of a public key: 30 decimal digits in six groups of five, the way Signal
// shows safety numbers. Digits survive a noisy plant floor and any accent better than hex.
import { concatBytes, utf8 } from './bytes';
import { sha256Bytes } from './sha256';

const FINGERPRINT_DOMAIN = utf8('bridgeboard-key-fingerprint-v1\n');
const GROUPS = 6;

/** SHA-256(domain || raw key); each group is 5 hash bytes (big-endian) mod 100000. */
export function fingerprintOf(publicKey: Uint8Array): string {
  const hash = sha256Bytes(concatBytes(FINGERPRINT_DOMAIN, publicKey));
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let n = 0;
    for (let i = 0; i < 5; i++) n = n * 256 + (hash[g * 5 + i] ?? 0);
    groups.push(String(n % 100000).padStart(5, '0'));
  }
  return groups.join(' ');
}
