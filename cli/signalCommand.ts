// `bridgeboard signal`: the signaling server for remote workshops, run on a company host.
// The same module the facilitator's app runs on the LAN; here with flags for its limits
// (signalOptions.ts).
import os from 'node:os';
import { startSignalingServer } from '../electron/main/signaling/signalingServer';
import { jsonLineLogger } from '../electron/main/signaling/signalingLog';
import type { NetworkInterfacesFn } from '../electron/main/signaling/lanAddresses';
import { parseSignalOptions, signalUsage } from './signalOptions';
import { openSharedRooms } from './sharedRooms';

export { signalUsage };

export interface SignalIo {
  out(line: string): void;
  err(line: string): void;
  /** Resolves when the server should stop; by default on SIGINT or SIGTERM. */
  waitForStop?(): Promise<void>;
  networkInterfaces?: NetworkInterfacesFn;
}

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
  const parsed = parseSignalOptions(argv);
  if (!parsed.ok) {
    io.err(`bridgeboard signal: ${parsed.error}`);
    io.err('Run `bridgeboard signal --help` for the options.');
    return 2;
  }
  if (parsed.help) {
    io.out(signalUsage);
    return 0;
  }
  const { host, port, statsIntervalMs, limits, addressing, invites, redis } = parsed.options;
  const log = jsonLineLogger(io.out);
  const shared = await openSharedRooms(redis, limits, log, invites);
  if (!shared.ok) {
    io.err(`bridgeboard signal: ${shared.error}`);
    return 1;
  }
  let server;
  try {
    server = await startSignalingServer({
      host,
      port,
      limits,
      addressing,
      invites: shared.invites,
      statsIntervalMs,
      log,
      networkInterfaces: io.networkInterfaces ?? os.networkInterfaces,
      ...(shared.bus ? { bus: shared.bus } : {}),
    });
  } catch (e) {
    await shared.closeUnused();
    const code = (e as { code?: unknown }).code;
    io.err(`bridgeboard signal: cannot listen on ${host}:${port}${typeof code === 'string' ? ` (${code})` : ''}`);
    return 1;
  }
  io.out(`Bridgeboard signaling server listening on ${server.url}`);
  if (shared.note) io.out(shared.note);
  if (addressing.proxyHops > 0) io.out(`  client addresses from ${addressing.proxyHeader}, ${addressing.proxyHops} trusted proxy hop(s)`);
  for (const url of server.urls) if (url !== server.url) io.out(`  reachable at ${url}`);
  await (io.waitForStop ?? defaultWaitForStop)();
  io.out('Stopping: closing connections...');
  await server.close();
  io.out('Stopped.');
  return 0;
}
