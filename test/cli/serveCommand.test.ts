// `bridgeboard serve`: argument errors, where it finds the web app, the printed URL and SPKI line
// (checked against the certificate the port really presents), reuse of its self-signed
// certificate across restarts, a company certificate, and --behind-proxy's plain HTTP.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { connect as tlsConnect } from 'node:tls';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locateWebRoot, runServe, SPKI_LINE_PREFIX, type ServeIo } from '../../cli/serveCommand';
import { parseServeOptions } from '../../cli/serveOptions';
import { issueSelfSignedCertificate } from '../../electron/main/tls/selfSignedCertificate';
import { redisMissing, startRedis } from '../electron/signaling/redisProcess';
import { connect, eventually } from '../electron/signaling/wsClient';

const dir = mkdtempSync(join(tmpdir(), 'bb-serve-'));
const webRoot = join(dir, 'web');
mkdirSync(webRoot);
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Bridgeboard</title>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(extra: Partial<ServeIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  let stop: () => void = () => {};
  const stopped = new Promise<void>((r) => (stop = r));
  const value: ServeIo = { out: (l) => out.push(l), err: (l) => err.push(l), waitForStop: () => stopped, networkInterfaces: () => ({}), env: {}, ...extra };
  return { out, err, stop: () => stop(), io: value };
}

/** Starts serve and waits for its SPKI line (or its URL line, behind a proxy). */
async function serve(argv: string[]) {
  const t = io();
  const done = runServe(['--host', '127.0.0.1', '--port', '0', '--web-root', webRoot, '--stats-interval-ms', '0', ...argv], t.io);
  await eventually(() => t.out.some((l) => l.startsWith('Bridgeboard is serving')) || t.err.length > 0, 10_000);
  if (t.err.length > 0) throw new Error(`serve failed: ${t.err.join('\n')}`);
  const url = /serving the web app and signaling at (\S+)/.exec(t.out.join('\n'))?.[1] ?? '';
  return { ...t, done, url, port: Number(new URL(url).port) };
}

function peerSpki(port: number): Promise<{ spki: string; sha256: string }> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      const cert = socket.getPeerX509Certificate();
      socket.destroy();
      if (!cert) return reject(new Error('no certificate'));
      const spki = createHash('sha256').update(cert.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
      resolve({ spki, sha256: cert.fingerprint256 });
    });
    socket.on('error', reject);
  });
}

describe('bridgeboard serve options', () => {
  it.each([
    ['a key without a certificate', ['--key', 'k.pem']],
    ['a certificate behind a proxy', ['--behind-proxy', '--cert', 'c.pem', '--key', 'k.pem']],
    ['a signal option out of range', ['--max-connections', '0']],
    ['an unknown option', ['--certificate', 'c.pem']],
    ['a bad name', ['--name', 'bad_name!']],
  ])('refuses %s', (_name, argv) => {
    expect(parseServeOptions(argv).ok).toBe(false);
  });

  it('passes every signal option through and defaults to port 8443', () => {
    const parsed = parseServeOptions(['--host', '0.0.0.0', '--max-connections-per-address', '7', '--name', 'Board.Plant.example']);
    if (!parsed.ok || parsed.help) throw new Error('did not parse');
    expect(parsed.options.signal).toMatchObject({ host: '0.0.0.0', port: 8443, limits: { maxConnectionsPerAddress: 7 } });
    expect(parsed.options.names).toEqual(['board.plant.example']);
  });

  it('passes --redis and --redis-prefix through to signaling', () => {
    const parsed = parseServeOptions(['--redis', 'redis://:pw@10.0.0.5:6379/2', '--redis-prefix', 'plant-a:']);
    if (!parsed.ok || parsed.help) throw new Error('did not parse');
    expect(parsed.options.signal.redis).toEqual({ url: 'redis://:pw@10.0.0.5:6379/2', prefix: 'plant-a:' });
    expect(parseServeOptions(['--redis', 'http://10.0.0.5']).ok).toBe(false);
  });

  it('finds the web app beside the bundled CLI, then in the repository’s dist/renderer', () => {
    const deployed = join(dir, 'deployed');
    mkdirSync(join(deployed, 'web'), { recursive: true });
    writeFileSync(join(deployed, 'web', 'index.html'), '');
    expect(locateWebRoot(null, join(deployed, 'bridgeboard.cjs'))).toEqual({ root: join(deployed, 'web') });
    expect(locateWebRoot(null, join(dir, 'nowhere', 'bridgeboard.cjs'))).toEqual({ tried: [join(dir, 'nowhere', 'web'), join(dir, 'dist', 'renderer')] });
    expect(locateWebRoot(webRoot, undefined)).toEqual({ root: webRoot });
  });

  it('says how to build the web app when there is none', async () => {
    const t = io({ scriptPath: join(dir, 'empty', 'bridgeboard.cjs') });
    expect(await runServe(['--port', '0'], t.io)).toBe(2);
    expect(t.err[0]).toMatch(/no built web app .*npm run build:cli/);
  });
});

describe('bridgeboard serve', () => {
  it('prints the URL and the SPKI the port presents, and reuses its certificate on restart', async () => {
    const tlsDir = join(dir, 'tls');
    const first = await serve(['--tls-dir', tlsDir]);
    expect(first.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    const spkiLine = first.out.find((l) => l.startsWith(SPKI_LINE_PREFIX)) ?? '';
    const presented = await peerSpki(first.port);
    expect(spkiLine).toBe(`${SPKI_LINE_PREFIX}${presented.spki}`);
    expect(first.out).toContain(`certificate SHA-256: ${presented.sha256.replace(/:/g, ' ')}`);
    first.stop();
    expect(await first.done).toBe(0);

    const second = await serve(['--tls-dir', tlsDir]);
    expect(second.out.find((l) => l.startsWith(SPKI_LINE_PREFIX))).toBe(spkiLine);
    second.stop();
    await second.done;
  });

  it('serves with the company certificate it is given, and refuses a key that does not match', async () => {
    const company = await issueSelfSignedCertificate({ hosts: ['board.plant.example'] });
    const other = await issueSelfSignedCertificate({ hosts: ['x.example'] });
    writeFileSync(join(dir, 'c.pem'), company.cert);
    writeFileSync(join(dir, 'k.pem'), company.key);
    writeFileSync(join(dir, 'other.pem'), other.key);
    const bad = io();
    expect(await runServe(['--port', '0', '--web-root', webRoot, '--cert', join(dir, 'c.pem'), '--key', join(dir, 'other.pem')], bad.io)).toBe(2);
    expect(bad.err[0]).toMatch(/does not belong to the certificate/);

    const s = await serve(['--cert', join(dir, 'c.pem'), '--key', join(dir, 'k.pem'), '--name', 'board.plant.example']);
    const presented = await peerSpki(s.port);
    expect(s.out.find((l) => l.startsWith(SPKI_LINE_PREFIX))).toBe(`${SPKI_LINE_PREFIX}${presented.spki}`);
    expect(s.url).toMatch(/^https:\/\/board\.plant\.example:\d+\/$/);
    s.stop();
    await s.done;
  });

  it('behind a proxy, serves plain HTTP and prints no certificate', async () => {
    const s = await serve(['--behind-proxy']);
    expect(s.url).toMatch(/^http:\/\//);
    expect(s.out.some((l) => l.startsWith(SPKI_LINE_PREFIX))).toBe(false);
    const body = await new Promise<string>((resolve, reject) => {
      httpGet({ host: '127.0.0.1', port: s.port, path: '/' }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(text));
      }).on('error', reject);
    });
    expect(body).toContain('<title>Bridgeboard</title>');
    s.stop();
    await s.done;
  });
});

describe.skipIf(redisMissing !== undefined)(`bridgeboard serve --redis${redisMissing ? ` (skipped: ${redisMissing})` : ''}`, () => {
  it('two servers on one Redis share rooms and short codes: a publish or a code left through one reaches the other', async () => {
    const redis = await startRedis();
    const servers: Awaited<ReturnType<typeof serve>>[] = [];
    try {
      for (let i = 0; i < 2; i++) servers.push(await serve(['--behind-proxy', '--redis', redis.url]));
      for (const s of servers) expect(s.out.join('\n')).toContain('sharing rooms through Redis');
      const [a, b] = await Promise.all(servers.map((s) => connect(`ws://127.0.0.1:${s.port}`, { headers: { 'X-Forwarded-For': '192.0.2.1' } })));
      a!.send({ type: 'subscribe', topics: ['shared'] });
      b!.send({ type: 'subscribe', topics: ['shared'] });
      const publishing = setInterval(() => a!.send({ type: 'publish', topic: 'shared', data: 'across' }), 50);
      try {
        await b!.next((m) => m.data === 'across', 5_000);
      } finally {
        clearInterval(publishing);
      }
      // A short code left through one server is found through the other (the drop is in Redis).
      const id = 'AAECAwQFBgcICQoLDA0ODw';
      a!.send({ type: 'invite-put', id, box: 'sealed-box', ttl: 60 });
      expect(await a!.next((m) => m.id === id)).toMatchObject({ type: 'invite-stored', id });
      b!.send({ type: 'invite-get', id });
      expect(await b!.next((m) => m.id === id)).toEqual({ type: 'invite-found', id, box: 'sealed-box' });
      for (const s of servers) expect(s.out.join('\n')).toContain('short codes kept in the same Redis');
      await Promise.all([a!.close(), b!.close()]);
    } finally {
      for (const s of servers) {
        s.stop();
        await s.done;
      }
      await redis.stop();
    }
  });
});
