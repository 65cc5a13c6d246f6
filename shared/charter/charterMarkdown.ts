// Markdown export of a charter bundle: the readable charter, the signatures with their status,
// and the bundle itself in a fenced block at the end, so the file verifies offline like the PDF
// (the verifier re-renders the Markdown from that block and compares the text). Like the PDF, the
// bundle's format decides the words: format 1 in English as it always was (kept exactly, since old
// exports are re-rendered and compared), format 2 in the version's document language.
import { canonicalJson } from './canonicalJson';
import type { CharterBundle } from './bundleSchema';
import { verifyBundle, type BundleVerdict } from './bundle';
import { facilitatorLine, reducedQuorumLine, sealLine } from './charterLines';
import { floorGaps } from './charterSchema';
import { charterWords, choiceWord } from './charterWords';
import { quorumNeeds } from './quorum';

export const MARKDOWN_BUNDLE_FENCE = '```json bridgeboard-charter-bundle';

/** User text cannot inject emphasis, links, HTML, tables, headings or lists. */
const esc = (text: string): string =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/^(\s*)([#+\-=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2'))
    .join('  \n');

const SIDE: Record<string, string> = { IT: 'IT', OT: 'OT', facilitator: 'Facilitator' };

/** `verdict`, when given, must be verifyBundle(bundle) (saves verifying twice). */
export function renderCharterMarkdown(bundle: CharterBundle, verdict: BundleVerdict = verifyBundle(bundle)): string {
  return bundle.formatVersion === 1 ? renderFormat1(bundle, verdict) : renderFormat2(bundle, verdict);
}

function renderFormat1(bundle: CharterBundle, verdict: BundleVerdict): string {
  const { charter } = bundle;
  const { content } = charter;
  const out: string[] = [
    `# ${esc(content.title || 'Charter')}`,
    '',
    `Joint IT/OT charter, version ${charter.version}, frozen ${esc(charter.frozenAt)}  `,
    `Charter id: \`${charter.charterId.replace(/`/g, "'")}\`  `,
    `SHA-256 digest: \`${verdict.digest}\``,
    ...(charter.previousDigest ? ['', `Replaces the version with digest \`${charter.previousDigest}\``] : []),
    ...(reducedQuorumLine(charter) ? ['', `**${esc(reducedQuorumLine(charter) ?? '')}**`] : []),
    ...(facilitatorLine(charter) ? ['', esc(facilitatorLine(charter) ?? '')] : []),
    '',
    '## Purpose',
    '',
    esc(content.purpose || '(none)'),
    '',
    '## Scope',
    '',
    esc(content.scope || '(none)'),
    '',
    `Review date: ${esc(content.reviewDate || '(none)')}`,
    '',
    '## Participants',
    '',
  ];
  for (const p of charter.roster) {
    out.push(`- **${esc(p.name)}**, ${SIDE[p.side] ?? p.side}${p.role ? `, ${esc(p.role)}` : ''}: key \`${p.fingerprint}\`${p.checkedInPerson ? ' (checked in person)' : ''}`);
  }
  for (const section of content.sections) {
    if (section.items.length === 0) continue;
    out.push('', `## ${esc(section.title)}`);
    for (const item of section.items) {
      out.push('', `### ${esc(item.title || '(untitled)')}`, '');
      for (const f of section.fields) {
        const value = item.fields[f.key] ?? '';
        if (value.trim()) out.push(`- ${esc(f.label)}: ${esc(value)}`);
      }
    }
  }
  if (content.references.length) {
    out.push('', '## Standard references covered', '', ...content.references.map((r) => `- ${esc(r.reference)}`));
  }
  out.push('', '## Signatures', '');
  if (verdict.signers.length === 0) out.push('No signatures yet.');
  for (const s of verdict.signers) {
    out.push(`- **${esc(s.name)}** (${s.side ? SIDE[s.side] : 'not on the roster'}${s.role ? `, ${esc(s.role)}` : ''}), signed ${esc(s.signedAt)}: ${s.status}  `, `  key \`${s.fingerprint}\``);
  }
  out.push('', verdict.quorum.met ? 'Quorum: met.' : `Quorum: not met, missing ${esc(verdict.quorum.missing.join(', '))}.`, '', esc(sealLine(verdict)));
  out.push('', '<!-- The signed bundle. Check this file offline with: bridgeboard verify FILE -->', MARKDOWN_BUNDLE_FENCE, canonicalJson(bundle), '```', '');
  return out.join('\n');
}

function renderFormat2(bundle: CharterBundle, verdict: BundleVerdict): string {
  const { charter } = bundle;
  const { content } = charter;
  const words = charterWords(charter.language ?? 'en');
  const gaps = floorGaps(charter.quorum);
  const f = charter.facilitator;
  const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
  const out: string[] = [
    `# ${esc(content.title || words.untitledCharter)}`,
    '',
    `${esc(words.kind(charter.version, charter.frozenAt))}  `,
    `${words.labelled(esc(words.charterId), code(charter.charterId))}  `,
    words.labelled(esc(words.digest), code(verdict.digest)),
    ...(charter.previousDigest ? ['', words.labelled(esc(words.replaces), code(charter.previousDigest))] : []),
    ...(gaps.length ? ['', `**${esc(words.reducedQuorum(gaps, charter.quorum.reducedReason ?? null))}**`] : []),
    ...(f ? ['', esc(words.facilitator({ name: f.name, fingerprint: f.fingerprint, established: f.established, coFacilitators: f.coFacilitators }))] : []),
    '',
    `## ${esc(words.headings.purpose)}`,
    '',
    esc(content.purpose || words.none),
    '',
    `## ${esc(words.headings.scope)}`,
    '',
    esc(content.scope || words.none),
    '',
    esc(words.labelled(words.headings.reviewDate, content.reviewDate || words.none)),
    '',
    `## ${esc(words.headings.participants)}`,
    '',
  ];
  for (const p of charter.roster) {
    const who = `**${esc(p.name)}**, ${esc(words.sides[p.side])}${p.role ? `, ${esc(p.role)}` : ''}`;
    out.push(`- ${who} – ${words.labelled(esc(words.keyFingerprint), code(p.fingerprint))}${p.checkedInPerson ? ` (${esc(words.checkedInPerson)})` : ''}`);
  }
  const q = charter.quorum;
  const signers = q.requiredSigners.map((id) => charter.roster.find((p) => p.id === id)?.name ?? id);
  out.push('', esc(words.quorumRule({ minIT: q.minIT, minOT: q.minOT, facilitator: q.facilitator, signers, seal: q.requireSeal })));
  for (const section of content.sections) {
    if (section.items.length === 0) continue;
    out.push('', `## ${esc(section.title)}`);
    for (const item of section.items) {
      out.push('', `### ${esc(item.title || words.untitled)}`, '');
      for (const field of section.fields) {
        const value = item.fields[field.key] ?? '';
        if (value.trim()) out.push(`- ${words.labelled(esc(field.label), esc(field.key === 'category' ? choiceWord(words, value) : value))}`);
      }
    }
  }
  if (content.references.length) {
    out.push('', `## ${esc(words.headings.references)}`, '', ...content.references.map((r) => `- ${esc(r.reference)}`));
  }
  out.push('', `## ${esc(words.headings.signatures)}`, '');
  if (verdict.signers.length === 0) out.push(esc(words.noSignatures));
  for (const s of verdict.signers) {
    const who = `**${esc(s.name)}** (${esc(s.side ? words.sides[s.side] : words.notOnRoster)}${s.role ? `, ${esc(s.role)}` : ''})`;
    out.push(`- ${words.labelled(`${who}, ${esc(words.summary.signedAt(s.signedAt))}`, esc(words.statuses[s.status]))}  `, `  ${words.labelled(esc(words.keyFingerprint), code(s.fingerprint))}`);
  }
  const valid = new Set(verdict.signers.filter((s) => s.status === 'valid').map((s) => s.signerId));
  const quorum = verdict.quorum.met ? words.quorumMet : words.quorumNotMet(quorumNeeds(charter.quorum, charter.roster, valid, charter.facilitator));
  const { seal } = verdict;
  const sealed =
    seal.status === 'valid' ? words.seal.valid(seal.sealedBy ?? '', seal.signedAt ?? '') : seal.status === 'missing' ? (seal.required ? words.seal.missingRequired : words.seal.missingOptional) : words.seal.invalid(seal.status);
  out.push('', esc(quorum), '', esc(sealed));
  out.push('', '<!-- The signed bundle. Check this file offline with: bridgeboard verify FILE -->', MARKDOWN_BUNDLE_FENCE, canonicalJson(bundle), '```', '');
  return out.join('\n');
}

/** The bundle JSON text from a Markdown export, or null. */
export function bundleTextFromMarkdown(markdown: string): string | null {
  const start = markdown.lastIndexOf(`\n${MARKDOWN_BUNDLE_FENCE}\n`);
  if (start < 0) return null;
  const body = markdown.slice(start + MARKDOWN_BUNDLE_FENCE.length + 2);
  const end = body.indexOf('\n```');
  return end < 0 ? null : body.slice(0, end);
}
