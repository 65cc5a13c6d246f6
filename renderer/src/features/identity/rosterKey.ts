// Keeps this device's public key on an open workshop's roster, so what it signs can be checked
// against the charter. An entry the room already made (name, side, role) keeps them; without
// one, `me` provides them. Runs again when the roster changes (e.g. joining a room creates the
// entry) and when the key is replaced.
import type * as Y from 'yjs';
import { readRoster, rosterMap, upsertParticipant, type Side } from '../../../../shared/board';
import type { Host } from '../../host/Host';
import { ROOM } from '../../core/origins';
import { identityStore, loadIdentity } from './identityStore';

export interface RosterKeyDeps {
  readonly host: Host;
  readonly doc: Y.Doc;
  /** Who I am, for a roster entry made here; null when nobody is known yet (no profile). */
  readonly me: () => { readonly id: string; readonly name: string; readonly side: Side; readonly role?: string } | null;
  readonly onError: (e: unknown) => void;
}

export function ensureRosterKey(doc: Y.Doc, me: RosterKeyDeps['me'], publicKey: string): void {
  const who = me();
  if (!who) return;
  const mine = readRoster(doc).find((p) => p.id === who.id);
  if (mine?.publicKey === publicKey) return;
  const base = mine ?? { name: who.name, side: who.side, role: who.role ?? '' };
  upsertParticipant(doc, { id: who.id, name: base.name, side: base.side, role: base.role, publicKey }, Date.now(), ROOM);
}

/** Starts keeping the key on the roster; returns how to stop. */
export function startRosterKey({ host, doc, me, onError }: RosterKeyDeps): () => void {
  let key: string | null = null;
  let live = true;
  const apply = () => {
    try {
      if (key) ensureRosterKey(doc, me, key);
    } catch (e) {
      onError(e);
    }
  };
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
}
