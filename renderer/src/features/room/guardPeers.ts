// Puts the peer message guard in front of y-webrtc: every data-channel message is inspected
// before y-webrtc reads it, and a peer that sends something broken or hostile is dropped. If a
// dropped peer connects again, it is kept but muted: destroying it again would only make both
// sides re-announce and reconnect in a loop.
import type { WebrtcProvider } from 'y-webrtc';
import type { PeerDropReason } from '../../../../shared/sync/peerDropReason';
import { inspectPeerMessage, type GuardTarget } from '../../../../shared/sync/peerMessageGuard';

export interface DroppedPeer {
  readonly peerId: string;
  /** Why: a code the participants panel words from the catalogs (room.dropped.*). */
  readonly reason: PeerDropReason;
  /** Over a direct data channel, or through the relay. */
  readonly via: 'direct' | 'relay';
  readonly at: number;
}

export interface PeerGuard {
  isBlocked(peerId: string): boolean;
  /** The peer whose message is being applied right now (y-webrtc applies synchronously), else null. */
  sender(): string | null;
  stop(): void;
}

type DataListener = (data: unknown) => void;

/** The part of simple-peer's API we use. */
interface SimplePeerLike {
  listeners(event: 'data'): DataListener[];
  removeAllListeners(event: 'data'): void;
  on(event: 'data', listener: DataListener): void;
  destroy(): void;
}

const isSimplePeer = (value: unknown): value is SimplePeerLike =>
  typeof value === 'object' && value !== null && typeof (value as SimplePeerLike).listeners === 'function' &&
  typeof (value as SimplePeerLike).removeAllListeners === 'function' && typeof (value as SimplePeerLike).destroy === 'function';

/** Guards every connection the provider makes, now and later. */
export function guardPeers(provider: WebrtcProvider, target: GuardTarget, onDrop: (dropped: DroppedPeer) => void): PeerGuard {
  const guarded = new WeakSet<object>();
  const blocked = new Set<string>();
  let sender: string | null = null;
  const guardAll = (): void => {
    provider.room?.webrtcConns.forEach((conn, peerId) => {
      const peer: unknown = conn.peer;
      if (!isSimplePeer(peer) || guarded.has(peer)) return;
      guarded.add(peer);
      const original = peer.listeners('data');
      peer.removeAllListeners('data');
      let dropped = false;
      const drop = (reason: PeerDropReason): void => {
        if (dropped) return;
        dropped = true;
        blocked.add(peerId);
        peer.destroy();
        onDrop({ peerId, reason, via: 'direct', at: Date.now() });
      };
      peer.on('data', (data) => {
        if (dropped || blocked.has(peerId)) return;
        const verdict = inspectPeerMessage(data, target);
        if (!verdict.ok) return drop(verdict.reason);
        sender = peerId;
        try {
          for (const listener of original) listener(data);
        } catch {
          drop({ code: 'unapplicable' });
        } finally {
          sender = null;
        }
      });
    });
  };
  provider.on('peers', guardAll);
  guardAll();
  return { isBlocked: (peerId) => blocked.has(peerId), sender: () => sender, stop: () => provider.off('peers', guardAll) };
}
