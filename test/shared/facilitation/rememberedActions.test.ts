// A hostile peer cannot forge the facilitator's actions, so it may try to erase them; a peer that
// has seen a valid action keeps it, and lists what overwrote it as refused.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { currentPhase, facilitationMap, foldActions, readActionEntries, remember, withRemembered } from '../../../shared/facilitation';
import { act, testKey, WORKSHOP } from '../../support/facilitatorKeys';

const facilitator = testKey(9);

describe('remembered actions', () => {
  it('a deleted or overwritten action still counts for a peer that saw it', async () => {
    const doc = new Y.Doc();
    await act(doc, facilitator, 1, { type: 'phase.set', phaseId: 'goals' });
    const second = await act(doc, facilitator, 2, { type: 'phase.set', phaseId: 'tradeoffs' });
    const remembered = new Map<string, string>();
    const fold = () => {
      const entries = withRemembered(readActionEntries(doc), remembered);
      const state = foldActions(entries, WORKSHOP, facilitator.publicKey);
      remember(remembered, entries, state.appliedKeys);
      return state;
    };
    expect(currentPhase(fold())?.id).toBe('tradeoffs');
    const key = `a:2:${second.signature.slice(0, 16)}`;
    facilitationMap(doc).set(key, 'overwritten by a hostile peer');
    const afterOverwrite = fold();
    expect(currentPhase(afterOverwrite)?.id).toBe('tradeoffs');
    expect(afterOverwrite.refused.map((r) => r.reason)).toEqual(['malformed']);
    facilitationMap(doc).delete(key);
    expect(currentPhase(fold())?.id).toBe('tradeoffs');
    // A peer that never saw it has only the doc to go by.
    expect(currentPhase(foldActions(readActionEntries(doc), WORKSHOP, facilitator.publicKey))?.id).toBe('goals');
  });
});
