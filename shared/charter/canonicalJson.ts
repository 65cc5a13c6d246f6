// RFC 8785 (JCS) canonical JSON: one byte string per value, so a digest over it is stable across
// machines, key orders and JSON libraries.
import { sha256Hex, utf8 } from './charterCrypto';
import canonicalize from 'canonicalize';

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value has no JSON form');
  return text;
}

/** Lower-case hex SHA-256 of the UTF-8 bytes of the canonical JSON. */
export const canonicalDigest = (value: unknown): string => sha256Hex(utf8(canonicalJson(value)));
