// Verifying a charter PDF: the embedded bundle must verify, and re-rendering it must give back
// exactly these bytes. The second check is what catches a PDF whose visible pages were edited
// while the attachment was left intact.
import { PDFDocument, PDFName, PDFRawStream, PDFArray, decodePDFRawStream, type PDFPage } from 'pdf-lib';
import { bytesEqual } from './charterCrypto';
import { verifyBundle, type BundleVerdict } from './bundle';
import type { CharterBundle } from './bundleSchema';
import { renderCharterPdf } from './charterPdf';
import { extractBundleFromPdf } from './pdfAttachment';

export type FileVerdict =
  | { readonly readable: true; readonly kind: 'pdf' | 'json' | 'markdown'; readonly bundle: CharterBundle; readonly verdict: BundleVerdict }
  | { readonly readable: false; readonly error: string };

function pageContent(page: PDFPage): Uint8Array {
  const contents = page.node.get(PDFName.of('Contents'));
  const streams: PDFRawStream[] = [];
  const resolved = page.node.context.lookup(contents);
  if (resolved instanceof PDFRawStream) streams.push(resolved);
  if (resolved instanceof PDFArray) {
    for (let i = 0; i < resolved.size(); i++) {
      const s = resolved.lookup(i);
      if (s instanceof PDFRawStream) streams.push(s);
    }
  }
  const parts = streams.map((s) => decodePDFRawStream(s).decode());
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Which pages differ, in words, to say *what* changed and not only *that* something did. */
async function describeDifference(doc: PDFDocument, expected: Uint8Array): Promise<string> {
  try {
    const want = await PDFDocument.load(expected, { updateMetadata: false });
    const a = doc.getPages();
    const b = want.getPages();
    if (a.length !== b.length) return `it has ${a.length} pages where the signed charter renders to ${b.length}`;
    const changed = b.map((page, i) => (bytesEqual(pageContent(page), pageContent(a[i] as PDFPage)) ? 0 : i + 1)).filter((n) => n > 0);
    if (changed.length) return `the text or drawing of page ${changed.join(', ')} differs from the signed charter`;
    return 'the pages read the same, but other bytes (metadata, fonts, structure or the attachment encoding) were changed';
  } catch {
    return 'the file could not be compared page by page';
  }
}

export async function verifyPdf(bytes: Uint8Array): Promise<FileVerdict> {
  const extracted = await extractBundleFromPdf(bytes);
  if (!extracted.ok) return { readable: false, error: extracted.error };
  const { bundle, doc } = extracted;
  const verdict = verifyBundle(bundle);
  let rendered: Uint8Array;
  try {
    rendered = await renderCharterPdf(bundle, verdict);
  } catch (err) {
    return { readable: false, error: `the embedded bundle could not be rendered: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (bytesEqual(rendered, bytes)) return { readable: true, kind: 'pdf', bundle, verdict };
  const why = doc ? await describeDifference(doc, rendered) : 'it differs from the re-rendered charter';
  const problem = `The PDF is not the rendering of the charter embedded in it: ${why}. What you see may not be what was signed.`;
  return { readable: true, kind: 'pdf', bundle, verdict: { ...verdict, valid: false, problems: [problem, ...verdict.problems] } };
}
