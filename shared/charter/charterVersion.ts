// Freezing: a version is the content, roster and quorum rule at one moment, as canonical JSON
// and its SHA-256 digest. A frozen version never changes; a new freeze makes version N+1 and
// links back to the previous digest, so the history is a chain.
import { canonicalDigest, canonicalJson } from './canonicalJson';
import {
  belowFloor,
  FROZEN_FORMAT,
  frozenCharterSchema,
  type CharterFacilitator,
  type CharterContent,
  type FrozenCharter,
  type Participant,
  type QuorumRule,
} from './charterSchema';
import type { DocumentLanguage } from './charterWords';

export interface FreezeInput {
  readonly charterId: string;
  readonly content: CharterContent;
  readonly roster: readonly Participant[];
  readonly quorum: QuorumRule;
  /** Injected so a freeze is reproducible in tests; the UI passes `new Date()`. */
  readonly frozenAt: Date;
  /** The version this one replaces, if any. */
  readonly previous?: FrozenVersion;
  /** Who facilitates, by key (schema 3 and later). */
  readonly facilitator?: CharterFacilitator;
  /** The document language the facilitator chose; every freeze by the app names one. */
  readonly language?: DocumentLanguage;
}

/** Why a quorum rule cannot be frozen as it is, or null: a rule below the floor needs its reason. */
export function quorumProblem(rule: QuorumRule): string | null {
  const below = belowFloor(rule);
  if (below.length > 0 && !rule.reducedReason?.trim()) return `The quorum is below the default (${below.join('; ')}): write down why, and every verifier will show it as a reduced quorum.`;
  return null;
}

export interface FrozenVersion {
  readonly charter: FrozenCharter;
  /** Exactly the bytes the digest is over (UTF-8). */
  readonly canonical: string;
  readonly digest: string;
}

/** The digest signers sign over: SHA-256 of the RFC 8785 form of the whole frozen object. */
export const charterDigest = (charter: FrozenCharter): string => canonicalDigest(charter);

export function freezeCharter(input: FreezeInput): FrozenVersion {
  const candidate: FrozenCharter = {
    format: FROZEN_FORMAT,
    charterId: input.charterId,
    version: input.previous ? input.previous.charter.version + 1 : 1,
    // Whole seconds: ISO strings with milliseconds read badly on paper and add nothing.
    frozenAt: new Date(Math.floor(input.frozenAt.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    ...(input.previous ? { previousDigest: input.previous.digest } : {}),
    // A reason only for a reduction: at or above the floor there is nothing to explain.
    quorum: belowFloor(input.quorum).length > 0 ? input.quorum : (({ reducedReason: _r, ...rule }) => rule)(input.quorum),
    content: input.content,
    roster: [...input.roster],
    ...(input.facilitator ? { facilitator: input.facilitator } : {}),
    ...(input.language ? { language: input.language } : {}),
  };
  const problem = quorumProblem(input.quorum);
  if (problem) throw new Error(problem);
  if (input.previous && input.previous.charter.charterId !== input.charterId) throw new Error('a new version must keep the charter id');
  // Parsing here means a frozen version is always one a verifier will accept.
  const charter = frozenCharterSchema.parse(candidate);
  return { charter, canonical: canonicalJson(charter), digest: charterDigest(charter) };
}
