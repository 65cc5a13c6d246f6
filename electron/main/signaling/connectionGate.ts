// Who may connect, so that no single address can lock everyone else out. At the TCP level, an
// address may hold only `maxHandshakesPerAddress` sockets that are not (yet) WebSockets, and
// every such socket is cut at `handshakeTimeoutMs` (slowloris). At the upgrade, an address may
// hold `maxConnectionsPerAddress` connections, well below the server's `maxConnections`.
// Behind trusted proxies every socket comes from a proxy, so the TCP-level count is skipped and
// only the deadline applies there: holding slow clients back is the proxy's job.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { addressKey } from './addressKey';
import type { AddressLedger } from './addressLedger';
import { clientAddressOf, type ClientAddressing } from './clientAddress';
import type { SignalingLimits } from './signalingLimits';
import type { RefusalReason, StatsCounters } from './signalingStats';

export type Admission = { readonly ok: true; readonly address: string } | { readonly ok: false; readonly status: string };

export interface ConnectionGate {
  /** Every new TCP socket: closed at once if its address has too many handshakes in flight,
   * else given its handshake deadline. */
  onSocket(socket: Socket): void;
  /** An upgrade request: the client's address, with a connection slot held until the socket
   * closes; or the HTTP status to refuse it with. */
  admit(req: IncomingMessage): Admission;
  /** The socket is a WebSocket now: the handshake deadline and count no longer apply. */
  upgraded(socket: Duplex): void;
}

export interface ConnectionGateDeps {
  readonly limits: SignalingLimits;
  readonly addressing: ClientAddressing;
  readonly ledger: AddressLedger;
  readonly counters: StatsCounters;
  readonly warn: (event: string) => void;
}

export function createConnectionGate({ limits, addressing, ledger, counters, warn }: ConnectionGateDeps): ConnectionGate {
  const handshaking = new Map<Duplex, () => void>();
  let admitted = 0;

  const refuse = (reason: RefusalReason) => {
    counters.connectionsRefused++;
    counters.refused[reason]++;
    warn(`refused.${reason}`);
  };

  return {
    onSocket(socket) {
      const tcpKey = addressing.proxyHops === 0 ? (addressKey(socket.remoteAddress ?? '', addressing.ipv6PrefixLength) ?? 'unknown') : undefined;
      const entry = tcpKey === undefined ? undefined : ledger.entry(tcpKey);
      if (entry && entry.handshakes >= limits.maxHandshakesPerAddress) {
        // No answer: writing one to a flood only costs us more.
        refuse('addressHandshakes');
        socket.destroy();
        return;
      }
      if (entry) entry.handshakes++;
      // Our own timer rather than only node's headersTimeout, which is checked just every
      // connectionsCheckingInterval; it also cuts idle keep-alive HTTP sockets, which we never need.
      const timer = setTimeout(() => {
        counters.closed.handshakeTimeout++;
        warn('handshakeTimeout');
        socket.destroy();
      }, limits.handshakeTimeoutMs);
      timer.unref();
      const settle = () => {
        if (!handshaking.delete(socket)) return;
        clearTimeout(timer);
        if (entry) entry.handshakes--;
      };
      handshaking.set(socket, settle);
      socket.once('close', settle);
    },

    admit(req) {
      const client = clientAddressOf(req.socket.remoteAddress, req.headers, addressing);
      if (client.headerProblem) warn(`proxyHeader.${client.headerProblem}`);
      const entry = ledger.entry(client.key);
      // The address's own share first: an address at its cap hears 429 even when the server is full.
      if (entry.connections >= limits.maxConnectionsPerAddress) {
        refuse('addressFull');
        return { ok: false, status: '429 Too Many Requests' };
      }
      if (admitted >= limits.maxConnections) {
        refuse('serverFull');
        return { ok: false, status: '503 Service Unavailable' };
      }
      admitted++;
      entry.connections++;
      req.socket.once('close', () => {
        admitted--;
        entry.connections--;
      });
      return { ok: true, address: client.key };
    },

    upgraded(socket) {
      handshaking.get(socket)?.();
    },
  };
}
