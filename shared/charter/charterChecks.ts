// What would make a weak charter (issue 5, item 2). The draft view shows these before the
// facilitator freezes; they are advice, not a gate, because a room may knowingly accept a gap.
import type { CharterContent, CharterItem, Participant, QuorumRule } from './charterSchema';

export type FindingCode =
  | 'accountable-count'
  | 'responders-one-side'
  | 'response-time-missing'
  | 'goal-owner-missing'
  | 'goal-metric-missing'
  | 'tradeoff-view-missing'
  | 'tradeoff-resolution-missing'
  | 'risk-owner-missing'
  | 'no-it-participant'
  | 'no-ot-participant'
  | 'no-facilitator'
  | 'duplicate-key'
  | 'not-checked-in-person'
  | 'quorum-unreachable'
  | 'nothing-agreed'
  | 'purpose-missing'
  | 'review-date-missing';

export interface CharterFinding {
  readonly code: FindingCode;
  /** In English, for the CLI and logs; the app words a finding from its code and the data below. */
  readonly message: string;
  /** The card to fix, when the finding is about one card. */
  readonly cardId?: string;
  /** The participant it is about ('duplicate-key', 'not-checked-in-person'). */
  readonly name?: string;
  /** What the quorum needs and the roster cannot give ('quorum-unreachable'). */
  readonly unreachable?: UnreachableQuorum;
}

/** Why a quorum can never be met: the side counts it needs, a facilitator, or required signers absent from the roster. */
export interface UnreachableQuorum {
  readonly it: number | null;
  readonly ot: number | null;
  readonly facilitator: boolean;
  readonly signers: readonly string[];
}

/**
 * What separates names in a RACI cell, in every language the app speaks: punctuation (, ; / & and
 * their full-width and Chinese forms, the enumeration comma 、), "and" between spaces (and, und,
 * sowie, et, oraz; y, e, i in lower case, since a capital letter there is an initial), and the
 * Chinese 和, 与, 及 (which need no spaces). A name that itself holds one of these (rare: 和 in a
 * given name) reads as two; the check is advice, not a gate.
 */
const anyCase = (word: string): string => [...word].map((c) => `[${c}${c.toUpperCase()}]`).join('');
const NAME_SEPARATORS = new RegExp(`[,;/&、，；／＆]|\\s+(?:${['and', 'und', 'sowie', 'et', 'oraz'].map(anyCase).join('|')})\\s+|\\s+[yei]\\s+|[和与及]`, 'u');

/** Splits a RACI cell into names: "Ana, Bo and Cy", "Ana und Bo", "王小明和李华", "Ana y Bo" are several names. */
export function splitNames(cell: string): string[] {
  return cell
    .split(NAME_SEPARATORS)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

const blank = (value: string | undefined): boolean => (value ?? '').trim() === '';
const itemsOf = (content: CharterContent, id: string): readonly CharterItem[] => content.sections.find((s) => s.id === id)?.items ?? [];
const named = (item: CharterItem): string => (item.title.trim() ? `"${item.title.trim()}"` : `card ${item.cardId}`);

function cardFindings(content: CharterContent): CharterFinding[] {
  const out: CharterFinding[] = [];
  const add = (code: FindingCode, item: CharterItem, message: string) => out.push({ code, cardId: item.cardId, message });
  for (const item of itemsOf(content, 'accountability')) {
    const accountable = splitNames(item.fields.accountable ?? '');
    if (accountable.length !== 1) {
      add('accountable-count', item, `Scenario ${named(item)} has ${accountable.length === 0 ? 'no' : accountable.length} Accountable; it needs exactly one.`);
    }
    if (blank(item.fields.itResponders) || blank(item.fields.otResponders)) {
      add('responders-one-side', item, `Scenario ${named(item)} needs responders from both IT and OT.`);
    }
    if (blank(item.fields.responseTime)) add('response-time-missing', item, `Scenario ${named(item)} has no response time.`);
  }
  for (const item of itemsOf(content, 'goals')) {
    const missing = [blank(item.fields.itOwner) ? 'IT' : '', blank(item.fields.otOwner) ? 'OT' : ''].filter(Boolean);
    if (missing.length) add('goal-owner-missing', item, `Goal ${named(item)} has no ${missing.join(' or ')} owner.`);
    if (blank(item.fields.metric) || blank(item.fields.target)) add('goal-metric-missing', item, `Goal ${named(item)} needs a metric and a target.`);
  }
  for (const item of itemsOf(content, 'tradeoffs')) {
    const missing = [blank(item.fields.itView) ? 'IT' : '', blank(item.fields.otView) ? 'OT' : ''].filter(Boolean);
    if (missing.length) add('tradeoff-view-missing', item, `Trade-off ${named(item)} is missing the ${missing.join(' and ')} view.`);
    if (blank(item.fields.resolution)) add('tradeoff-resolution-missing', item, `Trade-off ${named(item)} has no agreed resolution.`);
  }
  for (const item of itemsOf(content, 'risks')) {
    if (blank(item.fields.itOwner) || blank(item.fields.otOwner)) add('risk-owner-missing', item, `Risk ${named(item)} needs an owner on each side.`);
  }
  return out;
}

function rosterFindings(roster: readonly Participant[], quorum: QuorumRule, facilitatorKey: string | null): CharterFinding[] {
  // The facilitator by key when the workshop has one, else (older workshops) by roster side.
  const facilitatorOnRoster = facilitatorKey ? roster.some((p) => p.publicKey === facilitatorKey) : roster.some((p) => p.side === 'facilitator');
  const out: CharterFinding[] = [];
  const count = (side: string) => roster.filter((p) => p.side === side).length;
  if (count('IT') === 0) out.push({ code: 'no-it-participant', message: 'No IT participant is on the roster.' });
  if (count('OT') === 0) out.push({ code: 'no-ot-participant', message: 'No OT participant is on the roster.' });
  if (count('facilitator') === 0) out.push({ code: 'no-facilitator', message: 'No facilitator is on the roster.' });
  const keys = new Set<string>();
  for (const p of roster) {
    if (keys.has(p.publicKey)) out.push({ code: 'duplicate-key', name: p.name, message: `${p.name} shares a public key with another participant.` });
    keys.add(p.publicKey);
    // An unchecked key could be anyone's who joined the room with the secret.
    if (!p.checkedInPerson) out.push({ code: 'not-checked-in-person', name: p.name, message: `${p.name}'s key fingerprint has not been compared in person yet.` });
  }
  const unreachable: string[] = [];
  const needs: UnreachableQuorum = {
    it: count('IT') < quorum.minIT ? quorum.minIT : null,
    ot: count('OT') < quorum.minOT ? quorum.minOT : null,
    facilitator: (quorum.facilitator || quorum.requireSeal) && !facilitatorOnRoster,
    signers: quorum.requiredSigners.filter((id) => !roster.some((p) => p.id === id)),
  };
  if (needs.it !== null) unreachable.push(`${quorum.minIT} IT signer(s)`);
  if (needs.ot !== null) unreachable.push(`${quorum.minOT} OT signer(s)`);
  if (needs.facilitator) unreachable.push('a facilitator to sign and seal');
  for (const id of needs.signers) unreachable.push(`required signer ${id}, who is not on the roster`);
  if (unreachable.length) out.push({ code: 'quorum-unreachable', unreachable: needs, message: `The quorum can never be met: it needs ${unreachable.join(', ')}.` });
  return out;
}

export function checkCharter(content: CharterContent, roster: readonly Participant[], quorum: QuorumRule, facilitatorKey: string | null = null): CharterFinding[] {
  const out: CharterFinding[] = [];
  if (content.sections.every((s) => s.items.length === 0)) out.push({ code: 'nothing-agreed', message: 'No card is agreed yet, so the charter is empty.' });
  if (blank(content.purpose)) out.push({ code: 'purpose-missing', message: 'The charter has no purpose.' });
  if (blank(content.reviewDate)) out.push({ code: 'review-date-missing', message: 'The charter has no review date.' });
  return [...out, ...cardFindings(content), ...rosterFindings(roster, quorum, facilitatorKey)];
}
