// One live room: the y-webrtc provider for a workshop's doc, the relay for the peers it has no
// direct link to (shared/relay: up to `meshSize` WebRTC links, the rest through the signaling
// server, end-to-end encrypted; docs/rooms.md), and a status the UI shows: whether signaling is
// reachable, each peer's link and round trip, and peers dropped for bad data.
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
import { createRelayPeer, deriveRelayKey, MAX_MESH_SIZE as FULL_MESH, type RelayCounts, type RelayPeer } from '../../../../shared/relay';
import { signalingRelayTransport } from './signalingRelayTransport';

export interface ConnectionSettings {
  readonly workshopId: string;
  readonly secret: string;
  readonly signaling: readonly string[];
  readonly rtcConfig: RTCConfiguration;
  /** Direct links a peer keeps; the others reach it through the relay. 0: relay only. */
  readonly meshSize?: number;
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
  /** The relay's counts (frames sent, received, refused and why); null until it has started. */
  relayCounts(): Readonly<RelayCounts> | null;
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
    // Callers that set no mesh size (the mesh benchmarks) keep y-webrtc's former cap of 40.
    maxConns: settings.meshSize ?? FULL_MESH,
    filterBcConns: true,
    peerOpts: { config: settings.rtcConfig },
  });
  const status = createStore<RoomStatus>(() => initialRoomStatus);

  const onDrop = (dropped: DroppedPeer): void => status.setState((s) => ({ dropped: [...s.dropped, dropped].slice(-50) }));
  const guard = guardPeers(provider, target, onDrop);
  const directPeer = (peerId: string): boolean => (provider.room?.webrtcConns.get(peerId) as ConnLike | undefined)?.connected === true && !guard.isBlocked(peerId);
  const stopRelays = deferPeerRelays(provider, { sender: () => guard.sender() });

  // The relay speaks as y-webrtc's peer id, which exists once y-webrtc has derived its key.
  let relay: RelayPeer | null = null;
  let closed = false;
  const startRelay = async (): Promise<void> => {
    const [key] = await Promise.all([deriveRelayKey(settings.secret, topic), provider.key]);
    const room = provider.room;
    if (closed || !room) return;
    relay = createRelayPeer({
      id: room.peerId,
      doc,
      awareness,
      key,
      roomTopic: topic,
      transport: signalingRelayTransport(provider),
      guard: target,
      isDirect: directPeer,
      isForeignOrigin: (origin) => origin === provider.room,
      onDrop,
      onRoster: () => void poll(),
    });
  };

  let signalingUndecryptable = 0;
  const onRejection = (event: PromiseRejectionEvent): void => {
    if (!isDecryptionFailure(event.reason)) return;
    event.preventDefault();
    signalingUndecryptable++;
    status.setState((s) => ({ undecryptable: s.undecryptable + 1 }));
  };
  window.addEventListener('unhandledrejection', onRejection);

  const startedAt = now();
  let lastConnectedAt = 0;
  const dropStalled = watchStalledLinks();
  let polling = false;
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
      // Everyone the relay hears that we have no working direct link to is reached through it.
      const direct = new Set(peers.filter((p) => p.link !== 'connecting').map((p) => p.peerId));
      const relayed = (relay?.roster() ?? []).filter((peerId) => !direct.has(peerId));
      const viaServer = relayed.map((peerId): PeerStatus => ({ peerId, link: 'server', rttMs: null, blocked: relay?.isBlocked(peerId) ?? false }));
      const all = [...peers.filter((p) => p.link !== 'connecting' || !relayed.includes(p.peerId)), ...viaServer];
      const undecryptable = signalingUndecryptable + (relay?.counts().undecryptable ?? 0);
      if (!closed) status.setState({ signaling, peers: all, undecryptable });
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
  void startRelay();
  // Closing the tab: the relay says goodbye, so the others see us leave at once.
  const onPageHide = (): void => void relay?.close();
  window.addEventListener('pagehide', onPageHide);

  return {
    status,
    peerId: () => provider.room?.peerId ?? null,
    sender: () => guard.sender() ?? relay?.sender() ?? null,
    peerConnections: () =>
      ([...(provider.room?.webrtcConns.entries() ?? [])] as [string, ConnLike][]).map(([peerId, conn]) => ({ peerId, connected: conn.connected, pc: conn.peer?._pc })),
    relayCounts: () => relay?.counts() ?? null,
    close() {
      // First, while y-webrtc's socket is still open: the relay's goodbye goes out at once.
      void relay?.close();
      closed = true;
      window.removeEventListener('pagehide', onPageHide);
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
