// The charter meets facilitation here: the facilitator's power over the charter (quorum,
// in-person checks, freezing, sealing) is the facilitation's authority by key, and its choices
// are signed facilitation actions. The view handed to the charter stays the same object until
// something the charter reads changes, so the charter does not re-read itself on every vote.
import { fingerprintOf, fromBase64url } from '../../../shared/crypto';
import type { CharterFacilitator } from '../../../shared/charter';
import type { CharterAuthority, CharterAuthorityView } from '../features/charter';
import type { Facilitation, FacilitationView } from '../features/facilitation';

function fingerprint(publicKey: string): string {
  try {
    return fingerprintOf(fromBase64url(publicKey));
  } catch {
    return 'unknown';
  }
}

/** Who facilitates, as a version frozen now would say: the facilitator and the co-facilitators whose delegation runs. */
export function facilitatorBlock(view: FacilitationView, now: number): CharterFacilitator | null {
  const f = view.facilitator;
  if (!f) return null;
  return {
    publicKey: f.publicKey,
    fingerprint: f.fingerprint,
    name: f.name,
    participantId: f.participantId ?? '',
    established: f.since,
    coFacilitators: view.state.coFacilitators
      .filter((c) => now <= c.expiresAt)
      .map((c) => ({ publicKey: c.publicKey, fingerprint: fingerprint(c.publicKey), name: c.name, participantId: c.participantId, expiresAt: new Date(c.expiresAt).toISOString(), rights: [...c.rights] })),
  };
}

export function charterAuthorityOf({ controller, actions }: Facilitation): CharterAuthority {
  let last: { key: string; view: CharterAuthorityView } | null = null;
  const read = (): CharterAuthorityView => {
    const v = controller.store.getState();
    const view: CharterAuthorityView = {
      myKey: v.myKey,
      mayCharter: v.myRights.includes('charter'),
      quorum: v.state.quorum,
      checks: v.state.checks,
      frozen: v.state.frozen,
      facilitator: facilitatorBlock(v, controller.facilitatorNow()),
    };
    const key = JSON.stringify(view);
    if (last?.key !== key) last = { key, view };
    return last.view;
  };
  return {
    read,
    subscribe: (listener) => controller.store.subscribe(listener),
    setQuorum: (rule) => actions.setQuorum(rule),
    markChecked: (participantId, publicKey, checked) => actions.markChecked(participantId, publicKey, checked),
    recordFreeze: (version, digest) => actions.recordFreeze(version, digest),
  };
}
