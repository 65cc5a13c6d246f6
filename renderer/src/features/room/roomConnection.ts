// One live room: the y-webrtc provider for a workshop's doc and a status the UI shows: whether
// signaling is reachable, each peer's link and round trip, and peers dropped for bad data.
// Presence (the Awareness) belongs to the caller and outlives a connection, so its clock keeps
// rising across "Go offline" / "Reconnect" and the others accept our state again at once.
import type * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
import type { Awareness } from 'y-protocols/awareness';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { roomTopic } from './roomTopic';
import { guardPeers, type DroppedPeer } from './guardPeers';
import type { GuardTarget } from '../../../../shared/sync/peerMessageGuard';
import { readPeerStats, type PeerLink } from './peerStats';
import { deferPeerRelays } from './peerRelay';
import { watchStalledLinks } from './stalledLinks';

export interface ConnectionSettings {
  readonly workshopId: string;
  readonly secret: string;
  readonly signaling: readonly string[];
  readonly rtcConfig: RTCConfiguration;
}

export interface PeerStatus {
  readonly peerId: string;
  readonly link: PeerLink;
  readonly rttMs: number | null;
  /** Dropped earlier for bad data and reconnected: its messages are ignored. */
  readonly blocked: boolean;
}

export type SignalingState = 'connecting' | 'connected' | 'unreachable';

export interface RoomStatus {
  readonly signaling: SignalingState;
  readonly peers: readonly PeerStatus[];
  readonly dropped: readonly DroppedPeer[];
  /** Signaling messages that did not decrypt with our secret: ignored, only counted. */
  readonly undecryptable: number;
}

export interface RoomConnection {
  readonly status: StoreApi<RoomStatus>;
  /** Our id in the room's signaling (new for every connection); null until the room is set up. */
  peerId(): string | null;
  /** The peer whose message is being applied right now, if one is. */
  sender(): string | null;
  /** The peer connections, for diagnostics and benchmarks (e.g. a raw round trip beside y-webrtc's). */
  peerConnections(): { readonly peerId: string; readonly connected: boolean; readonly pc: RTCPeerConnection | undefined }[];
  close(): void;
}

export const initialRoomStatus: RoomStatus = { signaling: 'connecting', peers: [], dropped: [], undecryptable: 0 };

const STATS_INTERVAL_MS = 1000;
/** How long signaling may stay unconnected before the UI says the room cannot be reached. */
const UNREACHABLE_AFTER_MS = 4000;

interface SignalingConnLike {
  connected?: boolean;
}

interface ConnLike {
  connected: boolean;
  closed?: boolean;
  peer: { _pc?: RTCPeerConnection; destroy(): void } | null;
}

/** Failed AES-GCM decryptions surface as unhandled OperationErrors inside y-webrtc. */
function isDecryptionFailure(reason: unknown): boolean {
  return typeof DOMException !== 'undefined' && reason instanceof DOMException && reason.name === 'OperationError';
}

export async function openRoom(doc: Y.Doc, awareness: Awareness, settings: ConnectionSettings, target: GuardTarget, now: () => number = Date.now): Promise<RoomConnection> {
  const topic = await roomTopic(settings.workshopId, settings.secret);
  const provider = new WebrtcProvider(topic, doc, {
    signaling: [...settings.signaling],
    password: settings.secret,
    awareness,
    maxConns: 40,
    filterBcConns: true,
    peerOpts: { config: settings.rtcConfig },
  });
  const status = createStore<RoomStatus>(() => initialRoomStatus);

  const guard = guardPeers(provider, target, (dropped) => status.setState((s) => ({ dropped: [...s.dropped, dropped].slice(-50) })));
  const stopRelays = deferPeerRelays(provider, { sender: () => guard.sender() });

  const onRejection = (event: PromiseRejectionEvent): void => {
    if (!isDecryptionFailure(event.reason)) return;
    event.preventDefault();
    status.setState((s) => ({ undecryptable: s.undecryptable + 1 }));
  };
  window.addEventListener('unhandledrejection', onRejection);

  const startedAt = now();
  let lastConnectedAt = 0;
  const dropStalled = watchStalledLinks();
  let polling = false;
  let closed = false;
  const poll = async (): Promise<void> => {
    if (polling || closed) return;
    polling = true;
    try {
      const conns = provider.signalingConns as SignalingConnLike[];
      const anyConnected = conns.some((c) => c.connected === true);
      if (anyConnected) lastConnectedAt = now();
      const since = Math.max(startedAt, lastConnectedAt);
      const signaling: SignalingState = anyConnected ? 'connected' : now() - since > UNREACHABLE_AFTER_MS ? 'unreachable' : 'connecting';
      const entries = [...(provider.room?.webrtcConns.entries() ?? [])] as [string, ConnLike][];
      dropStalled(entries, now());
      const peers = await Promise.all(
        entries.map(async ([peerId, conn]): Promise<PeerStatus> => {
          const stats = await readPeerStats(conn.peer?._pc, conn.connected).catch(() => ({ link: 'connecting' as const, rttMs: null }));
          return { peerId, ...stats, blocked: guard.isBlocked(peerId) };
        }),
      );
      if (!closed) status.setState({ signaling, peers });
    } finally {
      polling = false;
    }
  };
  const timer = window.setInterval(() => void poll(), STATS_INTERVAL_MS);
  const onPeers = (): void => void poll();
  provider.on('peers', onPeers);
  // The 'status' event follows the room's creation, which waits for the key derivation.
  provider.on('status', onPeers);
  void poll();

  return {
    status,
    peerId: () => provider.room?.peerId ?? null,
    sender: () => guard.sender(),
    peerConnections: () =>
      ([...(provider.room?.webrtcConns.entries() ?? [])] as [string, ConnLike][]).map(([peerId, conn]) => ({ peerId, connected: conn.connected, pc: conn.peer?._pc })),
    close() {
      closed = true;
      window.clearInterval(timer);
      provider.off('peers', onPeers);
      provider.off('status', onPeers);
      guard.stop();
      stopRelays();
      window.removeEventListener('unhandledrejection', onRejection);
      provider.destroy();
    },
  };
}
