// Finds the charter bundle embedded in a PDF: catalog /Names /EmbeddedFiles name tree, the file
// spec named charter-bundle.json, its /EF /F stream, inflated to at most the bundle limit. Read
// with our own bounded PDF reader (pdfFile.ts), never a general PDF library, because the file
// is someone else's and may be built to exhaust whoever opens it.
import { PdfDict, PdfError, PdfString } from './pdfSyntax';
import { PdfFile } from './pdfFile';
import { formatBytes, VERIFY_LIMITS, type VerifyLimits } from './verifyLimits';

/** The name under which every export, since layout 1, attaches its bundle. */
export const BUNDLE_ATTACHMENT_NAME = 'charter-bundle.json';

/** Name trees are shallow; a deep or huge one is not from an export. */
const MAX_TREE_DEPTH = 16;
const MAX_TREE_NODES = 10_000;

export type AttachmentResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly file: PdfFile }
  | { readonly ok: false; readonly error: string };

/** Every [name, file spec] pair of the embedded-files name tree. */
function namePairs(file: PdfFile, root: PdfDict): [string, PdfDict][] {
  const out: [string, PdfDict][] = [];
  const seen = new Set<PdfDict>();
  const visit = (node: PdfDict, depth: number): void => {
    if (depth > MAX_TREE_DEPTH || seen.size >= MAX_TREE_NODES) throw new PdfError('its attachment list is deeper or larger than any export');
    if (seen.has(node)) throw new PdfError('its attachment list loops');
    seen.add(node);
    const names = file.array(node.get('Names'))?.items ?? [];
    for (let i = 0; i + 1 < names.length; i += 2) {
      const name = file.resolve(names[i]);
      const spec = file.dict(names[i + 1]);
      if (name instanceof PdfString && spec) out.push([name.text(), spec]);
    }
    for (const kid of file.array(node.get('Kids'))?.items ?? []) {
      const dict = file.dict(kid);
      if (dict) visit(dict, depth + 1);
    }
  };
  visit(root, 0);
  return out;
}

function findAttachment(file: PdfFile, limits: VerifyLimits): AttachmentResult {
  const files = file.dict(file.dict(file.catalog.get('Names'))?.get('EmbeddedFiles'));
  const matches = files ? namePairs(file, files).filter(([name]) => name === BUNDLE_ATTACHMENT_NAME) : [];
  if (matches.length === 0) return { ok: false, error: `the PDF has no ${BUNDLE_ATTACHMENT_NAME} attachment, so it is not a Bridgeboard charter` };
  // Two attachments with the same name would let a viewer show one and the verifier read the other.
  if (matches.length > 1) return { ok: false, error: `the PDF has ${matches.length} attachments named ${BUNDLE_ATTACHMENT_NAME}; a viewer could show any of them, so it is refused` };
  const spec = matches[0]?.[1];
  const stream = file.stream(file.dict(spec?.get('EF'))?.get('F'));
  if (!stream) return { ok: false, error: `the ${BUNDLE_ATTACHMENT_NAME} attachment has no embedded file stream` };
  const decoded = file.decode(stream, limits.maxBundleBytes);
  if (decoded.ok) return { ok: true, bytes: decoded.bytes, file };
  if (decoded.reason === 'too-large') {
    return { ok: false, error: `the ${BUNDLE_ATTACHMENT_NAME} attachment inflates to more than ${formatBytes(limits.maxBundleBytes)}, the limit for a charter bundle, so it was not read` };
  }
  if (decoded.reason === 'unsupported') return { ok: false, error: `the ${BUNDLE_ATTACHMENT_NAME} attachment cannot be read: ${decoded.detail}` };
  return { ok: false, error: `the ${BUNDLE_ATTACHMENT_NAME} attachment is damaged: ${decoded.detail}` };
}

/** The bundle attachment's bytes and the opened file. Never throws: a broken file is `{ ok: false }`. */
export function extractAttachment(bytes: Uint8Array, limits: VerifyLimits = VERIFY_LIMITS): AttachmentResult {
  try {
    return findAttachment(PdfFile.open(bytes), limits);
  } catch (err) {
    if (err instanceof PdfError) return { ok: false, error: `the PDF cannot be read: ${err.message}` };
    throw err;
  }
}
