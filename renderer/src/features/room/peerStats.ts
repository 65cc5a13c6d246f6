// Reads a peer connection's state from WebRTC stats: whether the selected candidate pair is
// direct or goes through a TURN relay, and its current round-trip time.

/** 'relayed' goes through a TURN server; 'server' through the room's relay (shared/relay). */
export type PeerLink = 'connecting' | 'direct' | 'relayed' | 'server';

export interface PeerStats {
  readonly link: PeerLink;
  readonly rttMs: number | null;
}

interface StatLike {
  type?: string;
  id?: string;
  state?: string;
  nominated?: boolean;
  selected?: boolean;
  selectedCandidatePairId?: string;
  localCandidateId?: string;
  remoteCandidateId?: string;
  candidateType?: string;
  currentRoundTripTime?: number;
}

export async function readPeerStats(pc: RTCPeerConnection | undefined, connected: boolean): Promise<PeerStats> {
  if (!pc || !connected) return { link: 'connecting', rttMs: null };
  const report = await pc.getStats();
  const stats = new Map<string, StatLike>();
  report.forEach((value: StatLike, key: string) => stats.set(key, value));
  let pair: StatLike | undefined;
  for (const s of stats.values()) {
    if (s.type === 'transport' && s.selectedCandidatePairId) pair = stats.get(s.selectedCandidatePairId);
  }
  pair ??= [...stats.values()].find((s) => s.type === 'candidate-pair' && s.state === 'succeeded' && (s.nominated || s.selected));
  if (!pair) return { link: 'connecting', rttMs: null };
  const local = pair.localCandidateId ? stats.get(pair.localCandidateId) : undefined;
  const remote = pair.remoteCandidateId ? stats.get(pair.remoteCandidateId) : undefined;
  const relayed = local?.candidateType === 'relay' || remote?.candidateType === 'relay';
  const rtt = typeof pair.currentRoundTripTime === 'number' ? Math.round(pair.currentRoundTripTime * 1000) : null;
  return { link: relayed ? 'relayed' : 'direct', rttMs: rtt };
}
