// Fonts for the minutes PDF, which is in the reader's language (Polish, Chinese…), so the 14
// standard PDF fonts (WinAnsi only) will not do. The same files the charter PDF draws with
// (shared/charter/pdfFonts.ts), so the app ships one set: Noto Sans regular and bold (Latin,
// Greek, Cyrillic, Vietnamese) and Noto Sans SC regular (Chinese; bold Chinese falls back to it),
// SIL Open Font License 1.1, which allows embedding, from the @expo-google-fonts packages. Each
// runtime reads the files its own way (a loader: the app's assets in a browser, files in Node);
// the 10 MB Chinese font is read only when some character needs it. Each document embeds a
// subset of the glyphs it uses (fontkit).
import fontkit from '@pdf-lib/fontkit';

export const MINUTES_FONT_FILES = ['NotoSans-Regular', 'NotoSans-Bold', 'NotoSansSC-Regular'] as const;
export type MinutesFontFile = (typeof MINUTES_FONT_FILES)[number];

/** Reads one of the font files. */
export type MinutesFontLoader = (file: MinutesFontFile) => Promise<Uint8Array>;

/** A font the PDF may draw with, in the order faces are tried (the first that has a character draws it). */
export interface FontFace {
  /** Its name in the PDF: stable, so the same text always gives the same bytes. */
  readonly name: MinutesFontFile;
  readonly bold: boolean;
  readonly bytes: Uint8Array;
}

/** Drawn for a character no face has, so nothing is silently dropped. */
export const MISSING_GLYPH = '\ufffd';

const BOLD: Readonly<Record<MinutesFontFile, boolean>> = { 'NotoSans-Regular': false, 'NotoSans-Bold': true, 'NotoSansSC-Regular': false };

/** Whether a font (its bytes) has a glyph for each character; parsed once per call site. */
export function coverage(bytes: Uint8Array): (cp: number) => boolean {
  const font = fontkit.create(bytes);
  return (cp) => font.hasGlyphForCodePoint(cp);
}

/**
 * The faces a document's text needs, read through `load`: Noto Sans in both weights, and Noto
 * Sans SC only if a character is not in Noto Sans (Chinese text, or a symbol only it has).
 */
export async function loadMinutesFaces(text: { readonly regular: string; readonly bold: string }, load: MinutesFontLoader): Promise<FontFace[]> {
  const face = async (name: MinutesFontFile): Promise<FontFace> => ({ name, bold: BOLD[name], bytes: await load(name) });
  const [regular, bold] = await Promise.all([face('NotoSans-Regular'), face('NotoSans-Bold')]);
  const latin = coverage(regular.bytes);
  const needsMore = [...new Set(text.regular + text.bold)].some((ch) => !/\s/u.test(ch) && !latin(ch.codePointAt(0) ?? 0));
  return needsMore ? [regular, bold, await face('NotoSansSC-Regular')] : [regular, bold];
}
