// The facilitator's LAN signaling server as one stateful service for the main process: list the
// machine's addresses, start on the one the facilitator picks, report, stop. IPC handlers call
// this; the renderer is untrusted, so the host must be one of this machine's own addresses.
import { listLanAddresses, type LanAddress, type NetworkInterfacesFn } from './lanAddresses';
import { startSignalingServer, type SignalingServer, type SignalingServerOptions } from './signalingServer';
import type { SignalingLimits } from './signalingLimits';
import type { SignalingLogger } from './signalingLog';

export const defaultLanSignalingPort = 4444;

export type LanSignalingError = 'not-an-interface' | 'bad-port' | 'address-in-use' | 'cannot-listen';
export type LanSignalingResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: LanSignalingError };

export interface LanSignalingStatus {
  readonly running: boolean;
  readonly host?: string;
  readonly port?: number;
  /** What goes into the invite. */
  readonly urls: readonly string[];
  readonly connections: number;
  readonly topics: number;
}

export interface LanSignalingService {
  /** Candidate addresses, routable IPv4 first; internal ones only when asked. */
  addresses(options?: { includeInternal?: boolean }): LanAddress[];
  /** Starts, or restarts on a new host/port; a wildcard host ('0.0.0.0') serves every interface. */
  start(choice: { host: string; port?: number }): Promise<LanSignalingResult<LanSignalingStatus>>;
  stop(): Promise<void>;
  status(): LanSignalingStatus;
}

export interface LanSignalingDeps {
  readonly networkInterfaces: NetworkInterfacesFn;
  readonly log?: SignalingLogger;
  readonly limits?: Partial<SignalingLimits>;
  readonly startServer?: (options: SignalingServerOptions) => Promise<SignalingServer>;
}

export function createLanSignalingService(deps: LanSignalingDeps): LanSignalingService {
  const startServer = deps.startServer ?? startSignalingServer;
  let server: SignalingServer | undefined;
  let host: string | undefined;
  // Start and stop are serialised: two quick clicks must not leave two servers listening.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const status = (): LanSignalingStatus => {
    if (!server) return { running: false, urls: [], connections: 0, topics: 0 };
    const s = server.stats();
    return { running: true, host, port: server.port, urls: server.urls, connections: s.connections, topics: s.topics };
  };

  const stopNow = async () => {
    const current = server;
    server = undefined;
    host = undefined;
    await current?.close();
  };

  return {
    addresses: (options = {}) => listLanAddresses(server?.port ?? defaultLanSignalingPort, deps.networkInterfaces, options),
    status,
    stop: () => serial(stopNow),
    start: (choice) =>
      serial(async (): Promise<LanSignalingResult<LanSignalingStatus>> => {
        const port = choice.port ?? defaultLanSignalingPort;
        if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, error: 'bad-port' };
        const wildcard = choice.host === '0.0.0.0' || choice.host === '::';
        const own = listLanAddresses(port, deps.networkInterfaces, { includeInternal: true, includeIPv6LinkLocal: true });
        if (!wildcard && !own.some((a) => a.address === choice.host)) return { ok: false, error: 'not-an-interface' };
        if (server && host === choice.host && (port === 0 || server.port === port)) return { ok: true, value: status() };
        await stopNow();
        try {
          server = await startServer({
            host: choice.host,
            port,
            networkInterfaces: deps.networkInterfaces,
            // On a LAN, every participant sits in the same IPv6 /64: count each address alone.
            addressing: { ipv6PrefixLength: 128 },
            ...(deps.log ? { log: deps.log } : {}),
            ...(deps.limits ? { limits: deps.limits } : {}),
          });
          host = choice.host;
        } catch (e) {
          return { ok: false, error: (e as { code?: unknown }).code === 'EADDRINUSE' ? 'address-in-use' : 'cannot-listen' };
        }
        return { ok: true, value: status() };
      }),
  };
}
