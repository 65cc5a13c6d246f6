// Per-part digests of a frozen charter. They are not what anyone signs (the one digest is);
// they let a verifier say *which* part changed ("the Common goals section", "Ana's roster entry")
// instead of only "the digest does not match".
import { canonicalDigest } from './canonicalJson';
import type { FrozenCharter } from './charterSchema';

export function partDigestsOf(charter: FrozenCharter): Record<string, string> {
  const { content, roster } = charter;
  const parts: Record<string, string> = {
    header: canonicalDigest({
      format: charter.format,
      charterId: charter.charterId,
      version: charter.version,
      frozenAt: charter.frozenAt,
      previousDigest: charter.previousDigest ?? null,
    }),
    quorum: canonicalDigest(charter.quorum),
    'content.meta': canonicalDigest({ title: content.title, purpose: content.purpose, scope: content.scope, reviewDate: content.reviewDate }),
    'content.references': canonicalDigest(content.references),
    'content.sectionOrder': canonicalDigest(content.sections.map((s) => s.id)),
    'roster.order': canonicalDigest(roster.map((p) => p.id)),
  };
  if (charter.facilitator) parts.facilitator = canonicalDigest(charter.facilitator);
  if (charter.language !== undefined) parts.language = canonicalDigest(charter.language);
  for (const section of content.sections) parts[`content.section.${section.id}`] = canonicalDigest(section);
  for (const p of roster) parts[`roster.participant.${p.id}`] = canonicalDigest(p);
  return parts;
}

const LABELS: Record<string, string> = {
  header: 'the charter id, version, freeze time or previous-version link',
  quorum: 'the quorum rule',
  facilitator: 'who facilitates (the facilitator and co-facilitators, by key)',
  language: 'the document language',
  'content.meta': 'the title, purpose, scope or review date',
  'content.references': 'the list of standard references',
  'content.sectionOrder': 'the list or order of sections',
  'roster.order': 'the list or order of participants',
};

function describePart(key: string, charter: FrozenCharter): string {
  const label = LABELS[key];
  if (label) return label;
  if (key.startsWith('content.section.')) {
    const id = key.slice('content.section.'.length);
    const title = charter.content.sections.find((s) => s.id === id)?.title ?? id;
    return `the "${title}" section`;
  }
  if (key.startsWith('roster.participant.')) {
    const id = key.slice('roster.participant.'.length);
    const who = charter.roster.find((p) => p.id === id);
    return `the roster entry of ${who ? `${who.name} (${id})` : id} (name, side, role, key or fingerprint)`;
  }
  return key;
}

/** Human descriptions of the parts whose digest differs from `recorded`. */
export function changedParts(charter: FrozenCharter, recorded: Readonly<Record<string, string>>): string[] {
  const now = partDigestsOf(charter);
  const keys = new Set([...Object.keys(now), ...Object.keys(recorded)]);
  return [...keys].filter((k) => now[k] !== recorded[k]).map((k) => describePart(k, charter));
}
