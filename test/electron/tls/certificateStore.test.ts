// The room's TLS certificate: a self-signed one is generated once per device and reused, its key
// never written in the clear where safeStorage protects it, a company certificate is used while
// valid, and Node's own TLS accepts what we generate. Real files, real crypto, a real handshake.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, connect, type TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { CertificateStore, RENEW_BEFORE_MS } from '../../../electron/main/tls/certificateStore';
import { CertificateProblem, checkKeyPair, describeCertificate } from '../../../electron/main/tls/certificateInfo';
import { filePermissionProtection, safeStorageProtection } from '../../../electron/main/tls/keyProtection';
import { issueSelfSignedCertificate, MAX_VALIDITY_DAYS } from '../../../electron/main/tls/selfSignedCertificate';
import { fakeSafeStorage } from '../../support/fakeSafeStorage';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bb-tls-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('issueSelfSignedCertificate', () => {
  it('issues an ECDSA P-256 server certificate naming every host, valid at most 825 days', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const { cert, key } = await issueSelfSignedCertificate({ hosts: ['lan.bridgeboard.test', '10.1.2.3', 'fe80::1', '::1'], now });
    const x509 = new X509Certificate(cert);
    expect(x509.subjectAltName).toBe('DNS:lan.bridgeboard.test, IP Address:10.1.2.3, IP Address:FE80:0:0:0:0:0:0:1, IP Address:0:0:0:0:0:0:0:1');
    expect(x509.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(x509.ca).toBe(false);
    expect(x509.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(Date.parse(x509.validTo) - now.getTime()).toBeLessThanOrEqual(MAX_VALIDITY_DAYS * 86_400_000);
    expect(Date.parse(x509.validFrom)).toBeLessThan(now.getTime());
    expect(() => checkKeyPair(cert, key)).not.toThrow();
    expect(describeCertificate(cert).selfSigned).toBe(true);
  });

  it('gives every certificate its own key and serial', async () => {
    const a = await issueSelfSignedCertificate({ hosts: ['localhost'] });
    const b = await issueSelfSignedCertificate({ hosts: ['localhost'] });
    expect(new X509Certificate(a.cert).serialNumber).not.toBe(new X509Certificate(b.cert).serialNumber);
    expect(describeCertificate(a.cert).spkiSha256).not.toBe(describeCertificate(b.cert).spkiSha256);
    expect(() => checkKeyPair(a.cert, b.key)).toThrow(CertificateProblem);
  });

  it('completes a TLS handshake whose peer certificate has the fingerprints we report', async () => {
    const { cert, key } = await issueSelfSignedCertificate({ hosts: ['localhost', '127.0.0.1'] });
    const info = describeCertificate(cert);
    const server = createServer({ cert, key }, (socket) => socket.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const socket: TLSSocket = connect({ host: '127.0.0.1', port, ca: cert, servername: 'localhost' });
    // The peer's certificate is read when the handshake completes: once the server has ended the
    // connection, the socket may already have let go of it.
    let peer: ReturnType<TLSSocket['getPeerX509Certificate']>;
    socket.on('secureConnect', () => (peer = socket.getPeerX509Certificate()));
    const text = await new Promise<string>((resolve, reject) => {
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(text).toBe('hello');
    expect(peer?.fingerprint256.replace(/:/g, '')).toBe(info.sha256);
    expect(info.sha256).toMatch(/^[0-9A-F]{64}$/);
    expect(Buffer.from(info.spkiSha256, 'base64')).toHaveLength(32);
    socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
});

describe('CertificateStore', () => {
  it('generates a self-signed certificate once and reuses it, across restarts', async () => {
    const dir = tempDir();
    let issued = 0;
    const issue = async (o: Parameters<typeof issueSelfSignedCertificate>[0]) => {
      issued++;
      return issueSelfSignedCertificate(o);
    };
    const safeStorage = fakeSafeStorage();
    const first = await new CertificateStore({ dir, protection: safeStorageProtection(safeStorage), issue }).ensure(['10.0.0.5']);
    const again = await new CertificateStore({ dir, protection: safeStorageProtection(safeStorage), issue }).ensure(['192.168.1.9']);
    expect(issued).toBe(1);
    expect(again.info.sha256).toBe(first.info.sha256);
    expect(again.key).toBe(first.key);
    expect(first.source).toBe('self-signed');
    expect(first.info.hosts).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', '10.0.0.5']));
  });

  it('mints one certificate when asked twice at once', async () => {
    const store = new CertificateStore({ dir: tempDir(), protection: safeStorageProtection(fakeSafeStorage()) });
    const [a, b] = await Promise.all([store.ensure([]), store.ensure([])]);
    expect(a.info.sha256).toBe(b.info.sha256);
  });

  it('keeps the private key encrypted with safeStorage, in a file only its owner can read', async () => {
    const dir = tempDir();
    const safeStorage = fakeSafeStorage();
    const { key } = await new CertificateStore({ dir, protection: safeStorageProtection(safeStorage) }).ensure([]);
    const path = join(dir, 'self-signed.json');
    const text = readFileSync(path, 'utf8');
    const body = key.split('\n').slice(1, 3).join('');
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain(body.slice(0, 40));
    expect(JSON.parse(text)).toMatchObject({ format: 'bridgeboard-tls', protection: 'safeStorage', source: 'self-signed' });
    expect(safeStorage.encryptCalls).toBe(1);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('refuses to store a key where safeStorage cannot encrypt', async () => {
    const store = new CertificateStore({ dir: tempDir(), protection: safeStorageProtection(fakeSafeStorage({ available: false })) });
    await expect(store.ensure([])).rejects.toThrow(/cannot encrypt/);
  });

  it('makes a new certificate when the keyring can no longer open the stored key', async () => {
    const dir = tempDir();
    const first = await new CertificateStore({ dir, protection: safeStorageProtection(fakeSafeStorage({ keyringSecret: 'a' })) }).ensure([]);
    const other = await new CertificateStore({ dir, protection: safeStorageProtection(fakeSafeStorage({ keyringSecret: 'b' })) }).ensure([]);
    expect(other.info.sha256).not.toBe(first.info.sha256);
  });

  it('renews a self-signed certificate 30 days before it expires, not earlier', async () => {
    const dir = tempDir();
    let now = new Date('2026-01-01T00:00:00Z');
    const store = new CertificateStore({ dir, protection: filePermissionProtection, now: () => now });
    const first = await store.ensure([]);
    now = new Date(Date.parse(first.info.validTo) - RENEW_BEFORE_MS - 86_400_000);
    expect((await store.ensure([])).info.sha256).toBe(first.info.sha256);
    now = new Date(Date.parse(first.info.validTo) - RENEW_BEFORE_MS + 86_400_000);
    expect((await store.ensure([])).info.sha256).not.toBe(first.info.sha256);
  });

  it('serves a company certificate while it is valid, and checks it matches its key', async () => {
    const dir = tempDir();
    const store = new CertificateStore({ dir, protection: safeStorageProtection(fakeSafeStorage()) });
    const company = await issueSelfSignedCertificate({ hosts: ['board.plant.example'], commonName: 'board.plant.example' });
    const stranger = await issueSelfSignedCertificate({ hosts: ['x'] });
    await expect(store.useCompanyCertificate(company.cert, stranger.key)).rejects.toThrow(/does not belong/);
    await expect(store.useCompanyCertificate('not a certificate', company.key)).rejects.toThrow(CertificateProblem);
    const info = await store.useCompanyCertificate(company.cert, company.key);
    const served = await store.ensure(['10.0.0.5']);
    expect(served.source).toBe('company');
    expect(served.info.sha256).toBe(info.sha256);
    expect(readFileSync(join(dir, 'company.json'), 'utf8')).not.toContain('PRIVATE KEY');
    await store.forgetCompanyCertificate();
    expect((await store.ensure([])).source).toBe('self-signed');
  });

  it('keeps a key in the clear only under file-permission protection (the server CLI), owner-only', async () => {
    const dir = tempDir();
    const { key } = await new CertificateStore({ dir, protection: filePermissionProtection }).ensure([]);
    const path = join(dir, 'self-signed.json');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ protection: 'file-permissions', sealedKey: key });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('replaces a damaged file rather than failing to serve', async () => {
    const dir = tempDir();
    const store = new CertificateStore({ dir, protection: filePermissionProtection });
    const first = await store.ensure([]);
    writeFileSync(join(dir, 'self-signed.json'), '{"format":"bridgeboard-tls"');
    expect((await store.ensure([])).info.sha256).not.toBe(first.info.sha256);
  });
});
