// A self-signed TLS certificate for the room's HTTPS port, made when no company certificate is
// given. node:crypto cannot issue certificates, so pkijs writes the X.509 structure; the key is
// generated and the certificate signed by Node's own WebCrypto (OpenSSL), so no key material
// passes through JavaScript cryptography. ECDSA P-256: small, fast, accepted by every browser.
// The shape follows what Apple's and Chromium's checks ask even of private certificates: a
// subjectAltName for every name, serverAuth, no CA flag, at most 825 days.
import { isIP } from 'node:net';
import { randomBytes, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { derToPem } from './pem';

export interface IssuedCertificate {
  /** PEM of the certificate. */
  readonly cert: string;
  /** PEM of the PKCS#8 private key; the caller protects it before it touches a disk. */
  readonly key: string;
}

export interface IssueOptions {
  /** Host names and IP literals the certificate names (subjectAltName). */
  readonly hosts: readonly string[];
  readonly commonName?: string;
  readonly now?: Date;
  readonly validityDays?: number;
}

/** Apple's platforms refuse TLS server certificates valid for longer than 825 days. */
export const MAX_VALIDITY_DAYS = 825;
export const DEFAULT_VALIDITY_DAYS = 800;
const DAY_MS = 86_400_000;

const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
} as const;

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;

function engine(): pkijs.CryptoEngine {
  // Node's WebCrypto implements the interface pkijs expects, which is typed after the DOM's.
  type EngineCrypto = ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'];
  return new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as EngineCrypto });
}

function ipBytes(ip: string): Uint8Array {
  if (isIP(ip) === 4) return Uint8Array.from(ip.split('.').map(Number));
  // Expand '::' and write eight 16-bit groups.
  const [head = '', tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return Uint8Array.from(groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 255];
  }));
}

function generalName(host: string): pkijs.GeneralName {
  const bare = host.replace(/^\[|\]$/g, '').split('%')[0] ?? host;
  if (isIP(bare)) return new pkijs.GeneralName({ type: 7, value: new asn1js.OctetString({ valueHex: ipBytes(bare) }) });
  return new pkijs.GeneralName({ type: 2, value: bare.toLowerCase() });
}

function distinguishedName(commonName: string): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({ type: OID.organization, value: new asn1js.Utf8String({ value: 'Bridgeboard' }) }),
      new pkijs.AttributeTypeAndValue({ type: OID.commonName, value: new asn1js.Utf8String({ value: commonName }) }),
    ],
  });
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

export async function issueSelfSignedCertificate(options: IssueOptions): Promise<IssuedCertificate> {
  const hosts = [...new Set(options.hosts.filter((h) => h.length > 0))];
  if (hosts.length === 0) throw new Error('a certificate needs at least one host name or address');
  const days = options.validityDays ?? DEFAULT_VALIDITY_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_VALIDITY_DAYS) throw new Error(`validity must be 1-${MAX_VALIDITY_DAYS} days`);
  const now = options.now ?? new Date();
  const crypto = engine();
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);

  const cert = new pkijs.Certificate();
  cert.version = 2;
  // A positive 128-bit serial: RFC 5280 asks for unique serials, and random ones are.
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  cert.serialNumber = new asn1js.Integer({ valueHex: serial });
  const commonName = options.commonName ?? `Bridgeboard room ${hosts[0]}`;
  cert.issuer = distinguishedName(commonName);
  cert.subject = distinguishedName(commonName);
  // An hour back, so a participant whose clock runs a little behind is not refused.
  cert.notBefore.value = new Date(now.getTime() - 3_600_000);
  cert.notAfter.value = new Date(now.getTime() + days * DAY_MS);
  cert.extensions = [
    extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: false }).toSchema()),
    // digitalSignature only: what an ECDHE_ECDSA handshake uses.
    extension(OID.keyUsage, true, new asn1js.BitString({ valueHex: Uint8Array.of(0x80), unusedBits: 7 })),
    extension(OID.extKeyUsage, false, new pkijs.ExtKeyUsage({ keyPurposes: [OID.serverAuth] }).toSchema()),
    extension(OID.subjectAltName, false, new pkijs.GeneralNames({ names: hosts.map(generalName) }).toSchema()),
  ];
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey, crypto);
  await cert.sign(keys.privateKey, 'SHA-256', crypto);

  const der = new Uint8Array(cert.toSchema(true).toBER(false));
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { cert: derToPem('CERTIFICATE', der), key: derToPem('PRIVATE KEY', pkcs8) };
}
