// RFC 8785 (JCS) canonical JSON: one byte string per value, so a digest over it is stable across
// machines, key orders and JSON libraries.
import canonicalize from 'canonicalize';
import { sha256Hex } from '../crypto/sha256';
import { utf8 } from '../crypto/bytes';

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value has no JSON form');
  return text;
}

/** Lower-case hex SHA-256 of the UTF-8 bytes of the canonical JSON. */
export const canonicalDigest = (value: unknown): string => sha256Hex(utf8(canonicalJson(value)));
