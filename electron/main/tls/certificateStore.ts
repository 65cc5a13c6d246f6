// The certificate the room's HTTPS port presents, kept per device: a company certificate when
// one was given, else a self-signed one generated the first time and reused after, so its
// fingerprint (read out to participants, carried in invites) stays the same from one workshop
// to the next. It is replaced only when it is about to expire or can no longer be read.
// The private key is sealed by a KeyProtection before it is written, opened only here.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { fsyncDir, writeAll } from '../storage/durableFs';
import { CertificateProblem, checkKeyPair, describeCertificate, validFor, type CertificateInfo } from './certificateInfo';
import type { KeyProtection } from './keyProtection';
import { issueSelfSignedCertificate, type IssueOptions, type IssuedCertificate } from './selfSignedCertificate';

export type CertificateSource = 'self-signed' | 'company';

/** What the TLS server needs, and what people check it by. Never leaves the main process. */
export interface TlsCredentials {
  readonly cert: string;
  readonly key: string;
  readonly info: CertificateInfo;
  readonly source: CertificateSource;
}

const fileSchema = z.strictObject({
  format: z.literal('bridgeboard-tls'),
  formatVersion: z.literal(1),
  source: z.enum(['self-signed', 'company']),
  cert: z.string().min(1).max(200_000),
  protection: z.enum(['safeStorage', 'file-permissions']),
  sealedKey: z.string().min(1).max(100_000),
  savedAt: z.iso.datetime(),
});

/** A self-signed certificate this close to its end is replaced rather than reused. */
export const RENEW_BEFORE_MS = 30 * 86_400_000;

export interface CertificateStoreOptions {
  /** A folder of its own (userData/tls in the app). */
  readonly dir: string;
  readonly protection: KeyProtection;
  readonly now?: () => Date;
  readonly issue?: (options: IssueOptions) => Promise<IssuedCertificate>;
}

async function writePrivateFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = join(dirname(path), `.tmp-${randomBytes(6).toString('hex')}`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await writeAll(handle, new TextEncoder().encode(text));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDir(dirname(path));
}

export class CertificateStore {
  private readonly now: () => Date;
  private readonly issue: (options: IssueOptions) => Promise<IssuedCertificate>;
  // One generation at a time: two rooms opened at once must not mint two certificates.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: CertificateStoreOptions) {
    this.now = options.now ?? (() => new Date());
    this.issue = options.issue ?? issueSelfSignedCertificate;
  }

  private path(source: CertificateSource): string {
    return join(this.options.dir, `${source}.json`);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The stored credentials of `source`, or null when there are none that can be used. */
  private async read(source: CertificateSource): Promise<TlsCredentials | null> {
    let text: string;
    try {
      text = await readFile(this.path(source), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      const file = fileSchema.parse(JSON.parse(text));
      // A file sealed another way (copied between machines) cannot be opened here.
      if (file.protection !== this.options.protection.kind) return null;
      const key = await this.options.protection.open(file.sealedKey);
      checkKeyPair(file.cert, key);
      return { cert: file.cert, key, info: describeCertificate(file.cert), source: file.source };
    } catch {
      // Damaged, or the keyring can no longer open it: a self-signed one is made anew; a
      // company one has to be given again (current() then falls back to self-signed).
      return null;
    }
  }

  private async write(credentials: { cert: string; key: string; source: CertificateSource }): Promise<void> {
    const problem = await this.options.protection.problem();
    if (problem) throw new CertificateProblem(problem);
    const file: z.infer<typeof fileSchema> = {
      format: 'bridgeboard-tls',
      formatVersion: 1,
      source: credentials.source,
      cert: credentials.cert,
      protection: this.options.protection.kind,
      sealedKey: await this.options.protection.seal(credentials.key),
      savedAt: this.now().toISOString(),
    };
    await writePrivateFile(this.path(credentials.source), `${JSON.stringify(file, null, 2)}\n`);
  }

  /**
   * The certificate to serve: the company's while it is valid, else this device's self-signed
   * one, generated (naming `hosts`) only when there is none that is good for another 30 days.
   */
  ensure(hosts: readonly string[]): Promise<TlsCredentials> {
    return this.serial(async () => {
      const now = this.now();
      const company = await this.read('company');
      if (company && validFor(company.info, now, 0)) return company;
      const existing = await this.read('self-signed');
      if (existing && validFor(existing.info, now, RENEW_BEFORE_MS)) return existing;
      const issued = await this.issue({ hosts: ['localhost', '127.0.0.1', '::1', ...hosts], now });
      await this.write({ ...issued, source: 'self-signed' });
      return { ...issued, info: describeCertificate(issued.cert), source: 'self-signed' };
    });
  }

  /** Keeps a certificate the company provides (PEM, chain allowed) and its key. Throws CertificateProblem. */
  useCompanyCertificate(certPem: string, keyPem: string): Promise<CertificateInfo> {
    return this.serial(async () => {
      const info = describeCertificate(certPem);
      checkKeyPair(certPem, keyPem);
      if (!validFor(info, this.now(), 0)) throw new CertificateProblem(`This certificate is not valid now (valid ${info.validFrom} to ${info.validTo}).`);
      await this.write({ cert: certPem, key: keyPem, source: 'company' });
      return info;
    });
  }

  /** Back to this device's self-signed certificate. */
  forgetCompanyCertificate(): Promise<void> {
    return this.serial(() => rm(this.path('company'), { force: true }));
  }
}
