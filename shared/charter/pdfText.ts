// Text for the PDF's standard fonts. Helvetica and Courier (the 14 standard fonts, so nothing is
// embedded and the output stays small and deterministic) can only draw WinAnsi characters.
// Anything else is transliterated for the *visible* page only: accents outside Latin-1 are
// dropped (Ł→L, ő→o), common symbols get ASCII stand-ins (→ "->", ≤ "<="), and what is left
// becomes "?". The embedded bundle always keeps the exact original text, and it is what is signed.

const WINANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const winAnsi = new Set<number>([...WINANSI_EXTRA].map((c) => c.codePointAt(0) ?? 0));
for (let c = 0x20; c <= 0x7e; c++) winAnsi.add(c);
for (let c = 0xa1; c <= 0xff; c++) if (c !== 0xad) winAnsi.add(c);

const STAND_INS: Record<string, string> = {
  '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\u2002': ' ', '\u2003': ' ', '\t': ' ',
  '\u00ad': '', '\u200b': '', '\u200d': '', '\ufeff': '',
  '→': '->', '←': '<-', '↔': '<->', '⇒': '=>', '≤': '<=', '≥': '>=', '≠': '!=', '≈': '~',
  '−': '-', '‐': '-', '‑': '-', '‒': '-', '―': '-', '′': "'", '″': '"', '✓': 'v', '✔': 'v', '✗': 'x',
  'Ł': 'L', 'ł': 'l', 'Đ': 'D', 'đ': 'd', 'Ø': 'Ø', 'ı': 'i', 'Œ': 'Œ', 'ẞ': 'SS',
};

export const isWinAnsi = (ch: string): boolean => winAnsi.has(ch.codePointAt(0) ?? -1);

/** Maps any string onto characters Helvetica can draw. Pure, so it renders identically everywhere. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    if (isWinAnsi(ch)) {
      out += ch;
      continue;
    }
    const standIn = STAND_INS[ch];
    if (standIn !== undefined) {
      out += standIn;
      continue;
    }
    if (/^[\u0300-\u036f]$/.test(ch)) continue; // a lone combining accent: drop it, keep its letter
    // Decompose (é = e + ´) and keep the base letters when they are drawable.
    const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out += base.length > 0 && [...base].every(isWinAnsi) ? base : '?';
  }
  return out;
}

/**
 * The longest prefix of `word` (at least one character) no wider than `maxWidth`. Widths only
 * grow as characters are added (in the standard fonts every glyph is wider than any kerning
 * pair takes back; test/shared/charter/pdfText.test.ts checks every pair), so a search that steps out
 * from `guess` in doubling steps and then halves finds the same prefix as trying every length:
 * O(log n) measurements per line instead of O(n). The guess is the previous line's length, which
 * the next line of the same long word almost always shares, so most lines take two measurements.
 * (Trying every length made a 10,000-character word take minutes to lay out.)
 */
function fittingPrefix(word: string, maxWidth: number, widthOf: (s: string) => number, guess: number): number {
  const fits = (n: number) => n === 1 || widthOf(word.slice(0, n)) <= maxWidth; // a line holds at least one character
  let good: number; // known to fit
  let bad: number; // known not to fit (word.length + 1: beyond the word)
  let n = Math.min(Math.max(guess, 1), word.length);
  if (fits(n)) {
    good = n;
    bad = word.length + 1;
    for (let step = 1; good < word.length; step *= 2) {
      n = Math.min(good + step, word.length);
      if (!fits(n)) {
        bad = n;
        break;
      }
      good = n;
    }
  } else {
    bad = n;
    good = 1;
    for (let step = 1; bad - step > 1; step *= 2) {
      n = bad - step;
      if (fits(n)) {
        good = n;
        break;
      }
      bad = n;
    }
  }
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    if (fits(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

/** Splits into lines no wider than `maxWidth`, breaking words only when one is wider than a line. */
export function wrapText(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
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
      let rest = word;
      for (let n = fittingPrefix(rest, maxWidth, widthOf, 2); n < rest.length; n = fittingPrefix(rest, maxWidth, widthOf, n)) {
        lines.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}
