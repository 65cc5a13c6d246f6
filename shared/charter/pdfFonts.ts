// Unicode fonts for the charter PDF (layout 2): Noto Sans (Latin, Greek, Cyrillic) and Noto Sans
// SC (CJK), subsetted and embedded, so every name prints as it was signed and `pdftotext` reads it
// back exactly. The fonts are files the app ships (licensed for embedding, OFL 1.1); how they are
// read is the runtime's business (a loader: files in Node, the app's own assets in a browser),
// never the network.
//
// pdf-lib can embed a font itself, but it shapes text with fontkit on every measure and draw
// (ligatures turn "fi" into one glyph, which then reads back as "ﬁ" or not at all) and maps each
// glyph to one character. Here every character is its own CID: the glyph the font's cmap gives it,
// with no shaping, its advance width as the only metric, and a ToUnicode entry for exactly that
// character. So the width the layout measures is the width drawn, wrapping is a sum of advances,
// two characters sharing a glyph still read back as themselves, and a character no font has is
// drawn as the font's .notdef box yet still reads back as itself. Everything is decided by the
// text alone (CIDs in order of first use, the subset tag from a hash of what is used), so the same
// charter gives the same bytes in any process.
import * as fontkitModule from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import { PDFHexString, PDFName, PDFString, type PDFDocument, type PDFRef } from 'pdf-lib';
import { sha256Hex, utf8 } from './charterCrypto';
import { subsetTrueType } from './ttfSubset';

/** The package's builds export the fontkit object as their default; its types describe that object as the module. */
const fontkit: typeof fontkitModule = (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule;

/** The font files layout 2 draws with. */
export const CHARTER_FONT_FILES = ['NotoSans-Regular', 'NotoSans-Bold', 'NotoSansSC-Regular'] as const;
export type CharterFontFile = (typeof CHARTER_FONT_FILES)[number];

/**
 * SHA-256 of each file as layout 2 uses it. Another version of a font draws other outlines and
 * widths, so a PDF re-rendered with it would no longer match: the fonts are part of the layout,
 * and a runtime must provide exactly these bytes (test/shared/charter/charterFonts.test.ts checks
 * the installed ones; the renderer refuses others).
 */
export const CHARTER_FONT_SHA256: Readonly<Record<CharterFontFile, string>> = {
  'NotoSans-Regular': 'fe8c022f48d8dd29f17b744d16f9346f4357e16f7d4f7be58b000ae7c291b614',
  'NotoSans-Bold': '13a813c49624ae3ba3c5c6e72c5ebffc4b9e1e6ea32f421c04069b037c6ad431',
  'NotoSansSC-Regular': 'd45f67f0a7c0ca3f256950777ce6a61cc7ce5f9696d02900cbbaac25f8aa7d16',
};

/** Reads one of the font files; each runtime provides one (cli/, the renderer, the tests). */
export type FontLoader = (file: CharterFontFile) => Promise<Uint8Array>;

let registered: FontLoader | null = null;

/** Sets the loader renderCharterPdf uses when it is given none: each runtime calls it once at start. */
export function setCharterFontLoader(loader: FontLoader): void {
  registered = loader;
}

export function charterFontLoader(): FontLoader {
  if (!registered) throw new Error('no charter fonts: this runtime did not call setCharterFontLoader');
  return registered;
}

/** A font file and its parse (fontkit reads the cmap and metrics; ttfSubset.ts copies the glyphs). */
export interface LoadedFont {
  readonly bytes: Uint8Array;
  readonly font: Font;
}

const parsedFonts = new WeakMap<FontLoader, Map<CharterFontFile, Promise<LoadedFont>>>();

/** The font, read, checked and parsed once per loader and file (the CJK font is 10 MB). */
export function loadCharterFont(loader: FontLoader, file: CharterFontFile): Promise<LoadedFont> {
  let fonts = parsedFonts.get(loader);
  if (!fonts) parsedFonts.set(loader, (fonts = new Map()));
  let font = fonts.get(file);
  if (!font) {
    font = loader(file).then((bytes) => {
      const actual = sha256Hex(bytes);
      if (actual !== CHARTER_FONT_SHA256[file]) throw new Error(`the font ${file} is not the one this layout draws with (SHA-256 ${actual.slice(0, 16)}…)`);
      return { bytes, font: fontkit.create(bytes) };
    });
    // A failed load is not kept: the next render tries again.
    font.catch(() => fonts?.delete(file));
    fonts.set(file, font);
  }
  return font;
}

const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

/** A code point as ToUnicode writes it: UTF-16BE, a surrogate pair beyond the BMP. */
function utf16Hex(codePoint: number): string {
  if (codePoint < 0x10000) return hex4(codePoint);
  const v = codePoint - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}

/**
 * One font file as used in one PDF: measures and encodes text by code point, and at the end
 * embeds a subset holding only the glyphs drawn (a CIDFontType2 under a Type0 font, Identity-H).
 */
export class UnicodeFont {
  /** Code point → CID; CIDs count from 1 in order of first use (0 is .notdef). */
  private readonly cidOf = new Map<number, number>();
  private readonly codePoints: number[] = [0];
  private readonly glyphs: number[] = [0];
  private readonly advances = new Map<number, number>();
  private readonly covered = new Map<number, boolean>();
  private readonly scale: number;
  private readonly font: Font;

  constructor(
    readonly file: CharterFontFile,
    private readonly loaded: LoadedFont,
  ) {
    this.font = loaded.font;
    this.scale = 1000 / this.font.unitsPerEm;
  }

  /** Whether the font has a glyph of its own for this character. */
  has(codePoint: number): boolean {
    let has = this.covered.get(codePoint);
    if (has === undefined) {
      has = this.font.hasGlyphForCodePoint(codePoint);
      this.covered.set(codePoint, has);
    }
    return has;
  }

  /** Advance width in thousandths of the font size (the .notdef box's for a missing character). */
  advance(codePoint: number): number {
    let width = this.advances.get(codePoint);
    if (width === undefined) {
      width = Math.round(this.font.glyphForCodePoint(codePoint).advanceWidth * this.scale);
      this.advances.set(codePoint, width);
    }
    return width;
  }

  get used(): boolean {
    return this.codePoints.length > 1;
  }

  /** How many distinct characters it has drawn so far. */
  get characters(): number {
    return this.codePoints.length - 1;
  }

  /** The string operand of Tj for these characters: two bytes per CID. */
  encode(codePoints: readonly number[]): PDFHexString {
    let out = '';
    for (const cp of codePoints) {
      let cid = this.cidOf.get(cp);
      if (cid === undefined) {
        cid = this.codePoints.length;
        this.cidOf.set(cp, cid);
        this.codePoints.push(cp);
        this.glyphs.push(this.font.glyphForCodePoint(cp).id);
      }
      out += hex4(cid);
    }
    return PDFHexString.of(out);
  }

  /** Writes the font's objects into the document; call once, after all text is drawn. */
  embed(doc: PDFDocument, ref: PDFRef): void {
    const { context } = doc;
    const { bytes: fontFile, glyphIndex } = subsetTrueType(this.loaded.bytes, this.glyphs);
    // The usual six-letter subset tag, here from what the subset holds, so it never varies by run.
    const tag = [...sha256Hex(utf8(this.codePoints.join(','))).slice(0, 6)].map((c) => String.fromCharCode(65 + (parseInt(c, 16) % 26))).join('');
    const baseName = PDFName.of(`${tag}+${this.font.postscriptName ?? this.file}`);
    const { bbox } = this.font;
    const s = this.scale;
    const fontFileRef = context.register(context.flateStream(fontFile, { Length1: fontFile.length }));
    const descriptorRef = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: baseName,
        Flags: 4, // symbolic: the glyphs are reached by CID, not by a standard encoding
        FontBBox: [Math.round(bbox.minX * s), Math.round(bbox.minY * s), Math.round(bbox.maxX * s), Math.round(bbox.maxY * s)],
        ItalicAngle: 0,
        Ascent: Math.round(this.font.ascent * s),
        Descent: Math.round(this.font.descent * s),
        CapHeight: Math.round((this.font.capHeight || this.font.ascent) * s),
        StemV: 80,
        FontFile2: fontFileRef,
      }),
    );
    // CID → subset glyph, two bytes each: characters that share a glyph keep CIDs of their own.
    const map = new Uint8Array(this.glyphs.length * 2);
    this.glyphs.forEach((glyph, cid) => {
      const gid = glyphIndex.get(glyph) ?? 0;
      map[cid * 2] = gid >> 8;
      map[cid * 2 + 1] = gid & 0xff;
    });
    const cidToGidRef = context.register(context.flateStream(map));
    const widths = this.codePoints.slice(1).map((cp) => this.advance(cp));
    const cidFontRef = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: baseName,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptorRef,
        DW: this.advance(0),
        W: widths.length ? [1, widths] : [],
        CIDToGIDMap: cidToGidRef,
      }),
    );
    const toUnicodeRef = context.register(context.flateStream(utf8(this.toUnicode())));
    context.assign(ref, context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: baseName, Encoding: 'Identity-H', DescendantFonts: [cidFontRef], ToUnicode: toUnicodeRef }));
  }

  /** The ToUnicode CMap: each CID to its one character, in blocks of 100 as the CMap format asks. */
  private toUnicode(): string {
    const entries = this.codePoints.slice(1).map((cp, i) => `<${hex4(i + 1)}> <${utf16Hex(cp)}>`);
    const blocks: string[] = [];
    for (let i = 0; i < entries.length; i += 100) {
      const block = entries.slice(i, i + 100);
      blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
    }
    return [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <FFFF>',
      'endcodespacerange',
      ...blocks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n');
  }
}
