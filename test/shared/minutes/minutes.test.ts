// The workshop's minutes (issue 15): every section (the parking lot too), each card's status,
// side and author (neither when anonymous), owners and other fields, and its dots per revealed vote,
// as Markdown, CSV and a PDF whose text poppler reads back; the same input, the same bytes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMinutes, csvCell, loadMinutesFaces, mdInline, minutesPdfText, renderMinutesCsv, renderMinutesMarkdown, renderMinutesPdf, type MinutesFontFile, type MinutesWords } from '../../../shared/minutes';
import { diskFontLoader, englishWords, facesFromDisk, minutesBoard } from '../../support/minutesFixture';

const dir = mkdtempSync(join(tmpdir(), 'bb-minutes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const run = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', timeout: 30_000 });
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
  return run.stdout;
}

/** A tiny RFC 4180 reader, to check the CSV reads back as the cells written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('the minutes model', () => {
  it('lists every section in board order with its live cards, numbered, and counts them', () => {
    const { input, ids } = minutesBoard();
    const minutes = buildMinutes(input);
    expect(minutes.sections.map((s) => s.id)).toEqual(['goals', 'tradeoffs', 'incentives', 'accountability', 'risks', 'language', 'skills', 'parking']);
    // An anonymous card keeps its author and its side out of the minutes.
    expect(minutes.sections[0]?.cards.map((c) => [c.number, c.title, c.author, c.side])).toEqual([
      [1, 'Fewer unplanned stops', 'Ada Lovelace', 'OT'],
      [2, 'Shared alarm philosophy', null, null],
    ]);
    expect(minutes.sections[7]?.cards.map((c) => c.title)).toEqual(['Who pays for the GPU servers?']);
    expect(minutes.counts).toEqual({ agreed: 1, proposed: 7, parked: 1 });
    const uptime = minutes.sections[0]?.cards[0];
    expect(uptime?.fields.map((f) => f.key)).toEqual(['category', 'metric', 'target', 'itOwner', 'otOwner', 'reference']);
    expect(uptime?.votes).toEqual([{ round: 1, it: 1, ot: 5, facilitator: 0, total: 6, split: true }]);
    expect(minutes.sections.flatMap((s) => s.cards).some((c) => c.id === ids.deleted)).toBe(false);
  });
});

describe('the minutes as Markdown', () => {
  const { input } = minutesBoard();
  const md = renderMinutesMarkdown(input, englishWords);

  it('has every section, every card with its status, side, author, fields and votes', () => {
    expect(md).toMatch(/^# Minutes: Line 4 AI rollout\n/);
    for (const [i, title] of ['Common goals', 'Trade\\-offs', 'Incentives', 'Accountability', 'Risks and safeguards', 'Shared language', 'Skills', 'Parking lot'].entries()) expect(md).toContain(`\n## ${i + 1}. ${title.replace('\\-', '-')}\n`);
    expect(md).toContain('### 1. Fewer unplanned stops\n\n- Status: Agreed · Side: OT · Author: Ada Lovelace\n- category: uptime\n- metric: Unplanned downtime per month');
    expect(md).toContain('- itOwner: Alan Turing\n- otOwner: Ada Lovelace');
    expect(md).toContain('- Round 1: 6 dots (IT 1, OT 5); split: far more from OT');
    expect(md).toContain('### 2. Shared alarm philosophy\n\n- Status: Proposed · Author: *anonymous*\n');
    expect(md).toContain('- accountable: Plant manager');
    expect(md).toContain('## Participants\n\n- Ada Lovelace (OT, Shift lead)\n- Alan Turing (IT)');
    expect(md).toContain('## Votes\n\n- Round 1 (5 dots each): 3 ballots counted (IT 1, OT 1)');
    expect(md).toContain('- Minutes taken: 2026\\-12\\-03 14:30 UTC'.replace(/\\-/g, '-'));
    expect(md).not.toContain('Deleted idea');
  });

  it('keeps what people typed from becoming markup', () => {
    expect(md).toContain('- note: \\# not a heading \\<b\\>nor HTML\\</b\\>');
    expect(md).toContain('- otView: Only in the yearly shutdown  \n  and after a risk review');
    expect(mdInline('# *x* [link](http://e) `c` a|b ~s~ &amp; 1. <i>')).toBe('\\# \\*x\\* \\[link\\](http://e) \\`c\\` a\\|b \\~s\\~ \\&amp; 1. \\<i\\>');
    expect(mdInline('1. first')).toBe('1\\. first');
    expect(mdInline('- item')).toBe('\\- item');
  });
});

describe('the minutes as CSV', () => {
  const { input } = minutesBoard();
  const csv = renderMinutesCsv(input, englishWords);

  it('is one row per card with a column per field, and reads back as written', () => {
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    const header = rows[0] ?? [];
    expect(header.slice(0, 9)).toEqual(['Section', 'No.', 'Title', 'Status', 'Side', 'Author', 'Round 1: dots', 'Round 1: IT', 'Round 1: OT']);
    expect(rows).toHaveLength(1 + 9);
    const at = (row: string[] | undefined, column: string) => row?.[header.indexOf(column)];
    const uptime = rows.find((r) => r[2] === 'Fewer unplanned stops');
    expect([at(uptime, 'Section'), at(uptime, 'No.'), at(uptime, 'Status'), at(uptime, 'Round 1: dots'), at(uptime, 'Round 1: OT'), at(uptime, 'itOwner'), at(uptime, 'otOwner')]).toEqual(['Common goals', '1', 'Agreed', '6', '5', 'Alan Turing', 'Ada Lovelace']);
    const anonymous = rows.find((r) => r[2] === 'Shared alarm philosophy');
    expect([at(anonymous, 'Author'), at(anonymous, 'Side')]).toEqual(['anonymous', '']);
    const tradeoff = rows.find((r) => r[2] === 'Patch cadence vs. maintenance windows');
    expect(at(tradeoff, 'otView')).toBe('Only in the yearly shutdown\nand after a risk review');
    expect(rows.filter((r) => r[0] === 'Parking lot').map((r) => r[2])).toEqual(['Who pays for the GPU servers?']);
  });

  it('never lets a cell run as a spreadsheet formula', () => {
    const rows = parseCsv(csv.slice(1));
    const header = rows[0] ?? [];
    const tradeoff = rows.find((r) => r[2] === 'Patch cadence vs. maintenance windows');
    expect(tradeoff?.[header.indexOf('resolution')]).toBe('\'=cmd|"/c calc"!A1');
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx'].map(csvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx"]);
    expect(csvCell(-1)).toBe('-1');
  });
});

describe('the minutes as PDF', () => {
  it('prints every section and card, and the same minutes give the same bytes', async () => {
    const { input } = minutesBoard();
    const faces = await facesFromDisk(minutesPdfText(input, englishWords));
    const pdf = await renderMinutesPdf(input, englishWords, faces);
    expect(Buffer.from(await renderMinutesPdf(input, englishWords, faces)).equals(Buffer.from(pdf))).toBe(true);
    const text = pdfText(pdf, 'en.pdf').replace(/\s+/g, ' ');
    for (const s of ['Minutes: Line 4 AI rollout', 'Facilitator: Grace Hopper', '1. Common goals', '8. Parking lot', 'Fewer unplanned stops', 'Shared alarm philosophy', 'Proposed · anonymous', 'Agreed · OT · Ada Lovelace', 'itOwner: Alan Turing', 'accountable: Plant manager', 'Round 1: 6 dots (IT 1, OT 5); split: far more from OT', 'Who pays for the GPU servers?', 'Ada Lovelace (OT, Shift lead)', 'page 1 of']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('Deleted idea');
    const info = spawnSync('pdfinfo', [join(dir, 'en.pdf')], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Title:\s+Minutes: Line 4 AI rollout/);
    expect(info).toMatch(/Producer:\s+Bridgeboard minutes PDF/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const fonts = spawnSync('pdffonts', [join(dir, 'en.pdf')], { encoding: 'utf8' }).stdout;
    // Embedded, subset, with a Unicode map (so text can be searched and copied).
    expect(fonts).toMatch(/NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes\s+no\s+yes/);
    expect(fonts).toMatch(/NotoSans-Bold\s+CID TrueType/);
    expect(fonts).not.toMatch(/NotoSansSC/);
  });

  it('draws Polish, German and Chinese as typed, breaking Chinese lines between characters', async () => {
    const chinese: MinutesWords = { ...englishWords, language: 'zh-Hans', title: (t) => `会议纪要：${t}`, sectionTitle: (s) => (s === 'parking' ? '议题停车场' : englishWords.sectionTitle(s)) };
    const long = '谁来支付图形处理器服务器的费用以及后续的维护和能源成本'.repeat(4);
    const { input } = minutesBoard({ goals: 'Zuverlässigkeit: weniger Störungen', tradeoffs: 'Łódź: łatki kontra przestoje', parking: long });
    const faces = await facesFromDisk(minutesPdfText(input, chinese));
    expect(faces.map((f) => f.name)).toContain('NotoSansSC-Regular');
    const pdf = await renderMinutesPdf(input, chinese, faces);
    const text = pdfText(pdf, 'zh.pdf');
    expect(text).toContain('会议纪要：Line 4 AI rollout');
    expect(text).toContain('8. 议题停车场');
    expect(text).toContain('Zuverlässigkeit: weniger Störungen');
    expect(text).toContain('Łódź: łatki kontra przestoje');
    // The long Chinese title wraps over several lines, and no character is lost or replaced.
    const lines = text.split('\n').filter((l) => /谁来支付|费用|成本/.test(l));
    expect(lines.length).toBeGreaterThan(1);
    expect(text.replace(/\s+/g, '')).toContain(long);
    expect(text).not.toContain('\ufffd');
  });

  it('marks a character no face has, rather than dropping it', async () => {
    const { input } = minutesBoard({ language: 'Term 𓂀 hieroglyph' });
    const faces = await facesFromDisk(minutesPdfText(input, englishWords));
    const text = pdfText(await renderMinutesPdf(input, englishWords, faces), 'missing.pdf');
    expect(text).toContain('Term \ufffd hieroglyph');
  });

  it('reads the Chinese font only when a character needs it', async () => {
    const read: MinutesFontFile[] = [];
    await loadMinutesFaces({ regular: 'Zuverlässigkeit, Łódź, Ελλάδα, Россия, Việt Nam', bold: 'Title' }, diskFontLoader(read));
    expect(read.sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
    read.length = 0;
    await loadMinutesFaces({ regular: 'plain', bold: '议题' }, diskFontLoader(read));
    expect(read.sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular', 'NotoSansSC-Regular']);
  });

  it('draws European scripts as typed, and "fi" and "fl" as two letters each (no ligatures)', async () => {
    const text = 'Zuverlässigkeit Łódź Ελλάδα Россия Việt Nam — office workflow: fix the final fluff';
    const { input } = minutesBoard({ goals: 'Efficient workflow' }, text);
    const pdf = pdfText(await renderMinutesPdf(input, englishWords, await facesFromDisk(minutesPdfText(input, englishWords))), 'scripts.pdf');
    expect(pdf).toContain(text);
    expect(pdf).toContain('1. Efficient workflow');
    expect(pdf).not.toMatch(/[\ufb00-\ufb06]/u);
  });
});
