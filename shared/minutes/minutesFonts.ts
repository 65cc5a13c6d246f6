// Fonts for the minutes PDF, which is in the reader's language (Polish, Chinese…), so the 14
// standard PDF fonts (WinAnsi only) will not do. The faces are Noto Sans (Latin, Greek, Cyrillic,
// Vietnamese; regular and bold) and Noto Sans SC (Chinese, regular only: bold Chinese falls back
// to it), under the SIL Open Font License, which allows embedding, from the @fontsource packages
// that ship with the app, split by Unicode range as Google Fonts serves them. A face is a range
// of code points and its WOFF bytes: a document embeds only the faces its text needs, each
// subset to the glyphs used (fontkit), so a page of German costs a few kilobytes.
// pdf-lib's fontkit subsets WOFF (after woff.ts unwraps it) but not WOFF2, hence the .woff files.

/** One face: which code points it draws (a CSS unicode-range), whether bold, and its name in the PDF. */
export interface FontFaceSpec {
  /** Stable, so the same text always embeds under the same names (deterministic output). */
  readonly name: string;
  /** CSS unicode-range syntax: "U+0000-00FF,U+0131,…". */
  readonly ranges: string;
  readonly bold: boolean;
}

export interface FontFace extends FontFaceSpec {
  readonly bytes: Uint8Array;
}

/** Drawn for a character no face has, so nothing is silently dropped (Noto Sans Latin has it). */
export const MISSING_GLYPH = '\ufffd';

export type CodePointRanges = readonly (readonly [number, number])[];

export function parseUnicodeRange(ranges: string): CodePointRanges {
  const out: [number, number][] = [];
  for (const part of ranges.split(',')) {
    const match = /^\s*U\+([0-9a-f]{1,6})(?:-([0-9a-f]{1,6}))?\s*$/i.exec(part);
    if (!match?.[1]) continue;
    const lo = parseInt(match[1], 16);
    out.push([lo, match[2] ? parseInt(match[2], 16) : lo]);
  }
  return out;
}

export const inRanges = (ranges: CodePointRanges, cp: number): boolean => ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

/**
 * The faces a text needs, in the order given (the first face that covers a character draws it):
 * for each weight used, the faces of that weight covering any of its characters, then the
 * regular faces bold text falls back to.
 */
export function facesFor<F extends FontFaceSpec>(faces: readonly F[], text: { readonly regular: string; readonly bold: string }): F[] {
  const parsed = faces.map((face) => ({ face, ranges: parseUnicodeRange(face.ranges) }));
  const needed = new Set<F>();
  const pick = (chars: string, bold: boolean) => {
    for (const ch of new Set(chars)) {
      const cp = ch.codePointAt(0) ?? 0;
      const hit = parsed.find((p) => p.face.bold === bold && inRanges(p.ranges, cp)) ?? parsed.find((p) => !p.face.bold && inRanges(p.ranges, cp));
      if (hit) needed.add(hit.face);
    }
  };
  pick(text.regular + MISSING_GLYPH, false);
  pick(text.bold, true);
  return faces.filter((f) => needed.has(f));
}

/** A face of the Noto packages and the file it is in (`files/` of its @fontsource package). */
export interface NotoFaceSpec extends FontFaceSpec {
  readonly family: 'noto-sans' | 'noto-sans-sc';
  readonly file: string;
}

/** Noto Sans's subsets for European scripts, most used first. */
export const NOTO_SANS_SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'] as const;

/**
 * Every face the minutes may use, from the packages' own unicode.json (subset name → unicode
 * range): Noto Sans's European subsets in both weights, then Noto Sans SC's numbered slices.
 */
export function notoFaces(notoSansRanges: Readonly<Record<string, string>>, notoSansScRanges: Readonly<Record<string, string>>): NotoFaceSpec[] {
  const faces: NotoFaceSpec[] = [];
  for (const subset of NOTO_SANS_SUBSETS) {
    const ranges = notoSansRanges[subset];
    if (!ranges) continue;
    for (const weight of [400, 700]) faces.push({ family: 'noto-sans', file: `noto-sans-${subset}-${weight}-normal.woff`, name: `NotoSans-${subset}-${weight}`, ranges, bold: weight === 700 });
  }
  const slices = Object.keys(notoSansScRanges)
    .map((key) => /^\[(\d+)\]$/.exec(key)?.[1])
    .filter((n): n is string => n !== undefined)
    .sort((a, b) => Number(a) - Number(b));
  for (const n of slices) faces.push({ family: 'noto-sans-sc', file: `noto-sans-sc-${n}-400-normal.woff`, name: `NotoSansSC-${n}-400`, ranges: notoSansScRanges[`[${n}]`] ?? '', bold: false });
  return faces;
}
