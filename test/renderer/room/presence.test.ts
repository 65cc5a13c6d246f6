// Presence comes from any peer as arbitrary JSON: only well-formed states are shown, with the
// fields the UI needs, and setting my presence keeps what other features put on the same state.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { colorFor, readPresence, setLocalPresence } from '../../../renderer/src/features/room/presence';

const user = { id: 'p-1', name: 'Olga OT', side: 'OT' as const, role: 'Control engineer', color: colorFor('p-1') };

function remoteState(state: Record<string, unknown> | null): Awareness {
  const remote = new Awareness(new Y.Doc());
  remote.setLocalState(state);
  return remote;
}

describe('presence', () => {
  it('shows well-formed peers and leaves out malformed or hostile states', () => {
    const mine = new Awareness(new Y.Doc());
    setLocalPresence(mine, { ...user, id: 'me', name: 'Ivan IT', side: 'IT' }, null, 'peer-me');
    const states = [
      { user, location: { section: 'risks', cardId: 'c1' }, peer: 'peer-olga' },
      { user: { ...user, id: 'p-2', color: 'red; background:url(x)' } },
      { user: { ...user, id: 'p-3', side: 'admin' } },
      { user: { ...user, id: 'p-4', name: 'x'.repeat(500) } },
      { location: { section: 'nowhere', cardId: null } },
    ];
    for (const s of states) {
      const remote = remoteState(s);
      applyAwarenessUpdate(mine, encodeAwarenessUpdate(remote, [remote.clientID]), 'test');
    }
    const present = readPresence(mine);
    expect(present.map((p) => p.user.name)).toEqual(['Ivan IT', 'Olga OT']);
    expect(present[0]?.isLocal).toBe(true);
    expect(present[1]).toMatchObject({ location: { section: 'risks', cardId: 'c1' }, peer: 'peer-olga', isLocal: false });
  });

  it('keeps fields other features publish on my state', () => {
    const mine = new Awareness(new Y.Doc());
    mine.setLocalStateField('facilitation', { clock: 42 });
    setLocalPresence(mine, user, { section: 'goals', cardId: null }, 'peer-1');
    expect(mine.getLocalState()).toMatchObject({ facilitation: { clock: 42 }, user, peer: 'peer-1' });
  });

  it('gives one person the same colour everywhere', () => {
    expect(colorFor('p-1')).toBe(colorFor('p-1'));
    expect(colorFor('p-1')).toMatch(/^#[0-9a-f]{6}$/);
  });
});
