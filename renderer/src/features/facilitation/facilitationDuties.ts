// What the app of an authority holder does by itself, so that any of them can carry on if
// another's laptop dies: it publishes its box key (vote secrets are sealed to it), and while a
// vote is open, seals the round's secret to any co-facilitator who has none yet. Each duty is
// attempted once per key and round in a session; a refused or failed one is not retried in a
// loop.
import { authorityBoxKeys, currentRound } from '../../../../shared/facilitation';
import type { FacilitationActions } from './facilitationActions';
import type { FacilitationController } from './facilitationController';
import { myBoxKeys } from './facilitationStorage';
import { roundSecretFor } from './roundSecrets';

export function startFacilitationDuties(c: FacilitationController, actions: FacilitationActions): () => void {
  const attempted = new Set<string>();
  const once = (key: string, work: () => Promise<void>) => {
    if (attempted.has(key)) return;
    attempted.add(key);
    void work().catch(() => undefined);
  };
  const check = (): void => {
    const view = c.store.getState();
    if (!view.myKey || !view.myRights.includes('votes')) return;
    const { state, myKey } = view;
    const box = myBoxKeys(c.vault);
    const published = state.facilitator?.publicKey === myKey ? state.facilitator.boxKey : (state.coFacilitators.find((d) => d.publicKey === myKey)?.boxKey ?? null);
    if (published !== box.publicKey) once(`box:${myKey}:${box.publicKey}`, () => actions.publishBoxKey());
    const round = currentRound(state);
    if (!round || round.status !== 'open') return;
    const missing = authorityBoxKeys(state).filter(([signingKey]) => signingKey !== myKey && !round.sealedFor[signingKey]);
    if (missing.length === 0 || !roundSecretFor(c, round)) return;
    for (const [signingKey, boxKey] of missing) once(`share:${round.roundId}:${signingKey}:${boxKey}`, () => actions.shareRound(round.roundId, signingKey, boxKey));
  };
  const unsubscribe = c.store.subscribe(check);
  check();
  return unsubscribe;
}
