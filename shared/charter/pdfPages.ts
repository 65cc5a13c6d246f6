// Says which pages of a PDF differ from the signed charter's rendering, to name *what* changed
// and not only *that* something did. Both files are read with the bounded reader; the other
// file's pages are only read as far as the rendering's own: at most one page more than it has,
// and no page's content inflated past the size of the rendered page's, which is all that
// "equal or not" needs.
import { bytesEqual } from './charterCrypto';
import { PdfDict, PdfError } from './pdfSyntax';
import { PdfFile } from './pdfFile';

const MAX_TREE_DEPTH = 32;

/** The page dictionaries in order, stopping after `maxPages`. */
function pages(file: PdfFile, maxPages: number): PdfDict[] {
  const out: PdfDict[] = [];
  const seen = new Set<PdfDict>();
  const visit = (node: PdfDict, depth: number): void => {
    if (out.length >= maxPages) return;
    if (depth > MAX_TREE_DEPTH || seen.has(node)) throw new PdfError('its page tree loops or is deeper than any export');
    seen.add(node);
    const kids = file.array(node.get('Kids'));
    if (!kids) {
      out.push(node);
      return;
    }
    for (const kid of kids.items) {
      const dict = file.dict(kid);
      if (!dict) throw new PdfError('its page tree names something that is not a page');
      visit(dict, depth + 1);
      if (out.length >= maxPages) return;
    }
  };
  const root = file.dict(file.catalog.get('Pages'));
  if (!root) throw new PdfError('it has no page tree');
  visit(root, 0);
  return out;
}

/** A page's content streams, decoded and joined; null when larger than `maxBytes` or unreadable. */
function content(file: PdfFile, page: PdfDict, maxBytes: number): Uint8Array | null {
  const contents = page.get('Contents');
  const refs = file.array(contents)?.items ?? [contents];
  const parts: Uint8Array[] = [];
  let total = 0;
  for (const ref of refs) {
    const stream = file.stream(ref);
    if (!stream) return null;
    const decoded = file.decode(stream, maxBytes - total);
    if (!decoded.ok) return null;
    parts.push(decoded.bytes);
    total += decoded.bytes.length;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** In words, how `file` differs from `expected` (the re-rendered charter, which does differ). */
export function describePdfDifference(file: PdfFile, expected: Uint8Array): string {
  try {
    const want = PdfFile.open(expected);
    const wanted = pages(want, Number.MAX_SAFE_INTEGER);
    const found = pages(file, wanted.length + 1);
    if (found.length !== wanted.length) {
      return `it has ${found.length > wanted.length ? 'more than ' : ''}${Math.min(found.length, wanted.length)} pages where the signed charter renders to ${wanted.length}`;
    }
    const changed: number[] = [];
    wanted.forEach((page, i) => {
      const mine = content(want, page, Number.MAX_SAFE_INTEGER) ?? new Uint8Array();
      const theirs = content(file, found[i] as PdfDict, mine.length + 1);
      if (!theirs || !bytesEqual(mine, theirs)) changed.push(i + 1);
    });
    if (changed.length) return `the text or drawing of page ${changed.join(', ')} differs from the signed charter`;
    return 'the pages read the same, but other bytes (metadata, fonts, structure or the attachment encoding) were changed';
  } catch (err) {
    if (err instanceof PdfError) return 'the file could not be compared page by page';
    throw err;
  }
}
