// Whether enough of the right people signed. The rule is frozen with the content, so no one
// can lower the bar after the signatures are in.
import type { CharterFacilitator, Participant, QuorumRule } from './charterSchema';
import type { QuorumNeed } from './charterWords';

/**
 * The keys whose signature and seal count as the facilitator's: the facilitator's and those of
 * co-facilitators with the right 'charter'. Null for older versions (by roster side).
 */
export function facilitatorKeys(facilitator: CharterFacilitator | undefined): ReadonlySet<string> | null {
  if (!facilitator) return null;
  return new Set([facilitator.publicKey, ...facilitator.coFacilitators.filter((c) => c.rights.includes('charter')).map((c) => c.publicKey)]);
}

export interface QuorumResult {
  readonly met: boolean;
  /** What is still needed, in English words for the CLI. */
  readonly missing: readonly string[];
  /** The same as data, for words in the reader's language (the app). */
  readonly needs: readonly QuorumNeed[];
}

/**
 * `signerIds`: participants with a valid signature on this version, each counted once.
 * `facilitator`: the version's facilitator block; without one (older versions), a signer whose
 * roster side is 'facilitator' counts as the facilitator.
 */
export function evaluateQuorum(rule: QuorumRule, roster: readonly Participant[], signerIds: ReadonlySet<string>, facilitator?: CharterFacilitator): QuorumResult {
  const needs = quorumNeeds(rule, roster, signerIds, facilitator);
  const missing = needs.map((need) => {
    if (need.kind === 'side') return `${need.count} more ${need.side} signer${need.count > 1 ? 's' : ''}`;
    if (need.kind === 'facilitator') return 'the facilitator';
    return need.name !== null ? `${need.name} (required signer)` : `required signer ${need.id} (not on the roster)`;
  });
  return { met: missing.length === 0, missing, needs };
}

/** What the quorum still needs, as data, for words in any language (evaluateQuorum words it in English). */
export function quorumNeeds(rule: QuorumRule, roster: readonly Participant[], signerIds: ReadonlySet<string>, facilitator?: CharterFacilitator): QuorumNeed[] {
  const signed = roster.filter((p) => signerIds.has(p.id));
  const count = (side: string) => signed.filter((p) => p.side === side).length;
  const needs: QuorumNeed[] = [];
  const it = rule.minIT - count('IT');
  const ot = rule.minOT - count('OT');
  if (it > 0) needs.push({ kind: 'side', side: 'IT', count: it });
  if (ot > 0) needs.push({ kind: 'side', side: 'OT', count: ot });
  const keys = facilitatorKeys(facilitator);
  const facilitatorSigned = keys ? signed.some((p) => keys.has(p.publicKey)) : count('facilitator') > 0;
  if (rule.facilitator && !facilitatorSigned) needs.push({ kind: 'facilitator' });
  for (const id of rule.requiredSigners) {
    if (signerIds.has(id)) continue;
    needs.push({ kind: 'signer', id, name: roster.find((p) => p.id === id)?.name ?? null });
  }
  return needs;
}
