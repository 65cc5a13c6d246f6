// The board obeys facilitation: in a phase that closes a section, nothing in it can be added,
// edited, moved or deleted through the store; in anonymous ideation a new card's author is not
// in the doc at all, while agreed cards stay named.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardStore } from '../../../renderer/src/features/board';
import { readFacilitation, sectionOpen } from '../../../shared/facilitation';
import { act, testKey, WORKSHOP } from '../../support/facilitatorKeys';

const facilitator = testKey(6);

async function storeInPhase(phaseId: string, anonymous = false) {
  const doc = new Y.Doc();
  const store = createBoardStore(doc, () => ({ name: 'Ana Lopez', side: 'IT' }));
  const open = store.getState().addCard('goals', { title: 'Uptime above 99.5%' });
  if (!open.ok) throw open.error;
  await act(doc, facilitator, 1, { type: 'phase.set', phaseId });
  if (anonymous) await act(doc, facilitator, 2, { type: 'anonymity.set', anonymous: true });
  store.setPolicy({
    closedReason: (section) => (sectionOpen(readFacilitation(doc, WORKSHOP, facilitator.publicKey), section) ? null : 'Closed in this phase.'),
    anonymous: () => readFacilitation(doc, WORKSHOP, facilitator.publicKey).anonymous,
    access: (section) => (sectionOpen(readFacilitation(doc, WORKSHOP, facilitator.publicKey), section) ? 'open' : 'read-only'),
  });
  return { doc, store, goalId: open.value };
}

describe('board policy from facilitation', () => {
  it('refuses every change to a closed section and leaves the board as it was', async () => {
    const { store, goalId } = await storeInPhase('tradeoffs');
    const s = store.getState();
    const before = s.snapshot;
    for (const outcome of [
      s.addCard('goals', { title: 'Safety first' }),
      s.saveCard(goalId, { title: 'Changed' }),
      s.setStatus(goalId, 'agreed'),
      s.moveCard(goalId, 'tradeoffs', 0),
      s.moveToAdjacentSection(goalId, 1),
      s.deleteCard(goalId),
      s.updateCard(goalId, { fields: { title: 'x' }, status: 'proposed', section: 'goals' }),
    ]) {
      expect(outcome).toMatchObject({ ok: false, error: { code: 'section-closed', message: 'Closed in this phase.' } });
    }
    expect(store.getState().snapshot).toBe(before);
    // What the board shows follows the same policy: the closed section is read-only.
    expect(store.getState().access).toEqual({ goals: 'read-only', incentives: 'read-only', accountability: 'read-only', language: 'read-only', skills: 'read-only' });
    // An open section still works, but a card cannot be moved from it into a closed one.
    const tradeoff = s.addCard('tradeoffs', { title: 'Patch cadence vs. maintenance windows' });
    expect(tradeoff.ok).toBe(true);
    if (tradeoff.ok) expect(store.getState().moveCard(tradeoff.value, 'goals', 0)).toMatchObject({ ok: false, error: { code: 'section-closed' } });
  });

  it('anonymous ideation stores no author in the doc; an agreed card is named', async () => {
    const { doc, store } = await storeInPhase('goals', true);
    const idea = store.getState().addCard('goals', { title: 'Joint on-call rota' });
    if (!idea.ok) throw idea.error;
    expect(store.getState().snapshot.cards[idea.value]).toMatchObject({ author: null, side: 'IT' });
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
    expect(fresh.getMap('cards').get(idea.value)).toBeInstanceOf(Y.Map);
    expect((fresh.getMap('cards').get(idea.value) as Y.Map<unknown>).get('author')).toBeNull();
    const agreed = store.getState().addCard('goals', { title: 'Agreed goal' }, 'agreed');
    if (!agreed.ok) throw agreed.error;
    expect(store.getState().snapshot.cards[agreed.value]?.author).toBe('Ana Lopez');
  });
});
