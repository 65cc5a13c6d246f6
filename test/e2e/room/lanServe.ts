// Browsers on a LAN-like origin: `bridgeboard serve` runs as a child process (the real CLI) on
// 127.0.0.1, and each participant's Chromium resolves lan.bridgeboard.test to it and pins the
// certificate by the SPKI the CLI printed. Over plain http that name is not a secure context,
// exactly like a real LAN address, which 127.0.0.1 would hide.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, test, type BrowserContextOptions } from '@playwright/test';
import { attachPeersOnFailure, WEBRTC_ARGS, type Peer } from './roomHarness';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const LAN_NAME = 'lan.bridgeboard.test';

export interface ServeProcess {
  readonly port: number;
  /** https://lan.bridgeboard.test:<port>/ (http:// behind a proxy). */
  readonly url: string;
  /** The value printed after `certificate SHA-256 SPKI (base64): `. */
  readonly spki: string;
  /** The certificate's SHA-256 as printed (32 pairs). */
  readonly sha256: string;
  readonly output: string[];
  close(): Promise<void>;
}

/** Starts `bridgeboard serve` on a free port with a fresh self-signed certificate. */
export async function startServe(options: { behindProxy?: boolean } = {}): Promise<ServeProcess> {
  const args = ['--import', 'tsx', join(root, 'cli', 'bridgeboard.ts'), 'serve', '--host', '127.0.0.1', '--port', '0', '--name', LAN_NAME, '--stats-interval-ms', '0'];
  // The e2e web server's own build (playwright.config.ts), the same renderer build as everywhere.
  args.push('--web-root', join(root, 'dist', 'e2e-renderer'));
  args.push(...(options.behindProxy ? ['--behind-proxy'] : ['--tls-dir', mkdtempSync(join(tmpdir(), 'bb-e2e-tls-'))]));
  const child: ChildProcess = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output.join('\n')}`)), 60_000);
    const onLine = (line: string) => {
      output.push(line);
      const done = options.behindProxy ? line.startsWith('Bridgeboard is serving') : line.startsWith('certificate SHA-256: ');
      if (done) {
        clearTimeout(timer);
        resolve();
      }
    };
    let buffered = '';
    const read = (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      lines.forEach(onLine);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`serve exited ${code}:\n${output.join('\n')}`)));
  });
  await ready;
  const url = /serving the web app and signaling at (\S+)/.exec(output.join('\n'))?.[1] ?? '';
  const value = (prefix: string) => output.find((l) => l.startsWith(prefix))?.slice(prefix.length) ?? '';
  return {
    port: Number(new URL(url).port),
    url,
    spki: value('certificate SHA-256 SPKI (base64): '),
    sha256: value('certificate SHA-256: '),
    output,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A participant's machine on the LAN: its own Chromium, resolving LAN_NAME to the server and
 * trusting exactly the certificate with `spki`. */
export async function launchLanPeer(spki: string, context: BrowserContextOptions = {}): Promise<Peer> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      ...WEBRTC_ARGS,
      `--host-resolver-rules=MAP ${LAN_NAME} 127.0.0.1`,
      ...(spki ? [`--ignore-certificate-errors-spki-list=${spki}`] : []),
    ],
  });
  const page = await (await browser.newContext(context)).newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  if (process.env.ROOM_DEBUG) page.on('console', (m) => console.log(`[lan peer] ${m.type()}: ${m.text()}`));
  return { page, browser, problems, close: () => browser.close() };
}

export interface ServedSpec {
  /** The spec's server, once its first test has begun. */
  readonly serve: ServeProcess;
  /** A browser on the LAN-like origin pinning the server's certificate; closed after the spec. */
  peer(context?: BrowserContextOptions): Promise<Peer>;
  /** Something else the spec opened, closed after it too. */
  closeAfter(thing: { close(): Promise<void> }): void;
}

/**
 * One `bridgeboard serve` for a spec file and the browsers it launches: started before its first
 * test, all closed after the last; a failed test attaches each browser's screenshot and problems,
 * and the server's output.
 */
export function serveForSpec(): ServedSpec {
  let serve: ServeProcess | undefined;
  const peers: Peer[] = [];
  const others: { close(): Promise<void> }[] = [];
  test.beforeAll(async () => {
    serve = await startServe();
  });
  test.afterAll(async () => {
    await Promise.all(peers.map((p) => p.close()));
    await Promise.all(others.map((o) => o.close()));
    await serve?.close();
  });
  attachPeersOnFailure(peers, async () => {
    if (serve) await test.info().attach('serve-output', { body: serve.output.join('\n') });
  });

  const started = (): ServeProcess => {
    if (!serve) throw new Error('bridgeboard serve has not started: use it inside a test');
    return serve;
  };
  return {
    get serve() {
      return started();
    },
    async peer(context = {}) {
      const p = await launchLanPeer(started().spki, { ...context, baseURL: started().url });
      peers.push(p);
      return p;
    },
    closeAfter: (thing) => void others.push(thing),
  };
}
