// The facilitator's room on the LAN as the desktop app runs it, over the real IPC layer: the port
// serves the web app over HTTPS and signaling over WSS (and plain ws:// for older desktop
// invites), the status carries the certificate (never its key), a company certificate is picked
// in main and swapped in by a restart, and the certificate pins trust exactly what an invite names.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/main/handlers';
import { registerIpc } from '../../../electron/main/ipc';
import { createLanSignalingService, type LanSignalingService } from '../../../electron/main/signaling/lanSignalingService';
import { CertificatePins } from '../../../electron/main/tls/certificatePins';
import { CertificateStore } from '../../../electron/main/tls/certificateStore';
import { safeStorageProtection } from '../../../electron/main/tls/keyProtection';
import { issueSelfSignedCertificate } from '../../../electron/main/tls/selfSignedCertificate';
import { createCertificateChoice, sortPemFiles } from '../../../electron/main/webHost/certificateChoice';
import { fakeSafeStorage } from '../../support/fakeSafeStorage';
import { FakeIpcMain, frame, invokeEvent } from '../../support/ipcFakes';
import { connect } from '../signaling/wsClient';

const dir = mkdtempSync(join(tmpdir(), 'bb-lanroom-'));
const webRoot = join(dir, 'renderer');
mkdirSync(webRoot);
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Bridgeboard</title>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OWN = 3;
const good = invokeEvent(OWN, frame('app://bridgeboard/index.html'));
const interfaces = () => ({ lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }] });
let service: LanSignalingService | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

function setup(picked: string[] | null = null) {
  const tlsDir = mkdtempSync(join(dir, 'tls-'));
  const certificates = new CertificateStore({ dir: tlsDir, protection: safeStorageProtection(fakeSafeStorage()) });
  const pins = new CertificatePins();
  const trusted: string[] = [];
  service = createLanSignalingService({
    networkInterfaces: interfaces,
    web: { webRoot, certificates, onCertificate: (hosts, info) => hosts.forEach((h) => (trusted.push(h), pins.trust(h, info.sha256))) },
  });
  const ipcMain = new FakeIpcMain();
  const choice = createCertificateChoice(certificates, async () => picked);
  registerIpc(ipcMain, createHandlers({ store: {} as never, files: {} as never, openExternal: async () => undefined, signaling: service, signalingTls: { choice, pins } }), { isOwnWebContents: (id) => id === OWN });
  const call = (channel: string, payload: unknown) => ipcMain.invoke(channel, good, payload);
  return { call, pins, trusted, tlsDir };
}

function fetchPage(url: string, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    httpsRequest(url, { ca, servername: 'localhost' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(body));
    }).on('error', reject).end();
  });
}

interface Status {
  port: number;
  urls: string[];
  webUrls: string[];
  certificate: { sha256: string; spkiSha256: string; source: string };
}

describe('the LAN room port in the desktop app', () => {
  it('serves the web app over HTTPS and signaling over WSS and ws://, and reports the certificate', async () => {
    const { call, trusted, tlsDir } = setup();
    const reply = (await call('signaling:start', { host: '127.0.0.1', port: 0 })) as { ok: true; value: Status };
    expect(reply.ok).toBe(true);
    const { port, urls, webUrls, certificate } = reply.value;
    expect(urls).toEqual([`wss://127.0.0.1:${port}`]);
    expect(webUrls).toEqual([`https://127.0.0.1:${port}`]);
    expect(certificate).toMatchObject({ source: 'self-signed', sha256: expect.stringMatching(/^[0-9A-F]{64}$/) });
    expect(JSON.stringify(reply)).not.toContain('PRIVATE KEY');
    expect(trusted).toEqual(expect.arrayContaining(['127.0.0.1', 'localhost']));

    const { cert } = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(join(tlsDir, 'self-signed.json'), 'utf8'))) as { cert: string };
    expect(await fetchPage(`https://127.0.0.1:${port}/`, cert)).toContain('<title>Bridgeboard</title>');
    const secure = await connect(`wss://127.0.0.1:${port}`, { ca: cert });
    const plain = await connect(`ws://127.0.0.1:${port}`);
    await expect.poll(() => service?.status().connections).toBe(2);
    await Promise.all([secure.close(), plain.close()]);
  });

  it('swaps in a company certificate picked in main, restarting the running port, and back', async () => {
    const company = await issueSelfSignedCertificate({ hosts: ['board.plant.example'] });
    const both = join(dir, 'company.pem');
    writeFileSync(both, `${company.key}${company.cert}`);
    const { call } = setup([both]);
    const started = (await call('signaling:start', { host: '127.0.0.1', port: 0 })) as { ok: true; value: Status };
    const swapped = (await call('signaling:useCertificate', { source: 'company' })) as { ok: true; value: Status };
    expect(swapped.value.certificate.source).toBe('company');
    expect(swapped.value.certificate.sha256).not.toBe(started.value.certificate.sha256);
    expect(swapped.value.port).toBe(started.value.port);
    const back = (await call('signaling:useCertificate', { source: 'self-signed' })) as { ok: true; value: Status };
    expect(back.value.certificate.sha256).toBe(started.value.certificate.sha256);
  });

  it('says so when the certificate pick is cancelled or unusable', async () => {
    expect(await setup(null).call('signaling:useCertificate', { source: 'company' })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const lone = join(dir, 'lone.pem');
    writeFileSync(lone, (await issueSelfSignedCertificate({ hosts: ['x'] })).cert);
    expect(await setup([lone]).call('signaling:useCertificate', { source: 'company' })).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/private key/) } });
  });

  it('trusts a certificate an invite names for its host only, and refuses malformed pins', async () => {
    const { call, pins } = setup();
    const { cert } = await issueSelfSignedCertificate({ hosts: ['10.0.0.5'] });
    const other = await issueSelfSignedCertificate({ hosts: ['10.0.0.5'] });
    const sha256 = (await import('node:crypto')).createHash('sha256').update(Buffer.from(cert.split('\n').filter((l) => !l.startsWith('-----')).join(''), 'base64')).digest('hex').toUpperCase();
    expect(await call('signaling:trustCertificate', { host: '10.0.0.5', sha256 })).toEqual({ ok: true, value: null });
    expect(pins.verdict({ hostname: '10.0.0.5', certificate: { data: cert }, errorCode: -202 })).toBe(0);
    expect(pins.verdict({ hostname: '10.0.0.6', certificate: { data: cert }, errorCode: -202 })).toBe(-3);
    expect(pins.verdict({ hostname: '10.0.0.5', certificate: { data: other.cert }, errorCode: -202 })).toBe(-3);
    expect(pins.verdict({ hostname: 'example.com', certificate: { data: other.cert }, errorCode: 0 })).toBe(-3);
    expect(await call('signaling:trustCertificate', { host: 'a b', sha256 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call('signaling:trustCertificate', { host: '10.0.0.5', sha256: 'abc' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('sortPemFiles', () => {
  it('finds the chain and the key in either file, and refuses an encrypted key', () => {
    const cert = '-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----';
    const chain = '-----BEGIN CERTIFICATE-----\nBBB\n-----END CERTIFICATE-----';
    const key = '-----BEGIN PRIVATE KEY-----\nKKK\n-----END PRIVATE KEY-----';
    expect(sortPemFiles([key, `${cert}\n${chain}`])).toEqual({ cert: `${cert}\n${chain}\n`, key: `${key}\n` });
    expect(() => sortPemFiles([cert])).toThrow(/private key/);
    expect(() => sortPemFiles(['-----BEGIN ENCRYPTED PRIVATE KEY-----\nX\n-----END ENCRYPTED PRIVATE KEY-----', cert])).toThrow(/passphrase/);
  });
});
