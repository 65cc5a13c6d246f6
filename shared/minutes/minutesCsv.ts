// The minutes as CSV (RFC 4180), one row per card, for a spreadsheet: section, position, title,
// status, side, author, the dots of each revealed vote, then one column per field any section
// has (a field two sections share, such as the IT owner, shares its column). UTF-8 with a byte
// order mark and CRLF line ends, which Excel needs to read non-Latin text and line breaks in
// cells. A cell that starts like a formula (=, +, -, @, tab, CR) gets a leading apostrophe so
// a spreadsheet shows it as text instead of running it (OWASP, CSV injection).
import { SECTIONS, type SectionId } from '../board';
import { buildMinutes, type MinutesInput } from './minutesModel';
import type { MinutesWords } from './minutesWords';

export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every field key after the titles, in section order, each once, with the section it is first labelled in. */
function fieldColumns(): { key: string; section: SectionId }[] {
  const seen = new Set<string>();
  const columns: { key: string; section: SectionId }[] = [];
  for (const section of SECTIONS) {
    for (const field of section.fields) {
      if (field.key === 'title' || seen.has(field.key)) continue;
      seen.add(field.key);
      columns.push({ key: field.key, section: section.id });
    }
  }
  return columns;
}

export function renderMinutesCsv(input: MinutesInput, words: MinutesWords): string {
  const minutes = buildMinutes(input);
  const fields = fieldColumns();
  const rounds = minutes.rounds.map((r) => r.number);
  const legacy = minutes.sections.some((s) => s.cards.some((c) => c.legacyDots > 0));
  const header = [
    words.csv.section,
    words.csv.number,
    words.csv.title,
    words.status,
    words.side,
    words.author,
    ...rounds.flatMap((n) => [words.csv.roundTotal(n), words.csv.roundSide(n, 'IT'), words.csv.roundSide(n, 'OT')]),
    ...(legacy ? [words.csv.legacyDots] : []),
    ...fields.map((f) => words.fieldLabel(f.section, f.key)),
  ];
  const rows: (string | number)[][] = [header];
  for (const section of minutes.sections) {
    for (const card of section.cards) {
      const byRound = new Map(card.votes.map((v) => [v.round, v]));
      const values = new Map(card.fields.map((f) => [f.key, words.fieldValue(section.id, f.key, f.value)]));
      rows.push([
        words.sectionTitle(section.id),
        card.number,
        card.title,
        words.statusLabel(card.status),
        card.side === null ? '' : words.sideLabel(card.side),
        card.author ?? words.anonymous,
        ...rounds.flatMap((n) => {
          const v = byRound.get(n);
          return [v?.total ?? 0, v?.it ?? 0, v?.ot ?? 0];
        }),
        ...(legacy ? [card.legacyDots] : []),
        ...fields.map((f) => values.get(f.key) ?? ''),
      ]);
    }
  }
  return `\ufeff${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
