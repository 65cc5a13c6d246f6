// Starts a real coturn on 127.0.0.1 for tests and benchmarks of the TURN relay path: random
// free port, a static long-term-credential user, no TLS/DTLS, no admin CLI, and loopback peers
// allowed (coturn refuses to relay to 127.0.0.0/8 otherwise, which is all a loopback-only
// network namespace has).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TurnServer {
  readonly port: number;
  /** turn: URLs over UDP and TCP. */
  readonly urls: readonly string[];
  readonly stunUrl: string;
  readonly username: string;
  readonly credential: string;
  readonly realm: string;
  readonly logFile: string;
  /** The process's log so far, for diagnosing a failed relay test. */
  log(): string;
  stop(): Promise<void>;
}

export const turnServerBinary = '/usr/bin/turnserver';

/** Why the TURN tests must be skipped here, or undefined when coturn can run. */
export function turnServerUnavailable(binary = turnServerBinary): string | undefined {
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 5_000 });
  if (probe.error) return `${binary} not runnable (${(probe.error as NodeJS.ErrnoException).code ?? probe.error.message}); install the Debian package coturn`;
  return undefined;
}

/** A port free for both TCP and UDP at the moment of asking (coturn listens on both). */
async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = createServer();
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const addr = srv.address();
        srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const sock = createSocket('udp4');
      sock.once('error', () => resolve(false));
      sock.bind(port, '127.0.0.1', () => sock.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
  throw new Error('no free port for coturn');
}

/** Sends STUN Binding requests until one is answered: coturn is then really serving. */
async function waitForStun(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const sock = createSocket('udp4');
  try {
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`coturn did not answer STUN on 127.0.0.1:${port} within ${timeoutMs} ms`)), timeoutMs);
      const exited = () => reject(new Error(`coturn exited early (code ${child.exitCode})`));
      child.once('exit', exited);
      sock.on('message', (msg) => {
        // 0x0101: Binding success response.
        if (msg.length >= 20 && msg.readUInt16BE(0) === 0x0101) {
          clearTimeout(deadline);
          child.off('exit', exited);
          clearInterval(timer);
          resolve();
        }
      });
      sock.on('error', () => {});
      const request = Buffer.alloc(20);
      request.writeUInt16BE(0x0001, 0);
      request.writeUInt32BE(0x2112a442, 4);
      randomBytes(12).copy(request, 8);
      const send = () => sock.send(request, port, '127.0.0.1');
      const timer = setInterval(send, 50);
      send();
      // Bounded by the deadline above; the interval is cleared on every outcome.
      sock.once('close', () => clearInterval(timer));
    });
  } finally {
    sock.close();
  }
}

export async function startTurnServer(options: { binary?: string; timeoutMs?: number } = {}): Promise<TurnServer> {
  const dir = mkdtempSync(join(tmpdir(), 'bridgeboard-coturn-'));
  const logFile = join(dir, 'turn.log');
  const username = 'bridgeboard';
  const credential = randomBytes(12).toString('hex');
  const realm = 'bridgeboard.test';
  const port = await freePort();
  const args = [
    '-n', // no config file: /etc/turnserver.conf must not change what the tests run
    '--listening-ip', '127.0.0.1',
    '--relay-ip', '127.0.0.1',
    '--listening-port', String(port),
    '--lt-cred-mech',
    '--user', `${username}:${credential}`,
    '--realm', realm,
    '--fingerprint',
    '--no-tls',
    '--no-dtls',
    '--no-cli',
    '--allow-loopback-peers',
    '--no-multicast-peers',
    '--userdb', join(dir, 'turndb'),
    '--pidfile', join(dir, 'turn.pid'),
    '--log-file', logFile,
    '--simple-log',
    '--no-stdout-log',
  ];
  const child = spawn(options.binary ?? turnServerBinary, args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log = () => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForStun(port, child, options.timeoutMs ?? 10_000);
  } catch (e) {
    const tail = log().split('\n').slice(-15).join('\n');
    await stop();
    throw new Error(`${(e as Error).message}\n${tail}`);
  }
  return {
    port,
    urls: [`turn:127.0.0.1:${port}?transport=udp`, `turn:127.0.0.1:${port}?transport=tcp`],
    stunUrl: `stun:127.0.0.1:${port}`,
    username,
    credential,
    realm,
    logFile,
    log,
    stop,
  };
}
