// Verifying a charter PDF: the embedded bundle must verify, and re-rendering it must give back
// exactly these bytes. The second check is what catches a PDF whose visible pages were edited
// while the attachment was left intact.
import { bytesEqual, fromUtf8 } from './charterCrypto';
import { verifyBundle, type BundleVerdict } from './bundle';
import type { CharterBundle, ParseResult } from './bundleSchema';
import { readBundleText } from './bundleText';
import { renderCharterPdf } from './charterPdf';
import { BUNDLE_ATTACHMENT_NAME, extractAttachment } from './pdfAttachment';
import type { PdfFile } from './pdfFile';
import type { FontLoader } from './pdfFonts';
import { describePdfDifference } from './pdfPages';
import { PageLimitError } from './pdfWriter';
import { VERIFY_LIMITS, type VerifyLimits } from './verifyLimits';

export type FileVerdict =
  | { readonly readable: true; readonly kind: 'pdf' | 'json' | 'markdown'; readonly bundle: CharterBundle; readonly verdict: BundleVerdict }
  | { readonly readable: false; readonly error: string };

/** The PDF's embedded bundle, parsed, and the opened file. Never throws: a broken file is `{ ok: false }`. */
export function extractBundleFromPdf(bytes: Uint8Array, limits: VerifyLimits = VERIFY_LIMITS): ParseResult & { readonly file?: PdfFile } {
  const attachment = extractAttachment(bytes, limits);
  if (!attachment.ok) return attachment;
  let text: string;
  try {
    text = fromUtf8(attachment.bytes);
  } catch {
    return { ok: false, error: `the ${BUNDLE_ATTACHMENT_NAME} attachment is not UTF-8 text` };
  }
  const parsed = readBundleText(text, attachment.bytes.length, `the ${BUNDLE_ATTACHMENT_NAME} attachment`, limits);
  return parsed.ok ? { ...parsed, file: attachment.file } : parsed;
}

/** `fonts`: where layout 2 reads its fonts to re-render; by default the loader this runtime registered. */
export async function verifyPdf(bytes: Uint8Array, limits: VerifyLimits = VERIFY_LIMITS, fonts?: FontLoader): Promise<FileVerdict> {
  const extracted = extractBundleFromPdf(bytes, limits);
  if (!extracted.ok) return { readable: false, error: extracted.error };
  const { bundle, file } = extracted;
  const verdict = verifyBundle(bundle);
  let rendered: Uint8Array;
  try {
    rendered = await renderCharterPdf(bundle, verdict, { maxPages: limits.maxPages, ...(fonts ? { fonts } : {}) });
  } catch (err) {
    if (err instanceof PageLimitError) {
      return { readable: false, error: `the embedded charter renders to more than ${err.maxPages} pages; a verifier renders at most ${err.maxPages}, so it was not checked` };
    }
    return { readable: false, error: `the embedded bundle could not be rendered: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (bytesEqual(rendered, bytes)) return { readable: true, kind: 'pdf', bundle, verdict };
  const why = file ? describePdfDifference(file, rendered) : 'it differs from the re-rendered charter';
  const problem = `The PDF is not the rendering of the charter embedded in it: ${why}. What you see may not be what was signed.`;
  return { readable: true, kind: 'pdf', bundle, verdict: { ...verdict, valid: false, problems: [problem, ...verdict.problems] } };
}
