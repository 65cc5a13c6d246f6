// The facilitator's choice of the room's certificate: one the company provides (picked in
// main's own file dialog, so the private key is read here and never crosses to the renderer),
// or this device's self-signed one.
import { readFile } from 'node:fs/promises';
import { CertificateProblem, type CertificateInfo } from '../tls/certificateInfo';
import type { CertificateStore } from '../tls/certificateStore';

export type PickPemFiles = () => Promise<readonly string[] | null>;

export interface CertificateChoice {
  /** Null when the user cancelled. Throws CertificateProblem with a sentence for the user. */
  useCompany(): Promise<CertificateInfo | null>;
  useSelfSigned(): Promise<void>;
}

const MAX_PEM_BYTES = 1024 * 1024;

/** Takes the certificate chain and the key out of the picked files, whichever holds which. */
export function sortPemFiles(texts: readonly string[]): { cert: string; key: string } {
  const all = texts.join('\n');
  if (all.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----')) throw new CertificateProblem('The key is encrypted with a passphrase; export it without one (this computer’s keyring encrypts it instead).');
  const certs = all.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const keys = all.match(/-----BEGIN (EC |RSA )?PRIVATE KEY-----[\s\S]+?-----END (EC |RSA )?PRIVATE KEY-----/g) ?? [];
  if (certs.length === 0 || keys.length !== 1) throw new CertificateProblem('Pick the certificate (PEM) and its private key (PEM): both files, or one file holding both.');
  return { cert: `${certs.join('\n')}\n`, key: `${keys[0]}\n` };
}

export function createCertificateChoice(store: CertificateStore, pick: PickPemFiles): CertificateChoice {
  return {
    useCompany: async () => {
      const paths = await pick();
      if (!paths || paths.length === 0) return null;
      const texts = await Promise.all(
        paths.slice(0, 2).map(async (path) => {
          const bytes = await readFile(path);
          if (bytes.length > MAX_PEM_BYTES) throw new CertificateProblem('That file is too large to be a certificate or key.');
          return bytes.toString('utf8');
        }),
      );
      const { cert, key } = sortPemFiles(texts);
      return store.useCompanyCertificate(cert, key);
    },
    useSelfSigned: () => store.forgetCompanyCertificate(),
  };
}
