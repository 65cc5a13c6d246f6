// Markdown export of a charter bundle: the readable charter, the signatures with their status,
// and the bundle itself in a fenced block at the end, so the file verifies offline like the PDF
// (the verifier re-renders the Markdown from that block and compares the text).
import { canonicalJson } from './canonicalJson';
import type { CharterBundle } from './bundleSchema';
import { verifyBundle, type BundleVerdict } from './bundle';
import { facilitatorLine, reducedQuorumLine, sealLine } from './charterLines';

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

/** The bundle JSON text from a Markdown export, or null. */
export function bundleTextFromMarkdown(markdown: string): string | null {
  const start = markdown.lastIndexOf(`\n${MARKDOWN_BUNDLE_FENCE}\n`);
  if (start < 0) return null;
  const body = markdown.slice(start + MARKDOWN_BUNDLE_FENCE.length + 2);
  const end = body.indexOf('\n```');
  return end < 0 ? null : body.slice(0, end);
}
