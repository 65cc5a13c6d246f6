// One live room: the y-webrtc provider for a workshop's doc, its presence (awareness), and a
// status that the UI shows: whether signaling is reachable, each peer's link and round trip,
// and peers dropped for sending bad data.
import type * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
import { Awareness } from 'y-protocols/awareness';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { roomTopic } from './roomTopic';
import { guardPeers, type DroppedPeer } from './guardPeers';
import { readPeerStats, type PeerLink } from './peerStats';

export interface RoomSettings {
  readonly workshopId: string;
  readonly secret: string;
  readonly signaling: readonly string[];
  readonly rtcConfig: RTCConfiguration;
}

export interface PeerStatus {
  readonly peerId: string;
  readonly link: PeerLink;
  readonly rttMs: number | null;
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
  readonly awareness: Awareness;
  readonly status: StoreApi<RoomStatus>;
  close(): void;
}

const STATS_INTERVAL_MS = 1000;
/** How long signaling may stay unconnected before the UI says the room cannot be reached. */
const UNREACHABLE_AFTER_MS = 4000;

interface SignalingConnLike {
  connected?: boolean;
}

interface ConnLike {
  connected: boolean;
  peer: { _pc?: RTCPeerConnection } | null;
}

/** Failed AES-GCM decryptions surface as unhandled OperationErrors inside y-webrtc. */
function isDecryptionFailure(reason: unknown): boolean {
  return typeof DOMException !== 'undefined' && reason instanceof DOMException && reason.name === 'OperationError';
}

export async function openRoom(doc: Y.Doc, settings: RoomSettings, now: () => number = Date.now): Promise<RoomConnection> {
  const topic = await roomTopic(settings.workshopId, settings.secret);
  const awareness = new Awareness(doc);
  const provider = new WebrtcProvider(topic, doc, {
    signaling: [...settings.signaling],
    password: settings.secret,
    awareness,
    maxConns: 40,
    filterBcConns: true,
    peerOpts: { config: settings.rtcConfig },
  });
  const status = createStore<RoomStatus>(() => ({ signaling: 'connecting', peers: [], dropped: [], undecryptable: 0 }));

  const stopGuard = guardPeers(provider, (dropped) => status.setState((s) => ({ dropped: [...s.dropped, dropped].slice(-50) })));

  const onRejection = (event: PromiseRejectionEvent): void => {
    if (!isDecryptionFailure(event.reason)) return;
    event.preventDefault();
    status.setState((s) => ({ undecryptable: s.undecryptable + 1 }));
  };
  window.addEventListener('unhandledrejection', onRejection);

  const startedAt = now();
  let lastConnectedAt = 0;
  let polling = false;
  const poll = async (): Promise<void> => {
    if (polling) return;
    polling = true;
    try {
      const conns = provider.signalingConns as SignalingConnLike[];
      const anyConnected = conns.some((c) => c.connected === true);
      if (anyConnected) lastConnectedAt = now();
      const since = Math.max(startedAt, lastConnectedAt);
      const signaling: SignalingState = anyConnected ? 'connected' : now() - since > UNREACHABLE_AFTER_MS ? 'unreachable' : 'connecting';
      const peers: PeerStatus[] = [];
      const entries = [...(provider.room?.webrtcConns.entries() ?? [])] as [string, ConnLike][];
      for (const [peerId, conn] of entries) {
        const stats = await readPeerStats(conn.peer?._pc, conn.connected).catch(() => ({ link: 'connecting' as const, rttMs: null }));
        peers.push({ peerId, ...stats });
      }
      status.setState({ signaling, peers });
    } finally {
      polling = false;
    }
  };
  const timer = window.setInterval(() => void poll(), STATS_INTERVAL_MS);
  const onPeers = (): void => void poll();
  provider.on('peers', onPeers);
  void poll();

  return {
    awareness,
    status,
    close() {
      window.clearInterval(timer);
      provider.off('peers', onPeers);
      stopGuard();
      window.removeEventListener('unhandledrejection', onRejection);
      awareness.setLocalState(null);
      provider.destroy();
      awareness.destroy();
    },
  };
}
