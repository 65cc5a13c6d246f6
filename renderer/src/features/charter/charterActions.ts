// What the charter buttons do: freeze the draft as the next version, sign a version with this
// device's key, seal the signatures as facilitator, and record an in-person key check. Signing
// goes through the Host, so on Electron the private key never enters this process.
import type * as Y from 'yjs';
import {
  buildCharterDraft,
  freezeCharter,
  latestVersion,
  makeSeal,
  makeSignature,
  sealInputFor,
  setKeyCheck,
  signingInputFor,
  storeSeal,
  storeSignature,
  storeVersion,
  type FrozenVersion,
  type VersionLedger,
} from '../../../../shared/charter';
import type { BoardSnapshot } from '../../../../shared/board';
import type { Host } from '../../host/Host';
import { LOCAL } from '../board/boardStore';
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

export function freezeNext(doc: Y.Doc, charterId: string, state: CharterViewState, snapshot: BoardSnapshot): FrozenVersion {
  const draft = draftOf(state, snapshot);
  const previous = latestVersion(state.ledger)?.frozen;
  const frozen = freezeCharter({ charterId, content: draft.content, roster: draft.roster, quorum: draft.quorum, frozenAt: new Date(), ...(previous ? { previous } : {}) });
  storeVersion(doc, frozen, LOCAL);
  return frozen;
}

export async function signVersion(host: Host, doc: Y.Doc, version: VersionLedger, participantId: string): Promise<void> {
  const me = version.frozen.charter.roster.find((p) => p.id === participantId);
  if (!me) throw new Error('You are not on the roster of this version, so your signature would not count.');
  const identity = await host.identity.get();
  if (identity.publicKey !== me.publicKey) throw new Error('This version lists a different key for you than this device has; ask the facilitator to freeze a new version.');
  const input = signingInputFor(version.bundle, nowIso());
  const signature = await host.identity.signCharter(input);
  storeSignature(doc, version.frozen.digest, makeSignature(me, input, signature), LOCAL);
}

export async function sealVersion(host: Host, doc: Y.Doc, version: VersionLedger, participantId: string): Promise<void> {
  const me = version.frozen.charter.roster.find((p) => p.id === participantId && p.side === 'facilitator');
  if (!me) throw new Error('Only a facilitator on this version’s roster can seal it.');
  const input = sealInputFor(version.bundle, nowIso());
  const signature = await host.identity.signSeal(input);
  storeSeal(doc, version.frozen.digest, makeSeal(me, input, signature), LOCAL);
}

export function markChecked(doc: Y.Doc, participantId: string, publicKey: string | null, by: string): void {
  setKeyCheck(doc, participantId, publicKey ? { publicKey, by, at: Date.now() } : null, LOCAL);
}
