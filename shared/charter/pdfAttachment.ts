// Finds the charter bundle embedded in a PDF: catalog /Names /EmbeddedFiles name tree, the file
// spec named charter-bundle.json, its /EF /F stream. Low-level pdf-lib, because the high-level
// API can attach files but not read them back.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFHexString, PDFString, decodePDFRawStream } from 'pdf-lib';
import { fromUtf8 } from './charterCrypto';
import { parseBundle, type ParseResult } from './bundleSchema';
import { BUNDLE_ATTACHMENT_NAME } from './charterPdf';

const nameOf = (value: unknown): string | null =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;

/** Collects [name, filespec] pairs of a name tree, following /Kids (depth-limited against loops). */
function namePairs(node: PDFDict, depth = 0): [string, PDFDict][] {
  if (depth > 16) return [];
  const out: [string, PDFDict][] = [];
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const name = nameOf(names.lookup(i));
      const spec = names.lookup(i + 1);
      if (name !== null && spec instanceof PDFDict) out.push([name, spec]);
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids) {
    for (let i = 0; i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) out.push(...namePairs(kid, depth + 1));
    }
  }
  return out;
}

/** The attachment's bytes, or null when the PDF has no such attachment. */
export function attachmentBytes(doc: PDFDocument, wanted: string): Uint8Array | null {
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const files = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  if (!files) return null;
  const matches = namePairs(files).filter(([name]) => name === wanted);
  // Two attachments with the same name would let a viewer show one and the verifier read the other.
  if (matches.length !== 1) return null;
  const spec = matches[0]?.[1];
  const stream = spec?.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
  return stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : null;
}


/** Parses the PDF and its embedded bundle. Never throws: a broken file is `{ ok: false }`. */
export async function extractBundleFromPdf(bytes: Uint8Array): Promise<ParseResult & { readonly doc?: PDFDocument }> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (err) {
    return { ok: false, error: `not a readable PDF: ${err instanceof Error ? err.message : String(err)}` };
  }
  let raw: Uint8Array | null;
  try {
    raw = attachmentBytes(doc, BUNDLE_ATTACHMENT_NAME);
  } catch (err) {
    return { ok: false, error: `the PDF's attachment is damaged: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (!raw) return { ok: false, error: `the PDF has no single ${BUNDLE_ATTACHMENT_NAME} attachment, so it is not a Bridgeboard charter` };
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(raw));
  } catch {
    return { ok: false, error: `the ${BUNDLE_ATTACHMENT_NAME} attachment is not valid JSON` };
  }
  const parsed = parseBundle(json);
  return parsed.ok ? { ...parsed, doc } : parsed;
}
