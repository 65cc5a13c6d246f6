// Whether enough of the right people signed. The rule is frozen with the content, so no one
// can lower the bar after the signatures are in.
import type { CharterFacilitator, Participant, QuorumRule } from './charterSchema';

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
  /** What is still needed, in words for the UI and the CLI. */
  readonly missing: readonly string[];
}

/**
 * `signerIds`: participants with a valid signature on this version, each counted once.
 * `facilitator`: the version's facilitator block; without one (older versions), a signer whose
 * roster side is 'facilitator' counts as the facilitator.
 */
export function evaluateQuorum(rule: QuorumRule, roster: readonly Participant[], signerIds: ReadonlySet<string>, facilitator?: CharterFacilitator): QuorumResult {
  const signed = roster.filter((p) => signerIds.has(p.id));
  const count = (side: string) => signed.filter((p) => p.side === side).length;
  const missing: string[] = [];
  const it = rule.minIT - count('IT');
  const ot = rule.minOT - count('OT');
  if (it > 0) missing.push(`${it} more IT signer${it > 1 ? 's' : ''}`);
  if (ot > 0) missing.push(`${ot} more OT signer${ot > 1 ? 's' : ''}`);
  const keys = facilitatorKeys(facilitator);
  const facilitatorSigned = keys ? signed.some((p) => keys.has(p.publicKey)) : count('facilitator') > 0;
  if (rule.facilitator && !facilitatorSigned) missing.push('the facilitator');
  for (const id of rule.requiredSigners) {
    if (signerIds.has(id)) continue;
    const who = roster.find((p) => p.id === id);
    missing.push(who ? `${who.name} (required signer)` : `required signer ${id} (not on the roster)`);
  }
  return { met: missing.length === 0, missing };
}
