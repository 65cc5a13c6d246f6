// Whether enough of the right people signed. The rule is frozen with the content, so no one
// can lower the bar after the signatures are in.
import type { Participant, QuorumRule } from './charterSchema';

export interface QuorumResult {
  readonly met: boolean;
  /** What is still needed, in words for the UI and the CLI. */
  readonly missing: readonly string[];
}

/** `signerIds`: participants with a valid signature on this version, each counted once. */
export function evaluateQuorum(rule: QuorumRule, roster: readonly Participant[], signerIds: ReadonlySet<string>): QuorumResult {
  const signed = roster.filter((p) => signerIds.has(p.id));
  const count = (side: string) => signed.filter((p) => p.side === side).length;
  const missing: string[] = [];
  const it = rule.minIT - count('IT');
  const ot = rule.minOT - count('OT');
  if (it > 0) missing.push(`${it} more IT signer${it > 1 ? 's' : ''}`);
  if (ot > 0) missing.push(`${ot} more OT signer${ot > 1 ? 's' : ''}`);
  if (rule.facilitator && count('facilitator') === 0) missing.push('the facilitator');
  for (const id of rule.requiredSigners) {
    if (signerIds.has(id)) continue;
    const who = roster.find((p) => p.id === id);
    missing.push(who ? `${who.name} (required signer)` : `required signer ${id} (not on the roster)`);
  }
  return { met: missing.length === 0, missing };
}
