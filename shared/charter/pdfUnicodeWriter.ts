// The flowing-text writer of layout 2: headings, wrapped paragraphs, label/value lines, rules and
// page breaks, like PdfWriter (layout 1), but drawing any Unicode text with the embedded fonts
// (pdfFonts.ts). Each character is drawn with the first font that has it: the face asked for (Noto
// Sans regular or bold), then the CJK font (in a bold line drawn with a thin outline, since only
// its regular weight ships), else the face's .notdef box. Widths are sums of advance widths, so
// wrapping is one pass over the text, and the same text always breaks at the same places.
import { PDFName, popGraphicsState, pushGraphicsState, rgb, setFillingRgbColor, setLineWidth, setStrokingRgbColor, setTextRenderingMode, TextRenderingMode, beginText, endText, setFontAndSize, setTextMatrix, showText, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import type { UnicodeFont } from './pdfFonts';
import { PAGE, PageLimitError } from './pdfWriter';

const FOOTER_SPACE = 36;
const GRAY = 0.35;

export interface UnicodeFonts {
  readonly regular: UnicodeFont;
  readonly bold: UnicodeFont;
  /** Only loaded when the charter has a character the Latin fonts lack. */
  readonly cjk: UnicodeFont | null;
}

export interface TextStyle {
  readonly bold?: boolean;
  readonly size?: number;
  readonly indent?: number;
  readonly gray?: boolean;
}

/** One line, as code points. */
type Line = readonly number[];

const SPACE = 0x20;
const isMark = (cp: number): boolean => /\p{M}/u.test(String.fromCodePoint(cp));

export class UnicodeWriter {
  private page: PDFPage;
  private y = 0;
  private pages = 0;
  /** Each font's object, allocated when first drawn: unused fonts leave no trace in the file. */
  private readonly refs = new Map<UnicodeFont, PDFRef>();
  private readonly resourceNames = new Map<UnicodeFont, string>();

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: UnicodeFonts,
    /** A verifier stops laying out here rather than render a file built to be slow. */
    private readonly maxPages = Number.POSITIVE_INFINITY,
  ) {
    this.page = this.newPage();
  }

  get pageCount(): number {
    return this.pages;
  }

  newPage(): PDFPage {
    if (++this.pages > this.maxPages) throw new PageLimitError(this.maxPages);
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
    return this.page;
  }

  get width(): number {
    return PAGE.width - 2 * PAGE.margin;
  }

  /** Height left on this page above the footer. */
  get room(): number {
    return this.y - (PAGE.margin + FOOTER_SPACE);
  }

  private ensure(height: number): void {
    if (this.y - height < PAGE.margin + FOOTER_SPACE) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  /** The font a character is drawn with, and whether it needs the outline that stands in for bold. */
  private fontFor(cp: number, bold: boolean): { readonly font: UnicodeFont; readonly outline: boolean } {
    const face = bold ? this.fonts.bold : this.fonts.regular;
    if (face.has(cp)) return { font: face, outline: false };
    if (this.fonts.cjk?.has(cp)) return { font: this.fonts.cjk, outline: bold };
    return { font: face, outline: false };
  }

  private advance(cp: number, bold: boolean, size: number): number {
    return (this.fontFor(cp, bold).font.advance(cp) * size) / 1000;
  }

  /**
   * Splits into lines no wider than `maxWidth`, at spaces (and tabs), breaking a word only when it
   * is wider than a line: text without spaces (Chinese) breaks between any two characters, never
   * before a combining mark.
   */
  wrap(value: string, maxWidth: number, bold: boolean, size: number): Line[] {
    const lines: Line[] = [];
    const spaceWidth = this.advance(SPACE, bold, size);
    for (const paragraph of value.split(/\r\n|\r|\n/)) {
      let line: number[] = [];
      let lineWidth = 0;
      for (const word of paragraph.split(/[ \t]+/).filter((w) => w.length > 0)) {
        const cps = [...word].map((ch) => ch.codePointAt(0) ?? 0);
        const wordWidth = cps.reduce((sum, cp) => sum + this.advance(cp, bold, size), 0);
        const joined = line.length ? lineWidth + spaceWidth + wordWidth : wordWidth;
        if (joined <= maxWidth) {
          if (line.length) line.push(SPACE);
          line.push(...cps);
          lineWidth = joined;
          continue;
        }
        if (line.length) lines.push(line);
        line = [];
        lineWidth = 0;
        for (const cp of cps) {
          const w = this.advance(cp, bold, size);
          if (line.length && lineWidth + w > maxWidth && !isMark(cp)) {
            lines.push(line);
            line = [];
            lineWidth = 0;
          }
          line.push(cp);
          lineWidth += w;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** The lines `value` takes, cut to `maxLines` with "…" at the end of the last when it is longer. */
  clamp(value: string, maxLines: number, style: TextStyle = {}): Line[] {
    const size = style.size ?? 10;
    const bold = style.bold ?? false;
    const maxWidth = this.width - (style.indent ?? 0);
    const lines = this.wrap(value, maxWidth, bold, size);
    if (lines.length <= maxLines) return lines;
    const ellipsis = 0x2026;
    const last = [...(lines[maxLines - 1] ?? [])];
    const widthOf = (cps: readonly number[]) => cps.reduce((sum, cp) => sum + this.advance(cp, bold, size), 0);
    while (last.length && widthOf([...last, ellipsis]) > maxWidth) last.pop();
    while (last.length && last[last.length - 1] === SPACE) last.pop();
    return [...lines.slice(0, maxLines - 1), [...last, ellipsis]];
  }

  static leading(size: number): number {
    return size * 1.35;
  }

  /** Height of wrapped text, for laying out a page before drawing it. */
  measure(value: string, style: TextStyle = {}, maxLines = Number.POSITIVE_INFINITY): number {
    const size = style.size ?? 10;
    return this.clamp(value, maxLines, style).length * UnicodeWriter.leading(size);
  }

  /** Wrapped text; `indent` shifts it right of the margin; `maxLines` cuts it with "…". */
  text(value: string, style: TextStyle = {}, maxLines = Number.POSITIVE_INFINITY): void {
    this.lines(this.clamp(value, maxLines, style), style);
  }

  private lines(lines: readonly Line[], style: TextStyle): void {
    const size = style.size ?? 10;
    const leading = UnicodeWriter.leading(size);
    for (const line of lines) {
      this.ensure(leading);
      this.y -= leading;
      if (line.length) this.drawLine(this.page, line, PAGE.margin + (style.indent ?? 0), this.y, style);
    }
  }

  heading(value: string, size = 14): void {
    this.ensure(size * 4); // never leave a heading alone at the foot of a page
    this.space(size * 0.6);
    this.text(value, { bold: true, size });
    this.space(size * 0.2);
  }

  /** A label/value line ("Label: value" in the document language), skipped when the value is empty. */
  field(line: string, value: string, indent = 12): void {
    if (!value.trim()) return;
    this.text(line, { indent });
  }

  rule(): void {
    this.ensure(12);
    this.y -= 6;
    this.page.drawLine({ start: { x: PAGE.margin, y: this.y }, end: { x: PAGE.width - PAGE.margin, y: this.y }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });
    this.y -= 6;
  }

  /** Footers need the page count, so they are drawn once every page exists. */
  footers(label: (page: number, pages: number) => string): void {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const line = this.clamp(label(i + 1, pages.length), 1, { size: 8 })[0] ?? [];
      this.drawLine(page, line, PAGE.margin, PAGE.margin - 20, { size: 8, gray: true });
    });
  }

  /** Writes the fonts drawn with into the document; call once, after all text. */
  embedFonts(): void {
    for (const [font, ref] of this.refs) font.embed(this.doc, ref);
  }

  private fontName(page: PDFPage, font: UnicodeFont): string {
    let ref = this.refs.get(font);
    if (!ref) {
      ref = this.doc.context.nextRef();
      this.refs.set(font, ref);
      this.resourceNames.set(font, `F${this.refs.size}`);
    }
    const name = this.resourceNames.get(font) ?? 'F0';
    page.node.setFontDictionary(PDFName.of(name), ref);
    return name;
  }

  /** One line as runs of one font each, in one text object. */
  private drawLine(page: PDFPage, line: Line, x: number, y: number, style: TextStyle): void {
    const size = style.size ?? 10;
    const bold = style.bold ?? false;
    const gray = style.gray ? GRAY : 0;
    const ops = [pushGraphicsState(), setFillingRgbColor(gray, gray, gray), setStrokingRgbColor(gray, gray, gray), setLineWidth(size * 0.03), beginText()];
    let at = x;
    let i = 0;
    while (i < line.length) {
      const first = this.fontFor(line[i] ?? SPACE, bold);
      const run: number[] = [];
      let width = 0;
      while (i < line.length) {
        const cp = line[i] ?? SPACE;
        const next = this.fontFor(cp, bold);
        if (next.font !== first.font || next.outline !== first.outline) break;
        run.push(cp);
        width += (first.font.advance(cp) * size) / 1000;
        i++;
      }
      ops.push(
        setFontAndSize(this.fontName(page, first.font), size),
        setTextRenderingMode(first.outline ? TextRenderingMode.FillAndOutline : TextRenderingMode.Fill),
        setTextMatrix(1, 0, 0, 1, at, y),
        showText(first.font.encode(run)),
      );
      at += width;
    }
    ops.push(endText(), popGraphicsState());
    page.pushOperators(...ops);
  }
}
