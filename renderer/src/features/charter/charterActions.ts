// What the charter's buttons do, as one object bound to the open workshop: edit the draft texts,
// set my role, and (for whoever holds the facilitator's power over the charter) set the quorum,
// mark a key checked in person, freeze the draft as the next version and seal the signatures;
// anyone on a version's roster signs it with this device's key. Signing goes through the Host,
// so on Electron the private key never enters this process. The facilitator's powers are signed
// facilitation actions (through CharterAuthority), so every peer checks who took them.
import type * as Y from 'yjs';
import { readRoster, upsertParticipant, type BoardSnapshot } from '../../../../shared/board';
import {
  buildCharterDraft,
  diffCharters,
  facilitatorKeys,
  freezeCharter,
  makeSeal,
  makeSignature,
  quorumProblem,
  sameAsBefore,
  sealInputFor,
  setDraftField,
  signingInputFor,
  storeSeal,
  storeSignature,
  storeVersion,
  type CharterDiff,
  type DocumentLanguage,
  type DraftField,
  type FrozenVersion,
  type QuorumRule,
  type VersionLedger,
} from '../../../../shared/charter';
import type { Host } from '../../host/Host';
import { LOCAL } from '../../core/origins';
import { UserError } from '../../core/userError';
import type { CharterAuthority } from './charterAuthority';
import { latestStanding, standingOf, type CharterViewState } from './charterStore';

/** ISO 8601 UTC in whole seconds, the form the signed message carries. */
export const nowIso = (): string => new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export function draftOf(state: CharterViewState, snapshot: BoardSnapshot, language?: DocumentLanguage) {
  return buildCharterDraft({
    ...(language ? { language } : {}),
    snapshot,
    roster: state.roster.participants,
    purpose: state.settings.purpose,
    scope: state.settings.scope,
    reviewDate: state.settings.reviewDate,
    quorum: state.quorum,
    facilitatorKey: state.authority.facilitator?.publicKey ?? null,
  });
}

export interface CharterDeps {
  readonly host: Host;
  readonly doc: Y.Doc;
  /** The charter's id: the workshop's. */
  readonly charterId: string;
  /** My participant id, the roster key. */
  readonly me: () => string;
  /** The facilitator's powers over the charter; null where the workshop has no facilitation (tests of the charter alone). */
  readonly authority: CharterAuthority | null;
}

/** A freeze ready to confirm: the version it would store and what changed since the last. */
export interface PreparedFreeze {
  readonly frozen: FrozenVersion;
  readonly previous: FrozenVersion | null;
  readonly diff: CharterDiff | null;
}

export interface CharterActions {
  setDraftText(field: DraftField, value: string): void;
  setQuorum(rule: QuorumRule): Promise<void>;
  setMyRole(role: string): void;
  markChecked(participantId: string, publicKey: string, checked: boolean): Promise<void>;
  /** The next version in `language`, not yet stored; refuses one that says exactly what the last one says. */
  prepareFreeze(state: CharterViewState, snapshot: BoardSnapshot, language: DocumentLanguage): PreparedFreeze;
  /** Stores a prepared version and records, signed, that the facilitator froze it. */
  freeze(prepared: PreparedFreeze): Promise<void>;
  sign(version: VersionLedger, state: CharterViewState): Promise<void>;
  seal(version: VersionLedger, state: CharterViewState): Promise<void>;
}

export function createCharterActions({ host, doc, charterId, me, authority }: CharterDeps): CharterActions {
  const powers = (): CharterAuthority => {
    if (!authority?.read().mayCharter) throw new UserError('Only the facilitator (or a co-facilitator with the right) can do this.');
    return authority;
  };
  return {
    setDraftText: (field, value) => setDraftField(doc, field, value, LOCAL),
    setQuorum: async (rule) => {
      const problem = quorumProblem(rule);
      if (problem) throw new UserError(problem);
      await powers().setQuorum(rule);
    },
    setMyRole: (role) => {
      const mine = readRoster(doc).find((p) => p.id === me());
      if (mine) upsertParticipant(doc, { id: mine.id, name: mine.name, side: mine.side, role }, Date.now(), LOCAL);
    },
    markChecked: (participantId, publicKey, checked) => powers().markChecked(participantId, publicKey, checked),
    prepareFreeze: (state, snapshot, language) => {
      powers();
      const facilitator = state.authority.facilitator;
      if (!facilitator) throw new UserError('This workshop has no facilitator key yet, so no version can say who facilitates it.');
      const draft = draftOf(state, snapshot, language);
      const problem = quorumProblem(draft.quorum);
      if (problem) throw new UserError(problem);
      const previous = latestStanding(state)?.frozen ?? null;
      const frozen = freezeCharter({ charterId, content: draft.content, roster: draft.roster, quorum: draft.quorum, frozenAt: new Date(), facilitator, language, ...(previous ? { previous } : {}) });
      if (previous && sameAsBefore(previous.charter, frozen.charter)) {
        throw new UserError(`Nothing changed since version ${previous.charter.version}: its content, roster, quorum, facilitators and language are the same, so there is nothing new to sign.`);
      }
      return { frozen, previous, diff: previous ? diffCharters(previous.charter, frozen.charter) : null };
    },
    freeze: async ({ frozen }) => {
      const powersNow = powers();
      storeVersion(doc, frozen, LOCAL);
      await powersNow.recordFreeze(frozen.charter.version, frozen.digest);
    },
    sign: async (version, state) => {
      const standing = standingOf(version, state.authority);
      if (standing !== 'facilitator') throw new UserError(standing === 'older' ? 'This version was frozen before facilitator keys; ask the facilitator to freeze it again.' : 'The facilitator did not freeze this version: do not sign it.');
      const mine = version.frozen.charter.roster.find((p) => p.id === me());
      if (!mine) throw new UserError('You are not on the roster of this version, so your signature would not count.');
      const identity = await host.identity.get();
      if (identity.publicKey !== mine.publicKey) throw new UserError('This version lists a different key for you than this device has; ask the facilitator to freeze a new version.');
      const input = signingInputFor(version.bundle, nowIso());
      const signature = await host.identity.signCharter(input);
      storeSignature(doc, version.frozen.digest, makeSignature(mine, input, signature), LOCAL);
    },
    seal: async (version, state) => {
      powers();
      const myKey = state.authority.myKey;
      const mine = version.frozen.charter.roster.find((p) => p.id === me());
      const keys = facilitatorKeys(version.frozen.charter.facilitator);
      if (!mine || !myKey || mine.publicKey !== myKey || !keys?.has(myKey)) throw new UserError('This version names other keys as its facilitators, so a seal from this device would not count.');
      const input = sealInputFor(version.bundle, nowIso());
      const signature = await host.identity.signSeal(input);
      storeSeal(doc, version.frozen.digest, makeSeal(mine, input, signature), LOCAL);
    },
  };
}
