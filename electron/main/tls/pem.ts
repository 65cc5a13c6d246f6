// PEM armour for DER bytes (RFC 7468): base64 in 64-character lines between labels.
export function derToPem(label: 'CERTIFICATE' | 'PRIVATE KEY', der: Uint8Array): string {
  const body = Buffer.from(der).toString('base64').match(/.{1,64}/g)?.join('\n') ?? '';
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}
