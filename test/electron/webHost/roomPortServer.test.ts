// The room's one port over real sockets: HTTPS serves the web app, WSS the signaling server
// (with its limits), plain http is redirected or refused with the sentence, and behind a proxy
// the port speaks plain HTTP and trusts the forwarding header.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeCertificate } from '../../../electron/main/tls/certificateInfo';
import { issueSelfSignedCertificate, type IssuedCertificate } from '../../../electron/main/tls/selfSignedCertificate';
import { PLAIN_HTTP_SENTENCE } from '../../../electron/main/webHost/plainHttpAnswer';
import { startRoomPortServer, type RoomPortOptions, type RoomPortServer } from '../../../electron/main/webHost/roomPortServer';
import { connect, eventually, sleep, type TestClient } from '../signaling/wsClient';

let cert: IssuedCertificate;
let webRoot: string;
const servers: RoomPortServer[] = [];
const clients: TestClient[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  cert = await issueSelfSignedCertificate({ hosts: ['localhost', '127.0.0.1', 'lan.bridgeboard.test'] });
  const dir = mkdtempSync(join(tmpdir(), 'bb-web-'));
  webRoot = join(dir, 'renderer');
  mkdirSync(join(webRoot, 'assets'), { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html><head><title>Bridgeboard</title></head><body></body></html>');
  writeFileSync(join(webRoot, 'assets', 'app-1a2b.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  symlinkSync(join(dir, 'secret.txt'), join(webRoot, 'link.txt'));
});
afterAll(() => rmSync(join(webRoot, '..'), { recursive: true, force: true }));
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.destroy());
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(options: Partial<RoomPortOptions> = {}): Promise<RoomPortServer> {
  const server = await startRoomPortServer({ host: '127.0.0.1', port: 0, webRoot, tls: cert, ...options, signaling: { statsIntervalMs: 0, ...options.signaling } });
  servers.push(server);
  return server;
}

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function get(server: RoomPortServer, path: string, init: { secure?: boolean; method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const secure = init.secure ?? true;
  const request = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: init.method ?? 'GET', headers: init.headers, ...(secure ? { ca: cert.cert, servername: 'localhost' } : {}) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function wss(server: RoomPortServer, options: { localAddress?: string } = {}): Promise<TestClient> {
  const c = await connect(`wss://127.0.0.1:${server.port}`, { ca: cert.cert, ...options });
  clients.push(c);
  return c;
}

describe('the web app over HTTPS', () => {
  it('serves the page and its assets with the app’s security headers', async () => {
    const server = await start();
    const page = await get(server, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Bridgeboard</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['strict-transport-security']).toBeUndefined();
    const script = await get(server, '/assets/app-1a2b.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get(server, '/healthz')).body).toBe('okay');
  });

  it('tells its own page where signaling is and which certificate it presents, and nothing more', async () => {
    const server = await start();
    const page = (await get(server, '/')).body;
    expect(page).toContain('<meta name="bridgeboard-signaling" content="same-origin" />');
    expect(page).toContain(`<meta name="bridgeboard-certificate" content="${describeCertificate(cert.cert).sha256}" />`);
    const proxied = await start({ tls: null });
    const plainPage = (await get(proxied, '/', { secure: false })).body;
    expect(plainPage).toContain('bridgeboard-signaling');
    expect(plainPage).not.toContain('bridgeboard-certificate');
  });

  it('never serves what lies outside the folder, and only GET and HEAD', async () => {
    const server = await start();
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/link.txt', '/%00']) {
      const reply = await get(server, path);
      expect(reply.body, path).not.toContain('outside');
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
    }
    expect((await get(server, '/', { method: 'POST' })).status).toBe(405);
  });

  it('presents the certificate whose fingerprint the invite carries', async () => {
    const server = await start();
    const socket = tlsConnect({ host: '127.0.0.1', port: server.port, ca: cert.cert, servername: 'localhost' });
    sockets.push(socket);
    await new Promise((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject));
    expect(socket.getPeerX509Certificate()?.fingerprint256.replace(/:/g, '')).toBe(describeCertificate(cert.cert).sha256);
  });
});

describe('signaling over WSS on the same port', () => {
  it('relays a publish between two clients', async () => {
    const server = await start();
    const a = await wss(server);
    const b = await wss(server);
    a.send({ type: 'subscribe', topics: ['room'] });
    b.send({ type: 'subscribe', topics: ['room'] });
    await eventually(() => server.stats().subscriptions === 2);
    a.send({ type: 'publish', topic: 'room', data: 'ciphertext' });
    expect(await b.next((m) => m.type === 'publish')).toMatchObject({ data: 'ciphertext', clients: 2 });
  });

  it('keeps a WebSocket open past the handshake deadline (the deadline ends at the upgrade)', async () => {
    const server = await start({ signaling: { limits: { handshakeTimeoutMs: 300 } } });
    const a = await wss(server);
    await sleep(700);
    a.send({ type: 'ping' });
    expect(await a.next((m) => m.type === 'pong')).toEqual({ type: 'pong' });
  });

  it('keeps the per-address connection limit: 429 for that address only', async () => {
    const server = await start({ signaling: { limits: { maxConnectionsPerAddress: 2 } } });
    await wss(server);
    await wss(server);
    await expect(wss(server)).rejects.toThrow('HTTP 429');
    await expect(wss(server, { localAddress: '127.0.0.2' })).resolves.toBeDefined();
  });

  it('cuts sockets that never speak, and holds an address to its share of them', async () => {
    const server = await start({ signaling: { limits: { maxHandshakesPerAddress: 2, handshakeTimeoutMs: 400 } } });
    const open = (localAddress = '127.0.0.1') => {
      const s = tcpConnect({ host: '127.0.0.1', port: server.port, localAddress });
      sockets.push(s);
      const closed = new Promise<number>((resolve) => s.once('close', () => resolve(Date.now())));
      s.on('error', () => undefined);
      return closed;
    };
    const started = Date.now();
    const first = open();
    const second = open();
    await sleep(100);
    const third = await open();
    expect(third - started).toBeLessThan(300);
    const other = open('127.0.0.3');
    expect((await first) - started).toBeGreaterThanOrEqual(350);
    await Promise.all([second, other]);
  });

  it('cuts a TLS handshake that never finishes at the deadline', async () => {
    const server = await start({ signaling: { limits: { handshakeTimeoutMs: 300 } } });
    const s = tcpConnect({ host: '127.0.0.1', port: server.port });
    sockets.push(s);
    s.on('error', () => undefined);
    const started = Date.now();
    // The first bytes of a ClientHello, then nothing.
    s.write(Buffer.from([0x16, 0x03, 0x01, 0x00, 0x80, 0x01]));
    await new Promise((resolve) => s.once('close', resolve));
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });
});

describe('plain http on the HTTPS port', () => {
  it('redirects a page request to https on the same host and port, saying why', async () => {
    const server = await start();
    const reply = await get(server, '/?lang=de', { secure: false, headers: { Host: `lan.bridgeboard.test:${server.port}` } });
    expect(reply.status).toBe(308);
    expect(reply.headers.location).toBe(`https://lan.bridgeboard.test:${server.port}/?lang=de`);
    expect(reply.body).toContain(PLAIN_HTTP_SENTENCE);
  });

  it('explains in one sentence what it cannot redirect', async () => {
    const server = await start();
    const post = await get(server, '/', { secure: false, method: 'POST' });
    expect(post.status).toBe(400);
    expect(post.body.trim()).toBe(PLAIN_HTTP_SENTENCE);
    const badHost = await get(server, '/', { secure: false, headers: { Host: 'evil.example/@x' } });
    expect(badHost.status).toBe(400);
  });

  it('refuses plain ws:// signaling with 426 unless the port allows it', async () => {
    const strict = await start();
    await expect(connect(`ws://127.0.0.1:${strict.port}`)).rejects.toThrow('HTTP 426');
    const lan = await start({ plainSignaling: true });
    const c = await connect(`ws://127.0.0.1:${lan.port}`);
    clients.push(c);
    c.send({ type: 'ping' });
    expect(await c.next((m) => m.type === 'pong')).toEqual({ type: 'pong' });
    // Pages still go to https on a port that allows plain signaling.
    expect((await get(lan, '/', { secure: false, headers: { Host: `127.0.0.1:${lan.port}` } })).status).toBe(308);
  });
});

describe('behind a TLS-terminating reverse proxy', () => {
  it('serves the web app and signaling over plain HTTP, counting clients by the forwarded address', async () => {
    const server = await start({ tls: null, signaling: { addressing: { proxyHops: 1 }, limits: { maxConnectionsPerAddress: 1 } } });
    expect(server.secure).toBe(false);
    expect((await get(server, '/', { secure: false })).body).toContain('<title>Bridgeboard</title>');
    const a = await connect(`ws://127.0.0.1:${server.port}`, { headers: { 'X-Forwarded-For': '10.0.0.1' } });
    clients.push(a);
    const b = await connect(`ws://127.0.0.1:${server.port}`, { headers: { 'X-Forwarded-For': '10.0.0.2' } });
    clients.push(b);
    await expect(connect(`ws://127.0.0.1:${server.port}`, { headers: { 'X-Forwarded-For': '10.0.0.1' } })).rejects.toThrow('HTTP 429');
  });
});
