// The SHA-256 fingerprint of the room server's TLS certificate, as the invite carries it and as
// people compare it: browsers show it in their certificate viewer as 32 hex pairs (Chromium
// with spaces, Firefox with colons, either case), so that is the form we print, and the first
// eight pairs are what the facilitator reads out (64 bits: no one forges a matching
// certificate for the length of a workshop).

/** 64 upper-case hex digits. */
export type CertificateFingerprint = string;

export const FINGERPRINT_BYTES = 32;
/** How many pairs people read aloud and compare. */
export const READ_ALOUD_PAIRS = 8;

/** The canonical form of a fingerprint typed or copied in any of the browsers' spellings, or null. */
export function parseCertificateFingerprint(text: string): CertificateFingerprint | null {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? hex : null;
}

export function fingerprintToBytes(fingerprint: CertificateFingerprint): Uint8Array {
  return Uint8Array.from(fingerprint.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

export function fingerprintFromBytes(bytes: Uint8Array): CertificateFingerprint {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** All 32 pairs, space-separated, as Chromium's viewer shows them. */
export function formatFingerprint(fingerprint: CertificateFingerprint): string {
  return (fingerprint.match(/../g) ?? []).join(' ');
}

/** The pairs read out in the room: "4F 2A 9C 01 7D E3 55 B0". */
export function fingerprintReadAloud(fingerprint: CertificateFingerprint): string {
  return (fingerprint.match(/../g) ?? []).slice(0, READ_ALOUD_PAIRS).join(' ');
}
