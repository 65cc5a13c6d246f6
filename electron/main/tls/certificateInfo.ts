// What people and programs check a TLS certificate by. The SHA-256 of the certificate is what
// every browser's certificate viewer shows (Chromium, Firefox, Safari), so it is what the
// invite carries and the facilitator reads out. The SHA-256 of its public key (SPKI), in base64,
// is what Chromium's --ignore-certificate-errors-spki-list takes, for scripts and administrators.
import { X509Certificate, createHash, createPrivateKey } from 'node:crypto';

export interface CertificateInfo {
  /** SHA-256 of the DER certificate, 64 hex digits in upper case, no separators. */
  readonly sha256: string;
  /** SHA-256 of the DER SubjectPublicKeyInfo, base64. */
  readonly spkiSha256: string;
  readonly subject: string;
  /** ISO dates. */
  readonly validFrom: string;
  readonly validTo: string;
  /** DNS names and IP addresses from subjectAltName. */
  readonly hosts: readonly string[];
  readonly selfSigned: boolean;
}

export class CertificateProblem extends Error {
  override readonly name = 'CertificateProblem';
}

function hostsOf(x509: X509Certificate): string[] {
  // "DNS:localhost, IP Address:127.0.0.1": Node's own rendering of the extension.
  return (x509.subjectAltName ?? '')
    .split(',')
    .map((entry) => entry.trim().replace(/^(DNS|IP Address):/, ''))
    .filter((h) => h !== '');
}

/** Reads the first certificate of a PEM (a chain's leaf). Throws CertificateProblem. */
export function describeCertificate(certPem: string): CertificateInfo {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(certPem);
  } catch {
    throw new CertificateProblem('This is not a PEM certificate.');
  }
  const spki = x509.publicKey.export({ type: 'spki', format: 'der' });
  return {
    sha256: x509.fingerprint256.replace(/:/g, '').toUpperCase(),
    spkiSha256: createHash('sha256').update(spki).digest('base64'),
    subject: x509.subject,
    validFrom: new Date(x509.validFrom).toISOString(),
    validTo: new Date(x509.validTo).toISOString(),
    hosts: hostsOf(x509),
    selfSigned: x509.issuer === x509.subject && x509.verify(x509.publicKey),
  };
}

/** Throws CertificateProblem unless `keyPem` is the private key of `certPem`'s leaf. */
export function checkKeyPair(certPem: string, keyPem: string): void {
  let key;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    throw new CertificateProblem('The key file does not hold a readable private key (an encrypted key must be decrypted first).');
  }
  if (!new X509Certificate(certPem).checkPrivateKey(key)) throw new CertificateProblem('The private key does not belong to the certificate.');
}

/** True when the certificate is still valid for at least `marginMs` after `now`. */
export function validFor(info: CertificateInfo, now: Date, marginMs: number): boolean {
  return Date.parse(info.validFrom) <= now.getTime() && Date.parse(info.validTo) - marginMs > now.getTime();
}
