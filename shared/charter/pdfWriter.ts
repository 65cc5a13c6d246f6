// A small flowing-text writer over pdf-lib: headings, wrapped paragraphs, label/value lines and
// automatic page breaks, all in the standard fonts, so the same input always lays out the same.
import { PDFDocument, PDFFont, PDFPage, StandardFonts, rgb } from 'pdf-lib';
import { toWinAnsi, wrapText } from './pdfText';

export const PAGE = { width: 595.28, height: 841.89, margin: 56 } as const; // A4
const FOOTER_SPACE = 36;

export interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly mono: PDFFont;
}

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  return {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
}

/** Thrown when a layout would need more pages than the caller allows (a verifier's limit). */
export class PageLimitError extends Error {
  constructor(readonly maxPages: number) {
    super(`the charter needs more than ${maxPages} pages`);
  }
}

export class PdfWriter {
  private page: PDFPage;
  private y = 0;
  private pages = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
    /** A verifier stops laying out here rather than render a file built to be slow. */
    private readonly maxPages = Number.POSITIVE_INFINITY,
  ) {
    this.page = this.newPage();
  }

  newPage(): PDFPage {
    if (++this.pages > this.maxPages) throw new PageLimitError(this.maxPages);
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
    return this.page;
  }

  private get width(): number {
    return PAGE.width - 2 * PAGE.margin;
  }

  private ensure(height: number): void {
    if (this.y - height < PAGE.margin + FOOTER_SPACE) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  /** Wrapped text; `indent` shifts it right of the margin. */
  text(value: string, opts: { font?: PDFFont; size?: number; indent?: number; gray?: boolean } = {}): void {
    const font = opts.font ?? this.fonts.regular;
    const size = opts.size ?? 10;
    const indent = opts.indent ?? 0;
    const leading = size * 1.35;
    const lines = wrapText(toWinAnsi(value), this.width - indent, (s) => font.widthOfTextAtSize(s, size));
    for (const line of lines) {
      this.ensure(leading);
      this.y -= leading;
      if (line) this.page.drawText(line, { x: PAGE.margin + indent, y: this.y, size, font, color: opts.gray ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0) });
    }
  }

  heading(value: string, size = 14): void {
    this.ensure(size * 4); // never leave a heading alone at the foot of a page
    this.space(size * 0.6);
    this.text(value, { font: this.fonts.bold, size });
    this.space(size * 0.2);
  }

  /** "Label: value", skipped when the value is empty so the page reads like a document. */
  field(label: string, value: string, indent = 12): void {
    if (!value.trim()) return;
    this.text(`${label}: ${value}`, { indent });
  }

  rule(): void {
    this.ensure(12);
    this.y -= 6;
    this.page.drawLine({ start: { x: PAGE.margin, y: this.y }, end: { x: PAGE.width - PAGE.margin, y: this.y }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });
    this.y -= 6;
  }

  /** Footers need the page count, so they are drawn once every page exists. */
  footers(label: string): void {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const text = toWinAnsi(`${label} - page ${i + 1} of ${pages.length}`);
      page.drawText(text, { x: PAGE.margin, y: PAGE.margin - 20, size: 8, font: this.fonts.regular, color: rgb(0.4, 0.4, 0.4) });
    });
  }
}
