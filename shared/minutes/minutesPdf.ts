// The minutes as a printable PDF (A4), deterministic: the same minutes, words and fonts always
// give the same bytes. Dates come from the minutes (takenAt), producer and creator are fixed, the
// document ID is a digest of the content, and embedded fonts get stable names (pdf-lib would
// add a random suffix). Text is drawn in the faces of minutesFonts.ts, the first face that has
// each character drawing it, with no ligatures (so "fi" reads back as two letters), and wraps at
// spaces, or between any two Chinese characters.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFHexString, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { sha256Hex } from '../crypto/sha256';
import { coverage, MISSING_GLYPH, type FontFace } from './minutesFonts';
import { buildMinutes, type Minutes, type MinutesInput } from './minutesModel';
import type { MinutesWords } from './minutesWords';

export const MINUTES_PDF_PRODUCER = 'Bridgeboard minutes PDF (pdf-lib)';
const PAGE = { width: 595.28, height: 841.89, margin: 56 } as const; // A4
const FOOTER_SPACE = 30;
const GRAY = rgb(0.35, 0.35, 0.35);
const BLACK = rgb(0, 0, 0);

interface Embedded {
  readonly font: PDFFont;
  readonly covers: (cp: number) => boolean;
  readonly bold: boolean;
  /** Advance width of a character at size 1, cached. */
  readonly widths: Map<string, number>;
}

interface Run {
  readonly face: Embedded;
  readonly text: string;
}

/** Break opportunities in CJK text: between any two ideographs, kana, or full-width forms. */
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\u{20000}-\u{3ffff}]/u;
/** Closing punctuation that must not start a line (kept with the character before). */
const NO_LINE_START = /^[、。，．：；！？）」』】〉》”’％,.:;!?)\]]$/u;

class Fonts {
  /** The face of each character met so far, by weight. */
  private readonly chosen = [new Map<string, Embedded | null>(), new Map<string, Embedded | null>()] as const;

  constructor(private readonly faces: readonly Embedded[]) {}

  private faceFor(ch: string, bold: boolean): Embedded | null {
    const cache = this.chosen[bold ? 1 : 0];
    const known = cache.get(ch);
    if (known !== undefined) return known;
    const cp = ch.codePointAt(0) ?? 0;
    const face = this.faces.find((f) => f.bold === bold && f.covers(cp)) ?? this.faces.find((f) => !f.bold && f.covers(cp)) ?? null;
    cache.set(ch, face);
    return face;
  }

  /** The text cut into runs of one face each; a character no face has becomes MISSING_GLYPH. */
  runs(text: string, bold: boolean): Run[] {
    const runs: { face: Embedded; text: string }[] = [];
    for (const raw of text.normalize('NFC')) {
      let ch = raw;
      let face = this.faceFor(ch, bold);
      if (!face) {
        ch = MISSING_GLYPH;
        face = this.faceFor(ch, bold);
        if (!face) continue;
      }
      const last = runs[runs.length - 1];
      if (last && last.face === face) last.text += ch;
      else runs.push({ face, text: ch });
    }
    return runs;
  }

  width(text: string, bold: boolean, size: number): number {
    let width = 0;
    for (const run of this.runs(text, bold)) {
      for (const ch of run.text) {
        let w = run.face.widths.get(ch);
        if (w === undefined) {
          w = run.face.font.widthOfTextAtSize(ch, 1);
          run.face.widths.set(ch, w);
        }
        width += w * size;
      }
    }
    return width;
  }
}

/** Units a line may break between: words (with the space before them) and single CJK characters. */
function breakUnits(text: string): { text: string; space: boolean }[] {
  const units: { text: string; space: boolean }[] = [];
  let current = '';
  let space = false;
  const flush = () => {
    if (current) units.push({ text: current, space });
    current = '';
    space = false;
  };
  for (const ch of text) {
    if (ch === ' ' || ch === '\t') {
      flush();
      space = units.length > 0;
      continue;
    }
    if (CJK.test(ch)) {
      const before = current ? false : space;
      flush();
      units.push({ text: ch, space: before });
      space = false;
      continue;
    }
    if (NO_LINE_START.test(ch) && !current && units.length > 0) {
      const last = units[units.length - 1];
      if (last) last.text += ch;
      continue;
    }
    current += ch;
  }
  flush();
  return units;
}

/**
 * Greedy wrapping; a unit wider than a line is cut between characters. Widths add up (each
 * character's advance, as the PDF draws them: no kerning), so a line's width is kept as it grows
 * rather than measured again for every word.
 */
function wrap(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  const lines: string[] = [];
  const space = widthOf(' ');
  for (const paragraph of text.split(/\r\n?|\n/)) {
    let line = '';
    let width = 0;
    for (const unit of breakUnits(paragraph)) {
      const unitWidth = widthOf(unit.text);
      const joined = line && unit.space ? width + space + unitWidth : width + unitWidth;
      if (joined <= maxWidth) {
        line = line && unit.space ? `${line} ${unit.text}` : line + unit.text;
        width = joined;
        continue;
      }
      if (line) lines.push(line);
      line = unit.text;
      width = unitWidth;
      while (width > maxWidth) {
        const chars = [...line];
        let n = 1;
        let taken = widthOf(chars[0] ?? '');
        while (n < chars.length && taken + widthOf(chars[n] ?? '') <= maxWidth) taken += widthOf(chars[n++] ?? '');
        lines.push(chars.slice(0, n).join(''));
        line = chars.slice(n).join('');
        width -= taken;
      }
    }
    lines.push(line);
  }
  return lines;
}

class Writer {
  private page: PDFPage;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.page = this.newPage();
  }

  private newPage(): PDFPage {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
    return this.page;
  }

  private ensure(height: number): void {
    if (this.y - height < PAGE.margin + FOOTER_SPACE) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  private drawLine(line: string, x: number, y: number, size: number, bold: boolean, gray: boolean, page = this.page): void {
    for (const run of this.fonts.runs(line, bold)) {
      page.drawText(run.text, { x, y, size, font: run.face.font, color: gray ? GRAY : BLACK });
      x += this.fonts.width(run.text, bold, size);
    }
  }

  text(value: string, opts: { size?: number; bold?: boolean; gray?: boolean; indent?: number; keepWithNext?: number } = {}): void {
    const size = opts.size ?? 10;
    const bold = opts.bold ?? false;
    const indent = opts.indent ?? 0;
    const leading = size * 1.4;
    const lines = wrap(value, PAGE.width - 2 * PAGE.margin - indent, (s) => this.fonts.width(s, bold, size));
    // A heading is never left alone at the foot of a page.
    this.ensure(leading * Math.min(lines.length, 2) + (opts.keepWithNext ?? 0));
    for (const line of lines) {
      this.ensure(leading);
      this.y -= leading;
      if (line) this.drawLine(line, PAGE.margin + indent, this.y, size, bold, opts.gray ?? false);
    }
  }

  rule(): void {
    this.ensure(14);
    this.y -= 7;
    this.page.drawLine({ start: { x: PAGE.margin, y: this.y }, end: { x: PAGE.width - PAGE.margin, y: this.y }, thickness: 0.5, color: rgb(0.65, 0.65, 0.65) });
    this.y -= 7;
  }

  footers(label: (page: number, pages: number) => string): void {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => this.drawLine(label(i + 1, pages.length), PAGE.margin, PAGE.margin - 16, 8, false, true, page));
  }
}

/** All the text the minutes PDF will draw, by weight: what picks the faces it needs (loadMinutesFaces). */
export function minutesPdfText(input: MinutesInput, words: MinutesWords): { regular: string; bold: string } {
  return textOf(buildMinutes(input), words);
}

function textOf(minutes: Minutes, words: MinutesWords): { regular: string; bold: string } {
  const regular: string[] = [words.facilitator, words.created, words.taken, words.summary(minutes.counts), words.noCards, words.anonymous, minutes.facilitator, words.date(minutes.createdAt), words.date(minutes.takenAt), words.page(99, 99)];
  const bold: string[] = [words.title(minutes.title), words.participants, words.votes, '0123456789.'];
  for (const p of minutes.participants) regular.push(p.name, p.role, words.sideLabel(p.side));
  for (const r of minutes.rounds) regular.push(words.round(r));
  for (const s of minutes.sections) {
    bold.push(words.sectionTitle(s.id));
    for (const c of s.cards) {
      bold.push(c.title);
      regular.push(words.status, words.side, words.author, words.statusLabel(c.status), c.side ? words.sideLabel(c.side) : '', c.author ?? '');
      for (const f of c.fields) regular.push(words.fieldLabel(s.id, f.key), words.fieldValue(s.id, f.key, f.value));
      for (const v of c.votes) regular.push(words.vote(v));
      if (c.legacyDots) regular.push(words.legacyDots(c.legacyDots));
    }
  }
  return { regular: regular.join(' '), bold: bold.join(' ') };
}

function writeMinutes(w: Writer, minutes: Minutes, words: MinutesWords): void {
  w.text(words.title(minutes.title), { size: 18, bold: true });
  w.space(4);
  if (minutes.facilitator) w.text(`${words.facilitator}: ${minutes.facilitator}`, { gray: true });
  if (minutes.createdAt > 0) w.text(`${words.created}: ${words.date(minutes.createdAt)}`, { gray: true });
  w.text(`${words.taken}: ${words.date(minutes.takenAt)}`, { gray: true });
  w.text(words.summary(minutes.counts), { gray: true });
  if (minutes.participants.length > 0) {
    w.space(8);
    w.text(words.participants, { size: 13, bold: true, keepWithNext: 14 });
    for (const p of minutes.participants) w.text(`• ${p.name} (${[words.sideLabel(p.side), p.role].filter(Boolean).join(', ')})`, { indent: 8 });
  }
  if (minutes.rounds.length > 0) {
    w.space(8);
    w.text(words.votes, { size: 13, bold: true, keepWithNext: 14 });
    for (const r of minutes.rounds) w.text(`• ${words.round(r)}`, { indent: 8 });
  }
  minutes.sections.forEach((section, i) => {
    w.space(10);
    w.rule();
    w.text(`${i + 1}. ${words.sectionTitle(section.id)}`, { size: 14, bold: true, keepWithNext: 28 });
    if (section.cards.length === 0) w.text(words.noCards, { gray: true, indent: 8 });
    for (const card of section.cards) {
      w.space(5);
      w.text(`${card.number}. ${card.title}`, { size: 11, bold: true, keepWithNext: 14 });
      const who = card.author === null || card.side === null ? [words.anonymous] : [words.sideLabel(card.side), card.author];
      w.text([words.statusLabel(card.status), ...who].join(' · '), { gray: true, size: 9, indent: 12 });
      for (const f of card.fields) w.text(`${words.fieldLabel(section.id, f.key)}: ${words.fieldValue(section.id, f.key, f.value)}`, { indent: 12 });
      for (const v of card.votes) w.text(words.vote(v), { indent: 12 });
      if (card.legacyDots > 0) w.text(words.legacyDots(card.legacyDots), { indent: 12 });
    }
  });
}

/**
 * The minutes as PDF bytes. `faces` are the fonts to draw with (loadMinutesFaces reads the ones
 * a text needs); a character none of them has is drawn as MISSING_GLYPH.
 */
export async function renderMinutesPdf(input: MinutesInput, words: MinutesWords, faces: readonly FontFace[]): Promise<Uint8Array> {
  const minutes = buildMinutes(input);
  const at = new Date(minutes.takenAt);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const title = words.title(minutes.title);
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setProducer(MINUTES_PDF_PRODUCER);
  doc.setCreator('Bridgeboard');
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  doc.setLanguage(words.language);
  // No shaping: pdf-lib lays text out with fontkit, and a ligature glyph ("fi") would read back
  // as one character or none; kerning and mark positioning are not drawn either way (widths are
  // advances only), and running the full Noto Sans's positioning tables made a 200-card PDF take
  // four times as long. Text is composed (NFC) first, so accents are precomposed letters.
  const features = { liga: false, clig: false, dlig: false, calt: false, rlig: false, kern: false, mark: false, mkmk: false, ccmp: false, locl: false };
  const embedded: Embedded[] = [];
  for (const face of faces) {
    embedded.push({ font: await doc.embedFont(face.bytes, { subset: true, customName: face.name, features }), covers: coverage(face.bytes), bold: face.bold, widths: new Map() });
  }
  const w = new Writer(doc, new Fonts(embedded));
  writeMinutes(w, minutes, words);
  w.footers((page, pages) => `${title} · ${words.page(page, pages)}`);
  const id = PDFHexString.of(sha256Hex(JSON.stringify({ minutes, title, language: words.language, fonts: faces.map((f) => f.name) })).slice(0, 32));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  return doc.save({ useObjectStreams: false });
}
