// The signaling server: y-webrtc's signaling protocol over WebSocket, with limits. The same
// module runs inside the facilitator's app (LAN rooms) and as `bridgeboard signal` (remote rooms).
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { createInviteDrop, flattenInviteCounters, type InviteDropOptions } from '../inviteDrop/inviteDropService';
import { AddressLedger } from './addressLedger';
import { createBusFanOut } from './busFanOut';
import { resolveClientAddressing, type ClientAddressing } from './clientAddress';
import { createConnectionGate } from './connectionGate';
import { createDelivery } from './delivery';
import { createOutBudgets } from './outBudgets';
import { attachConnection, type ConnectionContext, type ConnectionState } from './signalingConnection';
import { formatWsUrl, listLanAddresses, type NetworkInterfacesFn } from './lanAddresses';
import { createLocalBus } from './localBus';
import type { SignalingBus } from './signalingBus';
import { resolveSignalingLimits, type SignalingLimits } from './signalingLimits';
import { silentLogger, throttleWarnings, type SignalingLogger } from './signalingLog';
import { createStatsCounters, flattenStats, type SignalingStats } from './signalingStats';
import { Subscriptions } from './subscriptions';
import { createLocalFanOut } from './topicFanOut';
import { TopicRegistry } from './topicRegistry';

export interface SignalingServerOptions extends SignalingHandlerOptions {
  /** Defaults to 127.0.0.1: listening on the LAN is a choice the facilitator makes. */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Lists URLs when listening on a wildcard address; defaults to os.networkInterfaces. */
  readonly networkInterfaces?: NetworkInterfacesFn;
}

/** The server without a port of its own, for a front that accepts connections itself (the
 * room's one HTTPS port, webHost/roomPortServer.ts) and hands each over with `accept`. */
export interface SignalingHandlerOptions {
  /** Overrides for the defaults; validated. */
  readonly limits?: Partial<SignalingLimits>;
  /** Where the client address comes from (trusted proxies) and how IPv6 is grouped; validated. */
  readonly addressing?: Partial<ClientAddressing>;
  readonly log?: SignalingLogger;
  readonly now?: () => number;
  /** How often a counts-only stats line is logged; 0 turns it off. */
  readonly statsIntervalMs?: number;
  /** How long close() waits for clients to acknowledge before cutting them. */
  readonly closeGraceMs?: number;
  /** Shares rooms with other instances (redisBus.ts); by default an in-process bus that shares
   * with nobody. The server owns it from here on and closes it on close(). */
  readonly bus?: SignalingBus;
  /** Answers plain requests (not upgrades); by default a health check ('okay'). */
  readonly onRequest?: http.RequestListener;
  /** The invite drop for short codes (inviteDrop/): its limits and store; false keeps none. */
  readonly invites?: InviteDropOptions | false;
}

export interface SignalingHandler {
  readonly limits: SignalingLimits;
  readonly addressing: ClientAddressing;
  /** A connection accepted elsewhere: a TLS socket over it, or the plain socket itself. It is
   * held to the same handshake deadline and per-address counts as one accepted here. */
  accept(socket: Socket): void;
  stats(): SignalingStats;
  close(): Promise<void>;
  /** Listens itself (startSignalingServer). */
  listen(port: number, host: string): Promise<AddressInfo>;
}

export interface SignalingServer {
  readonly address: string;
  readonly port: number;
  /** A URL this machine can use to reach the server. */
  readonly url: string;
  /** URLs for an invite: the LAN addresses when listening on a wildcard, else `url`. */
  readonly urls: readonly string[];
  readonly limits: SignalingLimits;
  readonly addressing: ClientAddressing;
  stats(): SignalingStats;
  close(): Promise<void>;
}

const wildcardHosts = new Set(['0.0.0.0', '::', '']);

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nRetry-After: 10\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/** Async because what it may connect to before serving (a bus shared with other instances)
 * must be there before the first connection is accepted. */
export async function createSignalingHandler(options: SignalingHandlerOptions = {}): Promise<SignalingHandler> {
  const limits = resolveSignalingLimits(options.limits ?? {});
  const addressing = resolveClientAddressing(options.addressing ?? {});
  const now = options.now ?? Date.now;
  const log = throttleWarnings(options.log ?? silentLogger, now);
  const counters = createStatsCounters();
  const bus = options.bus ?? createLocalBus();
  const registry = new TopicRegistry<WebSocket>({ opened: (topic) => bus.join(topic), closed: (topic) => bus.leave(topic) });
  const budgets = createOutBudgets(limits, now);
  const ledger = new AddressLedger(budgets.forAddress);
  const connections = new Map<WebSocket, ConnectionState>();
  let closing: Promise<void> | undefined;

  const warn = (event: string) => log.warn(`signaling.${event}`, { connections: connections.size, topics: registry.topicCount });
  const gate = createConnectionGate({ limits, addressing, ledger, counters, warn });
  const invites = options.invites === false ? null : createInviteDrop(options.invites ?? {}, now);
  const deliver = createDelivery(limits.maxBufferedBytes, counters, warn);
  const fanOut = createBusFanOut({ local: createLocalFanOut(registry, deliver), bus, budgets, counters, warn });
  let connectionIds = 0;
  const ctx: ConnectionContext = {
    limits,
    subscriptions: new Subscriptions(registry, ledger, limits),
    fanOut,
    budgets,
    ledger,
    deliver,
    counters,
    now,
    warn,
    invites,
    newConnectionId: () => `c${(connectionIds++).toString(36)}`,
  };

  const httpServer = http.createServer({
    // Node's own header and request timeouts back up the gate's per-socket deadline; they are
    // only checked every connectionsCheckingInterval (30 s by default), hence the short one.
    headersTimeout: limits.handshakeTimeoutMs + 1_000,
    requestTimeout: limits.handshakeTimeoutMs + 1_000,
    connectionsCheckingInterval: Math.min(1_000, limits.handshakeTimeoutMs),
  }, options.onRequest ?? ((_req, res) => {
    // Same answer as y-webrtc's reference server: a health check for load balancers.
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('okay');
  }));
  // Sockets that never finish a handshake count too: a bounded number, each cut at its deadline.
  httpServer.maxConnections = limits.maxConnections + 64;
  httpServer.on('connection', (socket) => gate.onSocket(socket));
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, clientTracking: false, perMessageDeflate: false });

  const stats = (): SignalingStats => ({
    ...counters,
    refused: { ...counters.refused },
    dropped: { ...counters.dropped },
    closed: { ...counters.closed },
    connections: connections.size,
    addresses: ledger.size,
    topics: registry.topicCount,
    subscriptions: registry.subscriptionCount,
    bus: bus.stats(),
  });

  httpServer.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (closing) return refuse(socket, '503 Service Unavailable');
    const admission = gate.admit(req);
    if (!admission.ok) return refuse(socket, admission.status);
    // handleUpgrade answers a bad handshake itself without calling back; the slot is released
    // when the socket closes either way.
    wss.handleUpgrade(req, socket, head, (ws) => {
      gate.upgraded(socket);
      if (closing) {
        ws.terminate();
        return;
      }
      counters.connectionsTotal++;
      connections.set(ws, attachConnection(ctx, ws, admission.address));
      ws.on('close', () => connections.delete(ws));
    });
  });

  // Liveness: ping quiet connections at half the timeout, cut those silent for the whole of it.
  const sweepMs = Math.max(5, Math.min(15_000, Math.floor(limits.idleTimeoutMs / 4)));
  const sweep = setInterval(() => {
    const t = now();
    for (const [ws, state] of connections) {
      const quiet = t - state.lastSeen;
      if (quiet > limits.idleTimeoutMs) {
        counters.closed.idle++;
        ws.terminate();
      } else if (quiet > limits.idleTimeoutMs / 2) {
        try {
          ws.ping();
        } catch {
          ws.terminate();
        }
      }
    }
    ledger.prune();
    budgets.prune();
    invites?.prune();
    fanOut.prune();
  }, sweepMs);
  sweep.unref();

  const statsIntervalMs = options.statsIntervalMs ?? 60_000;
  const logFields = () => ({ ...flattenStats(stats()), ...(invites ? flattenInviteCounters(invites.counters) : {}) });
  const statsTimer = statsIntervalMs > 0 ? setInterval(() => log.info('signaling.stats', logFields()), statsIntervalMs) : undefined;
  statsTimer?.unref();

  const listen = async (port: number, host: string): Promise<AddressInfo> => {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(port, host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
    httpServer.on('error', () => log.warn('signaling.server-error'));
    const bound = httpServer.address();
    if (bound === null || typeof bound === 'string') throw new Error('signaling server has no TCP address');
    log.info('signaling.listening', { port: bound.port, maxConnections: limits.maxConnections });
    return bound;
  };

  const close = (): Promise<void> => {
    closing ??= (async () => {
      clearInterval(sweep);
      if (statsTimer) clearInterval(statsTimer);
      const serverClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      const sockets = [...connections.keys()];
      const allClosed = Promise.all(sockets.map((ws) => new Promise<void>((resolve) => {
        if (ws.readyState === ws.CLOSED) return resolve();
        ws.once('close', () => resolve());
      })));
      for (const ws of sockets) {
        counters.closed.shutdown++;
        ws.close(1001, 'server shutting down');
      }
      const grace = new Promise<void>((resolve) => setTimeout(resolve, options.closeGraceMs ?? 1_000).unref());
      await Promise.race([allClosed, grace]);
      for (const ws of connections.keys()) ws.terminate();
      await allClosed;
      httpServer.closeAllConnections();
      wss.close();
      await serverClosed;
      await invites?.close();
      await bus.close();
      log.info('signaling.closed', logFields());
    })();
    return closing;
  };

  const accept = (socket: Socket): void => {
    httpServer.emit('connection', socket);
  };
  return { limits, addressing, accept, stats, close, listen };
}

export async function startSignalingServer(options: SignalingServerOptions = {}): Promise<SignalingServer> {
  const host = options.host ?? '127.0.0.1';
  const handler = await createSignalingHandler(options);
  const bound = await handler.listen(options.port ?? 4444, host);
  const port = bound.port;
  const url = formatWsUrl(wildcardHosts.has(host) ? '127.0.0.1' : bound.address, port);
  const lan = wildcardHosts.has(host) ? listLanAddresses(port, options.networkInterfaces ?? os.networkInterfaces).map((a) => a.url) : [];
  // A laptop with no network at all still gets a usable (local) URL.
  const urls = lan.length > 0 ? lan : [url];
  const { limits, addressing, stats, close } = handler;
  return { address: bound.address, port, url, urls, limits, addressing, stats, close };
}
