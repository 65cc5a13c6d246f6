// What the charter needs from the workshop's facilitation, as the session provides it: whether I
// hold the facilitator's power over the charter, the quorum rule, the in-person key checks and
// the versions the facilitator froze (each a signed action every peer checks), who facilitates as
// a version would freeze it, and the signed actions that change them. The charter never reads
// a roster side to decide who facilitates.
import type { CharterFacilitator, KeyCheck, QuorumRule } from '../../../../shared/charter';

export interface CharterAuthorityView {
  /** This device's key; null until the host has loaded it. */
  readonly myKey: string | null;
  /** I may set the quorum, mark checks, freeze and seal (the facilitator, or a co-facilitator with the right). */
  readonly mayCharter: boolean;
  /** null: the default rule. */
  readonly quorum: QuorumRule | null;
  readonly checks: Readonly<Record<string, KeyCheck>>;
  /** Versions the facilitator froze, by digest. */
  readonly frozen: Readonly<Record<string, { readonly version: number }>>;
  /** Who facilitates, as a version freezes it; null while the workshop has no facilitator key. */
  readonly facilitator: CharterFacilitator | null;
}

export interface CharterAuthority {
  read(): CharterAuthorityView;
  subscribe(listener: () => void): () => void;
  setQuorum(rule: QuorumRule): Promise<void>;
  markChecked(participantId: string, publicKey: string, checked: boolean): Promise<void>;
  recordFreeze(version: number, digest: string): Promise<void>;
}

export const NO_AUTHORITY: CharterAuthorityView = { myKey: null, mayCharter: false, quorum: null, checks: {}, frozen: {}, facilitator: null };
