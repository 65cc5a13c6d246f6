// `bridgeboard signal`: the signaling server for remote workshops, run on a company host.
// The same module the facilitator's app runs on the LAN; here with flags for its limits.
import os from 'node:os';
import { parseArgs, parseIntegerOption } from './args';
import { startSignalingServer } from '../electron/main/signaling/signalingServer';
import { defaultSignalingLimits, type SignalingLimits } from '../electron/main/signaling/signalingLimits';
import { jsonLineLogger } from '../electron/main/signaling/signalingLog';
import type { NetworkInterfacesFn } from '../electron/main/signaling/lanAddresses';

export interface SignalIo {
  out(line: string): void;
  err(line: string): void;
  /** Resolves when the server should stop; by default on SIGINT or SIGTERM. */
  waitForStop?(): Promise<void>;
  networkInterfaces?: NetworkInterfacesFn;
}

const limitFlags: Record<string, keyof SignalingLimits> = {
  'max-connections': 'maxConnections',
  'max-message-bytes': 'maxMessageBytes',
  'max-topics-per-connection': 'maxTopicsPerConnection',
  'max-topics': 'maxTopics',
  'max-topic-length': 'maxTopicLength',
  'messages-per-second': 'messagesPerSecond',
  'message-burst': 'messageBurst',
  'idle-timeout-ms': 'idleTimeoutMs',
};

export const signalUsage = [
  'Usage: bridgeboard signal [--host H] [--port P] [options]',
  '',
  'Runs a y-webrtc signaling server for Bridgeboard rooms. It relays encrypted WebRTC',
  'handshakes only: it never sees board content or room secrets. Put it behind a TLS',
  'reverse proxy and give participants the wss:// address.',
  '',
  '  --host H                       address to listen on (default 127.0.0.1; 0.0.0.0 for all)',
  '  --port P                       TCP port, 0 for any free one (default 4444)',
  ...Object.entries(limitFlags).map(([flag, key]) => `  --${flag} N`.padEnd(33) + `default ${defaultSignalingLimits[key]}`),
  '  --stats-interval-ms N          how often to log counts, 0 for never (default 60000)',
  '  --help',
].join('\n');

const hostPattern = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*|localhost|[A-Za-z0-9.-]{1,253})$/;

function defaultWaitForStop(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function runSignal(argv: readonly string[], io: SignalIo = { out: (l) => console.log(l), err: (l) => console.error(l) }): Promise<number> {
  const args = parseArgs(argv, { options: ['host', 'port', 'stats-interval-ms', ...Object.keys(limitFlags)], flags: ['help'] });
  const fail = (message: string) => {
    io.err(`bridgeboard signal: ${message}`);
    io.err('Run `bridgeboard signal --help` for the options.');
    return 2;
  };
  if (!args.ok) return fail(args.error);
  if (args.flags.has('help')) {
    io.out(signalUsage);
    return 0;
  }
  const host = args.options.get('host') ?? '127.0.0.1';
  if (!hostPattern.test(host)) return fail(`--host: not an address: ${host}`);
  const portText = args.options.get('port') ?? '4444';
  const port = parseIntegerOption(portText, 0, 65535);
  if (port === undefined) return fail(`--port: expected 0-65535, got ${portText}`);
  const statsText = args.options.get('stats-interval-ms') ?? '60000';
  const statsIntervalMs = parseIntegerOption(statsText, 0, 86_400_000);
  if (statsIntervalMs === undefined) return fail(`--stats-interval-ms: expected a whole number of milliseconds, got ${statsText}`);
  const limits: Partial<Record<keyof SignalingLimits, number>> = {};
  for (const [flag, key] of Object.entries(limitFlags)) {
    const text = args.options.get(flag);
    if (text === undefined) continue;
    const min = key === 'maxMessageBytes' ? 256 : key === 'idleTimeoutMs' ? 10 : 1;
    const value = parseIntegerOption(text, min, 2 ** 31);
    if (value === undefined) return fail(`--${flag}: expected a whole number of at least ${min}, got ${text}`);
    limits[key] = value;
  }

  let server;
  try {
    server = await startSignalingServer({
      host,
      port,
      limits,
      statsIntervalMs,
      log: jsonLineLogger(io.out),
      networkInterfaces: io.networkInterfaces ?? os.networkInterfaces,
    });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    io.err(`bridgeboard signal: cannot listen on ${host}:${port}${typeof code === 'string' ? ` (${code})` : ''}`);
    return 1;
  }
  io.out(`Bridgeboard signaling server listening on ${server.url}`);
  for (const url of server.urls) if (url !== server.url) io.out(`  reachable at ${url}`);
  await (io.waitForStop ?? defaultWaitForStop)();
  io.out('Stopping: closing connections...');
  await server.close();
  io.out('Stopped.');
  return 0;
}
