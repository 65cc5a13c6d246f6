// Links that never come up are given up after STALLED_AFTER_MS, so y-webrtc announces again and
// the pair negotiates afresh; links that are up, closed, or still young are left alone.
import { describe, expect, it } from 'vitest';
import { STALLED_AFTER_MS, watchStalledLinks, type WatchedLink } from '../../../renderer/src/features/room/stalledLinks';

function link(state: { connected?: boolean; closed?: boolean } = {}) {
  const peer = { destroyed: 0, destroy() { this.destroyed++; } };
  const value: WatchedLink & { connected: boolean; closed: boolean } = { connected: state.connected ?? false, closed: state.closed ?? false, peer };
  return { value, peer };
}

describe('stalled links', () => {
  it('destroys a link that has not connected within the limit, once, and reports it', () => {
    const check = watchStalledLinks();
    const stuck = link();
    expect(check([['b', stuck.value]], 0)).toEqual([]);
    expect(check([['b', stuck.value]], STALLED_AFTER_MS - 1)).toEqual([]);
    expect(stuck.peer.destroyed).toBe(0);
    expect(check([['b', stuck.value]], STALLED_AFTER_MS)).toEqual(['b']);
    expect(stuck.peer.destroyed).toBe(1);
    // Its close may take a moment: not destroyed again on the next check.
    expect(check([['b', stuck.value]], STALLED_AFTER_MS + 1000)).toEqual([]);
  });

  it('leaves links that are up, closed or new alone', () => {
    const check = watchStalledLinks(1000);
    const up = link({ connected: true });
    const closed = link({ closed: true });
    const young = link();
    check([['up', up.value], ['closed', closed.value]], 0);
    check([['young', young.value]], 5000);
    expect(check([['up', up.value], ['closed', closed.value], ['young', young.value]], 5500)).toEqual([]);
    expect([up.peer.destroyed, closed.peer.destroyed, young.peer.destroyed]).toEqual([0, 0, 0]);
  });

  it('counts a link from when it was first seen, and a new link under the same peer afresh', () => {
    const check = watchStalledLinks(1000);
    const first = link();
    check([['b', first.value]], 0);
    // y-webrtc replaced it (a close, then a new attempt): the new one gets its own time.
    const second = link();
    expect(check([['b', second.value]], 900)).toEqual([]);
    expect(check([['b', second.value]], 1800)).toEqual([]);
    expect(check([['b', second.value]], 1900)).toEqual(['b']);
  });
});
