// What the charter's buttons do, as one object bound to the open workshop: edit the draft
// settings, set my role, mark a key checked in person, freeze the draft as the next version,
// sign a version with this device's key, and seal the signatures as facilitator. Signing goes
// through the Host, so on Electron the private key never enters this process. Writes run the
// shared charter operations with the LOCAL origin, so they are stored and synced.
import type * as Y from 'yjs';
import { readRoster, upsertParticipant, type BoardSnapshot } from '../../../../shared/board';
import {
  buildCharterDraft,
  freezeCharter,
  latestVersion,
  makeSeal,
  makeSignature,
  sealInputFor,
  setDraftField,
  setDraftQuorum,
  setKeyCheck,
  signingInputFor,
  storeSeal,
  storeSignature,
  storeVersion,
  type DraftField,
  type FrozenVersion,
  type QuorumRule,
  type VersionLedger,
} from '../../../../shared/charter';
import type { Host } from '../../host/Host';
import { LOCAL } from '../../core/origins';
import type { CharterViewState } from './charterStore';

/** ISO 8601 UTC in whole seconds, the form the signed message carries. */
export const nowIso = (): string => new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export function draftOf(state: CharterViewState, snapshot: BoardSnapshot) {
  return buildCharterDraft({
    snapshot,
    roster: state.roster.participants,
    purpose: state.settings.purpose,
    scope: state.settings.scope,
    reviewDate: state.settings.reviewDate,
    quorum: state.settings.quorum,
  });
}

export interface CharterDeps {
  readonly host: Host;
  readonly doc: Y.Doc;
  /** The charter's id: the workshop's. */
  readonly charterId: string;
  /** My participant id, the roster key. */
  readonly me: () => string;
}

export interface CharterActions {
  setDraftText(field: DraftField, value: string): void;
  setQuorum(rule: QuorumRule): void;
  setMyRole(role: string): void;
  markChecked(participantId: string, publicKey: string | null): void;
  freeze(state: CharterViewState, snapshot: BoardSnapshot): FrozenVersion;
  sign(version: VersionLedger): Promise<void>;
  seal(version: VersionLedger): Promise<void>;
}

export function createCharterActions({ host, doc, charterId, me }: CharterDeps): CharterActions {
  return {
    setDraftText: (field, value) => setDraftField(doc, field, value, LOCAL),
    setQuorum: (rule) => setDraftQuorum(doc, rule, LOCAL),
    setMyRole: (role) => {
      const mine = readRoster(doc).find((p) => p.id === me());
      if (mine) upsertParticipant(doc, { id: mine.id, name: mine.name, side: mine.side, role }, Date.now(), LOCAL);
    },
    markChecked: (participantId, publicKey) => setKeyCheck(doc, participantId, publicKey ? { publicKey, by: me(), at: Date.now() } : null, LOCAL),
    freeze: (state, snapshot) => {
      const draft = draftOf(state, snapshot);
      const previous = latestVersion(state.ledger)?.frozen;
      const frozen = freezeCharter({ charterId, content: draft.content, roster: draft.roster, quorum: draft.quorum, frozenAt: new Date(), ...(previous ? { previous } : {}) });
      storeVersion(doc, frozen, LOCAL);
      return frozen;
    },
    sign: async (version) => {
      const mine = version.frozen.charter.roster.find((p) => p.id === me());
      if (!mine) throw new Error('You are not on the roster of this version, so your signature would not count.');
      const identity = await host.identity.get();
      if (identity.publicKey !== mine.publicKey) throw new Error('This version lists a different key for you than this device has; ask the facilitator to freeze a new version.');
      const input = signingInputFor(version.bundle, nowIso());
      const signature = await host.identity.signCharter(input);
      storeSignature(doc, version.frozen.digest, makeSignature(mine, input, signature), LOCAL);
    },
    seal: async (version) => {
      const mine = version.frozen.charter.roster.find((p) => p.id === me() && p.side === 'facilitator');
      if (!mine) throw new Error('Only a facilitator on this version’s roster can seal it.');
      const input = sealInputFor(version.bundle, nowIso());
      const signature = await host.identity.signSeal(input);
      storeSeal(doc, version.frozen.digest, makeSeal(mine, input, signature), LOCAL);
    },
  };
}
