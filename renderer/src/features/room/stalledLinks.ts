// Gives up on peer links that never come up, so y-webrtc tries again. y-webrtc keeps a link it
// has started until it closes, and announces this peer again only when one closes. A link whose
// negotiation died halfway (an offer both sides sent at once, where one side's own offer then
// failed and its link closed, leaving the other waiting for an answer that never comes) never
// closes: those two peers stayed one link short of a full mesh for good (issue 13: two peers of
// twenty at 18 of 19 links). Destroying it closes it; y-webrtc then announces, and the pair
// negotiates afresh.

/** A link that has not connected in this long is dropped. ICE on a LAN takes well under a
 * second, through TURN a few; twenty peers starting at once on two cores took up to 10 s. */
export const STALLED_AFTER_MS = 20_000;

export interface WatchedLink {
  readonly connected: boolean;
  readonly closed?: boolean;
  readonly peer: { destroy(): void } | null;
}

/** Returns a check to call now and then with the links; it destroys the stalled ones and returns their peer ids. */
export function watchStalledLinks(stalledAfterMs = STALLED_AFTER_MS): (links: Iterable<readonly [string, WatchedLink]>, now: number) => string[] {
  const firstSeen = new WeakMap<WatchedLink, number>();
  return (links, now) => {
    const dropped: string[] = [];
    for (const [peerId, link] of links) {
      if (link.connected || link.closed) continue;
      const since = firstSeen.get(link);
      if (since === undefined) firstSeen.set(link, now);
      else if (now - since >= stalledAfterMs) {
        // Counted again from now, should its close take a while.
        firstSeen.set(link, now);
        link.peer?.destroy();
        dropped.push(peerId);
      }
    }
    return dropped;
  };
}
