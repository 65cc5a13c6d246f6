// `bridgeboard serve`: the web app and the signaling server over HTTPS and WSS on one port, for
// a company server (the facilitator's desktop app does the same on the LAN). Prints the URL and
// the certificate's fingerprints so administrators and scripts can pin it.
import { existsSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { jsonLineLogger } from '../electron/main/signaling/signalingLog';
import { listLanAddresses, type NetworkInterfacesFn } from '../electron/main/signaling/lanAddresses';
import { CertificateProblem, checkKeyPair, describeCertificate, type CertificateInfo } from '../electron/main/tls/certificateInfo';
import { CertificateStore } from '../electron/main/tls/certificateStore';
import { filePermissionProtection } from '../electron/main/tls/keyProtection';
import { startRoomPortServer, type RoomPortServer } from '../electron/main/webHost/roomPortServer';
import { formatFingerprint } from '../shared/room/certificateFingerprint';
import { parseServeOptions, serveUsage, type ServeOptions } from './serveOptions';
import type { SignalIo } from './signalCommand';
import { openSharedRooms } from './sharedRooms';

export interface ServeIo extends SignalIo {
  /** The running script, to find the web app beside it; defaults to process.argv[1]. */
  readonly scriptPath?: string;
  readonly env?: NodeJS.ProcessEnv;
}

export const SPKI_LINE_PREFIX = 'certificate SHA-256 SPKI (base64): ';

/** The built web app: --web-root, else web/ beside the CLI (a deployed dist-cli/), else the
 * repository's dist/renderer (running from a checkout). */
export function locateWebRoot(explicit: string | null, scriptPath: string | undefined): { root: string } | { tried: string[] } {
  const candidates = explicit !== null ? [resolve(explicit)] : [];
  if (explicit === null && scriptPath) {
    const here = dirname(existsSync(scriptPath) ? realpathSync(scriptPath) : scriptPath);
    candidates.push(join(here, 'web'), join(here, '..', 'dist', 'renderer'));
  }
  const root = candidates.find((dir) => existsSync(join(dir, 'index.html')));
  return root ? { root } : { tried: candidates };
}

export function defaultTlsDir(env: NodeJS.ProcessEnv): string {
  const state = env.XDG_STATE_HOME || join(env.HOME || os.homedir(), '.local', 'state');
  return join(state, 'bridgeboard', 'tls');
}

function defaultWaitForStop(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

const wildcard = (host: string) => host === '0.0.0.0' || host === '::' || host === '';
const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

function urlsFor(options: ServeOptions, port: number, networkInterfaces: NetworkInterfacesFn, scheme: 'https' | 'http'): string[] {
  const host = options.signal.host;
  const hosts = [...options.names, ...(wildcard(host) ? listLanAddresses(port, networkInterfaces).map((a) => a.address) : [host])];
  return [...new Set(hosts.length > 0 ? hosts : ['127.0.0.1'])].map((h) => `${scheme}://${urlHost(h)}:${port}/`);
}

async function credentialsFor(options: ServeOptions, io: ServeIo): Promise<{ cert: string; key: string; info: CertificateInfo; where: string }> {
  if (options.certFile !== null && options.keyFile !== null) {
    const [cert, key] = await Promise.all([readFile(options.certFile, 'utf8'), readFile(options.keyFile, 'utf8')]);
    checkKeyPair(cert, key);
    return { cert, key, info: describeCertificate(cert), where: options.certFile };
  }
  const dir = options.tlsDir ?? defaultTlsDir(io.env ?? process.env);
  const host = options.signal.host;
  const store = new CertificateStore({ dir, protection: filePermissionProtection });
  // Made once, naming the server's names and addresses of that day; reused after.
  const lan = wildcard(host) ? [os.hostname(), ...listLanAddresses(0, io.networkInterfaces ?? os.networkInterfaces).map((a) => a.address)] : [host];
  const made = await store.ensure([...options.names, ...lan]);
  return { ...made, where: `${dir} (self-signed, key file readable by its owner only)` };
}

export async function runServe(argv: readonly string[], io: ServeIo = { out: (l) => console.log(l), err: (l) => console.error(l) }): Promise<number> {
  const parsed = parseServeOptions(argv);
  if (!parsed.ok) {
    io.err(`bridgeboard serve: ${parsed.error}`);
    io.err('Run `bridgeboard serve --help` for the options.');
    return 2;
  }
  if (parsed.help) {
    io.out(serveUsage);
    return 0;
  }
  const options = parsed.options;
  const web = locateWebRoot(options.webRoot, io.scriptPath ?? process.argv[1]);
  if (!('root' in web)) {
    io.err(`bridgeboard serve: no built web app (index.html) in ${web.tried.join(' or ')}. Run \`npm run build:cli\` (it builds dist-cli/web) or pass --web-root DIR.`);
    return 2;
  }
  let credentials: Awaited<ReturnType<typeof credentialsFor>> | null = null;
  if (!options.behindProxy) {
    try {
      credentials = await credentialsFor(options, io);
    } catch (e) {
      const reason = e instanceof CertificateProblem ? e.message : e instanceof Error ? e.message : String(e);
      io.err(`bridgeboard serve: cannot use the certificate: ${reason}`);
      return 2;
    }
  }
  // Everything of `signal` passes through: limits, addressing, stats interval, and what it gains.
  const { host, port, redis, ...signaling } = options.signal;
  const log = jsonLineLogger(io.out);
  const shared = await openSharedRooms(redis, signaling.limits, log, signaling.invites);
  if (!shared.ok) {
    io.err(`bridgeboard serve: ${shared.error}`);
    return 1;
  }
  let server: RoomPortServer;
  try {
    server = await startRoomPortServer({
      host,
      port,
      webRoot: web.root,
      tls: credentials,
      signaling: { ...signaling, invites: shared.invites, log, ...(shared.bus ? { bus: shared.bus } : {}) },
    });
  } catch (e) {
    await shared.closeUnused();
    const code = (e as { code?: unknown }).code;
    io.err(`bridgeboard serve: cannot listen on ${host}:${port}${typeof code === 'string' ? ` (${code})` : ''}`);
    return 1;
  }
  const networkInterfaces = io.networkInterfaces ?? os.networkInterfaces;
  const urls = urlsFor(options, server.port, networkInterfaces, credentials ? 'https' : 'http');
  io.out(`Bridgeboard is serving the web app and signaling at ${urls[0]}`);
  for (const url of urls.slice(1)) io.out(`  also at ${url}`);
  io.out(`  web app from ${web.root}`);
  if (shared.note) io.out(shared.note);
  if (credentials) {
    io.out(`${SPKI_LINE_PREFIX}${credentials.info.spkiSha256}`);
    io.out(`certificate SHA-256: ${formatFingerprint(credentials.info.sha256)}`);
    io.out(`  certificate from ${credentials.where}, valid until ${credentials.info.validTo}`);
  } else {
    io.out(`  plain HTTP for the reverse proxy in front (it terminates TLS); client addresses from ${signaling.addressing.proxyHeader}, ${signaling.addressing.proxyHops} trusted hop(s)`);
  }
  await (io.waitForStop ?? defaultWaitForStop)();
  io.out('Stopping: closing connections...');
  await server.close();
  io.out('Stopped.');
  return 0;
}
