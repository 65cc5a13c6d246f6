// One entry point for "open a file and tell me if it is a valid charter", shared by the CLI and
// the app's verify view: sniffs PDF vs JSON, then runs the matching verification.
import { fromUtf8 } from './charterCrypto';
import { verifyBundle } from './bundle';
import { parseBundle } from './bundleSchema';
import { bundleTextFromMarkdown, renderCharterMarkdown } from './charterMarkdown';
import { verifyPdf, type FileVerdict } from './charterPdfVerify';

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export const looksLikePdf = (bytes: Uint8Array): boolean => {
  // The PDF spec lets the header sit anywhere in the first 1024 bytes.
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + PDF_MAGIC.length <= head.length; i++) if (PDF_MAGIC.every((b, k) => head[i + k] === b)) return true;
  return false;
};

export function verifyJsonBytes(bytes: Uint8Array): FileVerdict {
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(bytes));
  } catch {
    return { readable: false, error: 'the file is neither a PDF nor valid UTF-8 JSON' };
  }
  const parsed = parseBundle(json);
  if (!parsed.ok) return { readable: false, error: parsed.error };
  return { readable: true, kind: 'json', bundle: parsed.bundle, verdict: verifyBundle(parsed.bundle) };
}

/** A Markdown export carries its bundle; re-rendering proves the visible text is the signed text. */
export function verifyMarkdownText(markdown: string): FileVerdict {
  const json = bundleTextFromMarkdown(markdown);
  if (json === null) return { readable: false, error: 'the Markdown file has no embedded charter bundle' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { readable: false, error: 'the charter bundle in the Markdown file is not valid JSON' };
  }
  const parsed = parseBundle(value);
  if (!parsed.ok) return { readable: false, error: parsed.error };
  const verdict = verifyBundle(parsed.bundle);
  if (renderCharterMarkdown(parsed.bundle, verdict) === markdown) return { readable: true, kind: 'markdown', bundle: parsed.bundle, verdict };
  const problem = 'The Markdown text is not the rendering of the charter embedded in it: what you read may not be what was signed.';
  return { readable: true, kind: 'markdown', bundle: parsed.bundle, verdict: { ...verdict, valid: false, problems: [problem, ...verdict.problems] } };
}

export async function verifyCharterFile(bytes: Uint8Array): Promise<FileVerdict> {
  if (looksLikePdf(bytes)) return verifyPdf(bytes);
  let text: string;
  try {
    text = fromUtf8(bytes);
  } catch {
    return { readable: false, error: 'the file is neither a PDF nor UTF-8 text' };
  }
  return text.trimStart().startsWith('{') ? verifyJsonBytes(bytes) : verifyMarkdownText(text);
}
