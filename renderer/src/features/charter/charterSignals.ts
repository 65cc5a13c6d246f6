// What a participant should hear about the charter wherever they are in the app: a version the
// facilitator froze that awaits their signature, a version whose quorum is now met, and one the
// facilitator has sealed. The charter button carries the first as a badge; the service
// announces each as it happens (not what was already so when the workshop opened).
import { t } from '../../core/i18n';
import { notifyInfo } from '../../core/notices';
import { standingOf, type CharterViewState } from './charterStore';

export interface CharterSignals {
  /** Versions (by number) I am on the roster of and have not signed. */
  readonly awaitingMe: readonly number[];
  /** Digests of versions whose quorum is met. */
  readonly quorumMet: ReadonlySet<string>;
  /** Digests of versions with a valid seal. */
  readonly sealed: ReadonlySet<string>;
}

export function charterSignals(state: CharterViewState, me: string): CharterSignals {
  const awaitingMe: number[] = [];
  const quorumMet = new Set<string>();
  const sealed = new Set<string>();
  for (const v of state.ledger.versions) {
    if (standingOf(v, state.authority) !== 'facilitator') continue;
    const onRoster = v.frozen.charter.roster.some((p) => p.id === me);
    if (onRoster && !v.bundle.signatures.some((s) => s.signerId === me)) awaitingMe.push(v.frozen.charter.version);
    if (v.verdict.quorum.met) quorumMet.add(v.frozen.digest);
    if (v.seal === 'valid') sealed.add(v.frozen.digest);
  }
  return { awaitingMe, quorumMet, sealed };
}

/** Tells the user what changed between two readings of the charter. */
export function announceChanges(before: CharterSignals, after: CharterSignals, state: CharterViewState): void {
  const number = (digest: string) => state.ledger.versions.find((v) => v.frozen.digest === digest)?.frozen.charter.version ?? 0;
  for (const n of after.awaitingMe) if (!before.awaitingMe.includes(n)) notifyInfo(t('charter.notice.awaiting', { version: n }));
  for (const d of after.quorumMet) if (!before.quorumMet.has(d)) notifyInfo(t('charter.notice.quorumMet', { version: number(d) }));
  for (const d of after.sealed) if (!before.sealed.has(d)) notifyInfo(t('charter.notice.sealed', { version: number(d) }));
}
