// Line wrapping for the PDF: the fast search for where to break a long word must break exactly
// where the old scan did (the verifier re-renders old PDFs byte for byte), which holds because
// text only gets wider as characters are added; both facts are checked here with pdf-lib's own
// font metrics.
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { isWinAnsi, renderCharterPdf, verifyPdf, wrapText } from '../../../shared/charter';
import { frozenBundle, makeRoom } from './charterFixtures';

/** wrapText as it was before the search: kept as the reference the new one must equal. */
function referenceWrap(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = '';
    for (const word of paragraph.split(' ').filter((w) => w.length > 0)) {
      const candidate = line ? `${line} ${word}` : word;
      if (widthOf(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (widthOf(rest) > maxWidth) {
        let n = rest.length - 1;
        while (n > 1 && widthOf(rest.slice(0, n)) > maxWidth) n--;
        lines.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = Array.from({ length: 0x2122 }, (_, c) => String.fromCharCode(c)).filter(isWinAnsi);

async function fonts(): Promise<[string, PDFFont][]> {
  const doc = await PDFDocument.create();
  return Promise.all(([StandardFonts.Helvetica, StandardFonts.HelveticaBold, StandardFonts.Courier] as const).map(async (name) => [name, await doc.embedFont(name)] as [string, PDFFont]));
}

describe('wrapText', () => {
  it('never gets narrower when a character is added, in any of the three fonts', async () => {
    for (const [name, font] of await fonts()) {
      for (const a of ALPHABET) {
        const base = font.widthOfTextAtSize(a, 10);
        const narrower = ALPHABET.filter((b) => font.widthOfTextAtSize(a + b, 10) < base);
        expect(narrower, `${name}: "${a}" followed by`).toEqual([]);
      }
    }
  });

  it('breaks exactly where the old character-by-character scan broke', async () => {
    const random = mulberry32(0x5eed);
    const pick = () => ALPHABET[Math.floor(random() * ALPHABET.length)] ?? 'x';
    for (const [name, font] of await fonts()) {
      for (let round = 0; round < 40; round++) {
        const size = [8, 10, 14, 20][round % 4] ?? 10;
        const maxWidth = 40 + random() * 440;
        const widthOf = (s: string) => font.widthOfTextAtSize(s, size);
        const parts: string[] = [];
        for (let i = 0; i < 12; i++) {
          const kind = random();
          const length = kind < 0.2 ? 60 + Math.floor(random() * 240) : 1 + Math.floor(random() * 12);
          parts.push(Array.from({ length }, pick).join(''), random() < 0.1 ? '\n' : ' ');
        }
        const text = parts.join('');
        expect(wrapText(text, maxWidth, widthOf), `${name} ${size}pt, width ${maxWidth}, round ${round}`).toEqual(referenceWrap(text, maxWidth, widthOf));
      }
    }
  });

  it('lays out and verifies a charter holding 10,000-character words', async () => {
    // This took minutes before: the scan measured every prefix of the word, for every line.
    const bundle = frozenBundle(makeRoom());
    const item = bundle.charter.content.sections.find((s) => s.items.length > 0)?.items[0];
    if (!item) throw new Error('no item');
    for (const key of Object.keys(item.fields)) item.fields[key] = 'W'.repeat(10_000);
    const pdf = await renderCharterPdf(bundle);
    const result = await verifyPdf(pdf);
    expect(result.readable && result.verdict.problems.filter((p) => p.includes('rendering'))).toEqual([]);
  });
});
