// The minutes as Markdown (CommonMark): a heading per section, a sub-heading per card, its fields
// and votes as a list. Everything people typed is escaped, so a card titled "# Done" or holding
// "<script>" reads as typed wherever the file is rendered, and never as markup or HTML.
import { buildMinutes, type Minutes, type MinutesCard, type MinutesInput } from './minutesModel';
import type { MinutesWords } from './minutesWords';

/**
 * Text as literal Markdown on one line: line breaks as spaces, and escaped wherever it could be
 * markup (emphasis, code, links, HTML, tables, strikethrough, entities; a heading, list or rule
 * at the start). Other punctuation stays as typed, so the file also reads well as plain text.
 */
export function mdInline(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Multi-line text inside a list item: each line escaped, later lines indented into the item. */
function mdBlock(text: string, indent: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => mdInline(line.trim()))
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join(`  \n${indent}`);
}

function cardLines(card: MinutesCard, section: Minutes['sections'][number]['id'], words: MinutesWords): string[] {
  const lines = [`### ${card.number}. ${mdInline(card.title)}`, ''];
  const status = `${mdInline(words.status)}: ${mdInline(words.statusLabel(card.status))}`;
  if (card.author === null || card.side === null) lines.push(`- ${status} · ${mdInline(words.author)}: *${mdInline(words.anonymous)}*`);
  else lines.push(`- ${status} · ${mdInline(words.side)}: ${mdInline(words.sideLabel(card.side))} · ${mdInline(words.author)}: ${mdInline(card.author)}`);
  for (const field of card.fields) {
    lines.push(`- ${mdInline(words.fieldLabel(section, field.key))}: ${mdBlock(words.fieldValue(section, field.key, field.value), '  ')}`);
  }
  for (const vote of card.votes) lines.push(`- ${mdInline(words.vote(vote))}`);
  if (card.legacyDots > 0) lines.push(`- ${mdInline(words.legacyDots(card.legacyDots))}`);
  lines.push('');
  return lines;
}

export function renderMinutesMarkdown(input: MinutesInput, words: MinutesWords): string {
  const minutes = buildMinutes(input);
  const out: string[] = [`# ${mdInline(words.title(minutes.title))}`, ''];
  if (minutes.facilitator) out.push(`- ${mdInline(words.facilitator)}: ${mdInline(minutes.facilitator)}`);
  if (minutes.createdAt > 0) out.push(`- ${mdInline(words.created)}: ${mdInline(words.date(minutes.createdAt))}`);
  out.push(`- ${mdInline(words.taken)}: ${mdInline(words.date(minutes.takenAt))}`, `- ${mdInline(words.summary(minutes.counts))}`, '');
  if (minutes.participants.length > 0) {
    out.push(`## ${mdInline(words.participants)}`, '');
    for (const p of minutes.participants) out.push(`- ${mdInline(p.name)} (${mdInline([words.sideLabel(p.side), p.role].filter(Boolean).join(', '))})`);
    out.push('');
  }
  if (minutes.rounds.length > 0) {
    out.push(`## ${mdInline(words.votes)}`, '');
    for (const round of minutes.rounds) out.push(`- ${mdInline(words.round(round))}`);
    out.push('');
  }
  minutes.sections.forEach((section, i) => {
    out.push(`## ${i + 1}. ${mdInline(words.sectionTitle(section.id))}`, '');
    if (section.cards.length === 0) out.push(`*${mdInline(words.noCards)}*`, '');
    for (const card of section.cards) out.push(...cardLines(card, section.id, words));
  });
  return `${out.join('\n').trimEnd()}\n`;
}
