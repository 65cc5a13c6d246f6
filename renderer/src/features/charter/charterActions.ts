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
import { currentFormat, t } from '../../core/i18n';
import { UserError } from '../../core/userError';
import { quorumProblemText } from './charterWording';
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
    if (!authority?.read().mayCharter) throw new UserError(t('charter.error.notFacilitator'));
    return authority;
  };
  return {
    setDraftText: (field, value) => setDraftField(doc, field, value, LOCAL),
    setQuorum: async (rule) => {
      const problem = quorumProblemText(t, currentFormat(), rule);
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
      if (!facilitator) throw new UserError(t('charter.error.noFacilitatorKey'));
      const draft = draftOf(state, snapshot, language);
      const problem = quorumProblemText(t, currentFormat(), draft.quorum);
      if (problem) throw new UserError(problem);
      const previous = latestStanding(state)?.frozen ?? null;
      const frozen = freezeCharter({ charterId, content: draft.content, roster: draft.roster, quorum: draft.quorum, frozenAt: new Date(), facilitator, language, ...(previous ? { previous } : {}) });
      if (previous && sameAsBefore(previous.charter, frozen.charter)) {
        throw new UserError(t('charter.error.unchanged', { version: previous.charter.version }));
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
      if (standing !== 'facilitator') throw new UserError(standing === 'older' ? t('charter.error.olderVersion') : t('charter.error.notByFacilitator'));
      const mine = version.frozen.charter.roster.find((p) => p.id === me());
      if (!mine) throw new UserError(t('charter.error.notOnRoster'));
      const identity = await host.identity.get();
      if (identity.publicKey !== mine.publicKey) throw new UserError(t('charter.error.otherKey'));
      const input = signingInputFor(version.bundle, nowIso());
      const signature = await host.identity.signCharter(input);
      storeSignature(doc, version.frozen.digest, makeSignature(mine, input, signature), LOCAL);
    },
    seal: async (version, state) => {
      powers();
      const myKey = state.authority.myKey;
      const mine = version.frozen.charter.roster.find((p) => p.id === me());
      const keys = facilitatorKeys(version.frozen.charter.facilitator);
      if (!mine || !myKey || mine.publicKey !== myKey || !keys?.has(myKey)) throw new UserError(t('charter.error.sealOtherKeys'));
      const input = sealInputFor(version.bundle, nowIso());
      const signature = await host.identity.signSeal(input);
      storeSeal(doc, version.frozen.digest, makeSeal(mine, input, signature), LOCAL);
    },
  };
}
