// The room's one port: HTTPS for the web app and WSS for signaling on the same TCP port, so a
// participant needs one address and the facilitator opens one port. Each connection's first
// byte says what it speaks: 0x16 begins a TLS handshake (a ClientHello record); anything else
// is plain HTTP, which is redirected to https or told why it cannot work. Behind a reverse
// proxy that terminates TLS, the port speaks plain HTTP only and every request is served.
// The signaling handler (signaling/) keeps its limits: every socket is handed to it and held to
// its handshake deadline and per-address counts; the few bytes before that are bounded here.
import http from 'node:http';
import net, { type Socket } from 'node:net';
import tls from 'node:tls';
import { addressKey } from '../signaling/addressKey';
import { createSignalingHandler, type SignalingHandler, type SignalingHandlerOptions } from '../signaling/signalingServer';
import type { SignalingStats } from '../signaling/signalingStats';
import { describeCertificate } from '../tls/certificateInfo';
import { answerPlainHttp, PLAIN_HTTP_SENTENCE } from './plainHttpAnswer';
import { webAppResponder } from './webAppFiles';

/** A TLS record of type handshake: how every TLS ClientHello begins. */
export const TLS_HANDSHAKE_BYTE = 0x16;

export interface RoomPortOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** The built web app (dist/renderer); without it only signaling is served. */
  readonly webRoot: string | null;
  /** PEM certificate (chain) and key; null only behind a TLS-terminating proxy. */
  readonly tls: { readonly cert: string; readonly key: string } | null;
  /** Accept plain ws:// signaling on the port too (desktop apps holding older ws:// invites:
   * y-webrtc encrypts what it signals with the room secret). Web pages always get https. */
  readonly plainSignaling?: boolean;
  readonly signaling?: SignalingHandlerOptions;
}

export interface RoomPortServer {
  readonly address: string;
  readonly port: number;
  readonly secure: boolean;
  stats(): SignalingStats;
  close(): Promise<void>;
}

function plainUpgradeRefusal(socket: Socket): void {
  const body = `${PLAIN_HTTP_SENTENCE}\n`;
  socket.end(`HTTP/1.1 426 Upgrade Required\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

export async function startRoomPortServer(options: RoomPortOptions): Promise<RoomPortServer> {
  const certificate = options.tls ? describeCertificate(options.tls.cert).sha256 : null;
  const web = options.webRoot ? webAppResponder(options.webRoot, { certificate }) : null;
  let boundPort = options.port;
  const behindProxy = options.tls === null;
  const onRequest: http.RequestListener = (req, res) => {
    const secure = behindProxy || (req.socket as tls.TLSSocket).encrypted === true;
    if (!secure) return answerPlainHttp(req, res, boundPort);
    if (web) return web(req, res);
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('okay');
  };
  const signaling: SignalingHandler = await createSignalingHandler({ ...options.signaling, onRequest });
  const { limits, addressing } = signaling;

  // Plain http when plain signaling is off: answered and closed, never given to signaling.
  const plainOnly = http.createServer({ headersTimeout: limits.handshakeTimeoutMs, requestTimeout: limits.handshakeTimeoutMs }, (req, res) => {
    res.shouldKeepAlive = false;
    answerPlainHttp(req, res, boundPort);
  });
  plainOnly.on('upgrade', (_req, socket: Socket) => plainUpgradeRefusal(socket));

  const secureContext = options.tls ? tls.createSecureContext({ cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' }) : null;
  // Sockets that have not sent their first byte yet, per client address (a slowloris that never
  // speaks must not hold more than signaling would let it hold once it did).
  const sniffing = new Map<string, number>();

  const route = (socket: Socket, first: Buffer): void => {
    if (secureContext && first[0] === TLS_HANDSHAKE_BYTE) {
      const secure = new tls.TLSSocket(socket, { isServer: true, secureContext, ALPNProtocols: ['http/1.1'] });
      // A failed handshake (an untrusting client, a scanner) ends the connection, nothing more.
      secure.on('error', () => secure.destroy());
      signaling.accept(secure);
    } else if (options.plainSignaling ?? false) {
      signaling.accept(socket);
    } else {
      plainOnly.emit('connection', socket);
      // Answered at once or cut: plain sockets are not kept alive here.
      setTimeout(() => socket.destroy(), limits.handshakeTimeoutMs).unref();
    }
  };

  // Every socket, so close() can end those no HTTP server is tracking (still sniffing, plain).
  const sockets = new Set<Socket>();
  const front = net.createServer({ pauseOnConnect: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (behindProxy) {
      // The proxy speaks plain HTTP and is the only client; signaling reads the client's address
      // from its header (addressing.proxyHops), and the web app is served to every request.
      signaling.accept(socket);
      socket.resume();
      return;
    }
    const key = addressKey(socket.remoteAddress ?? '', addressing.ipv6PrefixLength) ?? 'unknown';
    const pending = sniffing.get(key) ?? 0;
    if (pending >= limits.maxHandshakesPerAddress) return void socket.destroy();
    sniffing.set(key, pending + 1);
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const left = (sniffing.get(key) ?? 1) - 1;
      if (left <= 0) sniffing.delete(key);
      else sniffing.set(key, left);
    };
    const timer = setTimeout(() => {
      settle();
      socket.destroy();
    }, limits.handshakeTimeoutMs);
    timer.unref();
    socket.once('close', settle);
    socket.once('data', (first: Buffer) => {
      settle();
      socket.pause();
      socket.unshift(first);
      route(socket, first);
      process.nextTick(() => socket.resume());
    });
    socket.resume();
  });
  front.maxConnections = limits.maxConnections + 64;

  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(options.port, options.host, () => {
      front.off('error', reject);
      resolve();
    });
  });
  front.on('error', () => undefined);
  const bound = front.address();
  if (bound === null || typeof bound === 'string') throw new Error('the room port has no TCP address');
  boundPort = bound.port;

  let closing: Promise<void> | undefined;
  return {
    address: bound.address,
    port: bound.port,
    secure: !behindProxy,
    stats: () => signaling.stats(),
    close: () => {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => front.close(() => resolve()));
        await signaling.close();
        for (const socket of sockets) socket.destroy();
        await closed;
      })();
      return closing;
    },
  };
}
