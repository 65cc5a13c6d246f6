// The verdict's key lines in English, as the CLI, the app and layout 1 of the PDF print them (and
// as format-1 Markdown does). Layout 1 re-renders old exports byte for byte, so these words stay as
// they are; a charter's own document language is charterWords.ts.
import type { BundleVerdict } from './bundle';
import { belowFloor, type FrozenCharter } from './charterSchema';

/** "REDUCED QUORUM: …" when the version's rule is below the floor; null when it is not. */
export function reducedQuorumLine(charter: FrozenCharter): string | null {
  const below = belowFloor(charter.quorum);
  if (below.length === 0) return null;
  return `REDUCED QUORUM (${below.join('; ')}): ${charter.quorum.reducedReason ?? 'no reason given'}`;
}

/** Who facilitates, by key, for versions that say so. */
export function facilitatorLine(charter: FrozenCharter): string | null {
  const f = charter.facilitator;
  if (!f) return null;
  const how = f.established === 'workshop' ? 'the key fixed when the workshop was created' : 'the workshop was handed over to this key';
  const cos = f.coFacilitators.map((c) => `${c.name} (key ${c.fingerprint}, until ${c.expiresAt})`);
  return `Facilitator: ${f.name}, key ${f.fingerprint} (${how}).${cos.length ? ` Co-facilitators: ${cos.join('; ')}.` : ''}`;
}

export function sealLine(verdict: BundleVerdict): string {
  const { seal } = verdict;
  if (seal.status === 'valid') return `Sealed by ${seal.sealedBy ?? ''} at ${seal.signedAt ?? ''}: the set of signatures is final.`;
  if (seal.status === 'missing') return seal.required ? 'Not sealed yet: a facilitator has not sealed the final set of signatures.' : 'Not sealed (not required by this charter).';
  return `Seal INVALID (${seal.status}).`;
}
