// Puts this device's public key on the workshop roster, so what it signs can be checked against
// the charter. An entry the room already made (name, side, role) keeps them; without one, the
// profile provides them. Re-run when the roster changes, e.g. when joining a room creates it.
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { readRoster, rosterMap, upsertParticipant } from '../../../../shared/board';
import type { Host } from '../../host/Host';
import { notifyError } from '../../app/uiStore';
import { describeError } from '../../ui/describeError';
import { profileStore } from '../profile/profileStore';
import { LOCAL } from '../board/boardStore';
import { identityStore, loadIdentity } from './identityStore';
import { myParticipantId } from './participantId';

export function ensureRosterKey(doc: Y.Doc, publicKey: string): void {
  const id = myParticipantId();
  const mine = readRoster(doc).find((p) => p.id === id);
  if (mine?.publicKey === publicKey) return;
  const profile = profileStore.getState().profile;
  if (!mine && !profile) return;
  const base = mine ?? { name: profile?.name ?? '', side: profile?.side ?? 'facilitator', role: '' };
  upsertParticipant(doc, { id, name: base.name, side: base.side, role: base.role, publicKey }, Date.now(), LOCAL);
}

export function useRosterKey(host: Host, doc: Y.Doc): void {
  useEffect(() => {
    let key: string | null = null;
    const apply = () => {
      try {
        if (key) ensureRosterKey(doc, key);
      } catch (e) {
        notifyError(describeError(e, 'Adding your key to the roster'));
      }
    };
    let live = true;
    void loadIdentity(host).then((identity) => {
      if (!live || !identity) return;
      key = identity.publicKey;
      apply();
    });
    const roster = rosterMap(doc);
    roster.observeDeep(apply);
    // A key replaced while the board is open goes on the roster at once (its check lapses).
    const unsubscribe = identityStore.subscribe((state) => {
      if (!live || state.status !== 'ready' || state.identity.publicKey === key) return;
      key = state.identity.publicKey;
      apply();
    });
    return () => {
      live = false;
      roster.unobserveDeep(apply);
      unsubscribe();
    };
  }, [host, doc]);
}
