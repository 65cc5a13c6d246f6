// The facilitator's LAN signaling server as one stateful service for the main process: list the
// machine's addresses, start on the one the facilitator picks, report, stop. IPC handlers call
// this; the renderer is untrusted, so the host must be one of this machine's own addresses.
// With web hosting (the app), the port serves browsers too: the web app over HTTPS and
// signaling over WSS with this device's certificate (webHost/roomPortServer.ts), plain ws://
// signaling still accepted for desktop apps holding older invites.
import { CertificateProblem, type CertificateInfo } from '../tls/certificateInfo';
import type { CertificateSource, TlsCredentials } from '../tls/certificateStore';
import { startRoomPortServer, type RoomPortOptions, type RoomPortServer } from '../webHost/roomPortServer';
import { formatWsUrl, listLanAddresses, type LanAddress, type NetworkInterfacesFn } from './lanAddresses';
import { startSignalingServer, type SignalingServer, type SignalingServerOptions } from './signalingServer';
import type { SignalingLimits } from './signalingLimits';
import type { SignalingLogger } from './signalingLog';
import type { SignalingStats } from './signalingStats';

export const defaultLanSignalingPort = 4444;

export type LanSignalingError = 'not-an-interface' | 'bad-port' | 'address-in-use' | 'cannot-listen' | 'no-certificate';
export type LanSignalingResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: LanSignalingError; readonly detail?: string };

/** The certificate the room's port presents, as the facilitator and the invite show it. */
export interface ServedCertificate {
  readonly sha256: string;
  readonly spkiSha256: string;
  readonly source: CertificateSource;
  readonly validTo: string;
}

/** Serving the web app beside signaling: what it needs from the app. */
export interface LanWebHosting {
  /** The built renderer (dist/renderer). */
  readonly webRoot: string;
  readonly certificates: { ensure(hosts: readonly string[]): Promise<TlsCredentials> };
  /** Told which certificate now serves which hosts, so this app's own window trusts it. */
  readonly onCertificate?: (hosts: readonly string[], info: CertificateInfo) => void;
}

export interface LanSignalingStatus {
  readonly running: boolean;
  readonly host?: string;
  readonly port?: number;
  /** What goes into the invite. */
  readonly urls: readonly string[];
  /** Where browsers open the web app (https://), when the port serves it. */
  readonly webUrls: readonly string[];
  readonly certificate: ServedCertificate | null;
  readonly connections: number;
  readonly topics: number;
}

export interface LanSignalingService {
  /** Candidate addresses, routable IPv4 first; internal ones only when asked. */
  addresses(options?: { includeInternal?: boolean }): LanAddress[];
  /** Starts, or restarts on a new host/port (or with `restart`, e.g. a new certificate); a
   * wildcard host ('0.0.0.0') serves every interface. */
  start(choice: { host: string; port?: number; restart?: boolean }): Promise<LanSignalingResult<LanSignalingStatus>>;
  stop(): Promise<void>;
  status(): LanSignalingStatus;
}

export interface LanSignalingDeps {
  readonly networkInterfaces: NetworkInterfacesFn;
  readonly log?: SignalingLogger;
  readonly limits?: Partial<SignalingLimits>;
  readonly startServer?: (options: SignalingServerOptions) => Promise<SignalingServer>;
  /** Without it, the port serves signaling alone over plain ws:// (tests, older behaviour). */
  readonly web?: LanWebHosting;
  readonly startRoomPort?: (options: RoomPortOptions) => Promise<RoomPortServer>;
}

/** Whatever is listening: the signaling server alone, or the room's HTTPS port. */
interface Running {
  readonly port: number;
  readonly urls: readonly string[];
  readonly webUrls: readonly string[];
  readonly certificate: ServedCertificate | null;
  stats(): SignalingStats;
  close(): Promise<void>;
}

const isWildcard = (host: string) => host === '0.0.0.0' || host === '::';

export function createLanSignalingService(deps: LanSignalingDeps): LanSignalingService {
  const startServer = deps.startServer ?? startSignalingServer;
  const startRoomPort = deps.startRoomPort ?? startRoomPortServer;
  let server: Running | undefined;
  let host: string | undefined;
  // Start and stop are serialised: two quick clicks must not leave two servers listening.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const status = (): LanSignalingStatus => {
    if (!server) return { running: false, urls: [], webUrls: [], certificate: null, connections: 0, topics: 0 };
    const s = server.stats();
    return { running: true, host, port: server.port, urls: server.urls, webUrls: server.webUrls, certificate: server.certificate, connections: s.connections, topics: s.topics };
  };

  const stopNow = async () => {
    const current = server;
    server = undefined;
    host = undefined;
    await current?.close();
  };

  const signalingOptions = {
    // On a LAN, every participant sits in the same IPv6 /64: count each address alone.
    addressing: { ipv6PrefixLength: 128 },
    ...(deps.log ? { log: deps.log } : {}),
    ...(deps.limits ? { limits: deps.limits } : {}),
  };

  const startPlain = async (choice: { host: string; port: number }): Promise<Running> => {
    const s = await startServer({ host: choice.host, port: choice.port, networkInterfaces: deps.networkInterfaces, ...signalingOptions });
    return { port: s.port, urls: s.urls, webUrls: [], certificate: null, stats: s.stats, close: s.close };
  };

  const startWeb = async (web: LanWebHosting, choice: { host: string; port: number }): Promise<Running> => {
    const lanHosts = isWildcard(choice.host) ? listLanAddresses(0, deps.networkInterfaces).map((a) => a.address) : [choice.host];
    const credentials = await web.certificates.ensure(lanHosts);
    const s = await startRoomPort({
      host: choice.host,
      port: choice.port,
      webRoot: web.webRoot,
      tls: credentials,
      plainSignaling: true,
      signaling: signalingOptions,
    });
    const hosts = lanHosts.length > 0 ? lanHosts : ['127.0.0.1'];
    web.onCertificate?.([...hosts, '127.0.0.1', 'localhost'], credentials.info);
    const { sha256, spkiSha256, validTo } = credentials.info;
    return {
      port: s.port,
      urls: hosts.map((h) => formatWsUrl(h, s.port, true)),
      webUrls: hosts.map((h) => `https://${h.includes(':') ? `[${h}]` : h}:${s.port}`),
      certificate: { sha256, spkiSha256, validTo, source: credentials.source },
      stats: s.stats,
      close: s.close,
    };
  };

  return {
    addresses: (options = {}) => listLanAddresses(server?.port ?? defaultLanSignalingPort, deps.networkInterfaces, { ...options, secure: deps.web !== undefined }),
    status,
    stop: () => serial(stopNow),
    start: (choice) =>
      serial(async (): Promise<LanSignalingResult<LanSignalingStatus>> => {
        const port = choice.port ?? defaultLanSignalingPort;
        if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, error: 'bad-port' };
        const own = listLanAddresses(port, deps.networkInterfaces, { includeInternal: true, includeIPv6LinkLocal: true });
        if (!isWildcard(choice.host) && !own.some((a) => a.address === choice.host)) return { ok: false, error: 'not-an-interface' };
        if (server && host === choice.host && (port === 0 || server.port === port) && !choice.restart) return { ok: true, value: status() };
        await stopNow();
        try {
          server = deps.web ? await startWeb(deps.web, { host: choice.host, port }) : await startPlain({ host: choice.host, port });
          host = choice.host;
        } catch (e) {
          if (e instanceof CertificateProblem) return { ok: false, error: 'no-certificate', detail: e.message };
          return { ok: false, error: (e as { code?: unknown }).code === 'EADDRINUSE' ? 'address-in-use' : 'cannot-listen' };
        }
        return { ok: true, value: status() };
      }),
  };
}
