// One entry point for "open a file and tell me if it is a valid charter", shared by the CLI and
// the app's verifier: refuses a file over the size limit before anything else, tells the kind
// from the file's structure, then runs the matching verification within the limits.
import { verifyBundle } from './bundle';
import { readBundleText, utf8Length } from './bundleText';
import { charterFileKind } from './charterFileKind';
import { bundleTextFromMarkdown, MARKDOWN_BUNDLE_FENCE, renderCharterMarkdown } from './charterMarkdown';
import { verifyPdf, type FileVerdict } from './charterPdfVerify';
import type { FontLoader } from './pdfFonts';
import { fileTooLargeReason, VERIFY_LIMITS, type VerifyLimits } from './verifyLimits';

export function verifyJsonText(text: string, limits: VerifyLimits = VERIFY_LIMITS): FileVerdict {
  const parsed = readBundleText(text, utf8Length(text), 'the JSON file', limits);
  if (!parsed.ok) return { readable: false, error: parsed.error };
  return { readable: true, kind: 'json', bundle: parsed.bundle, verdict: verifyBundle(parsed.bundle) };
}

/** What was done to a Markdown export that leaves its text otherwise intact, in words. */
function conversions(markdown: string): { readonly text: string; readonly changes: readonly string[] } {
  const changes: string[] = [];
  let text = markdown;
  if (text.startsWith('\ufeff')) {
    text = text.slice(1);
    changes.push('a byte-order mark was added at its start');
  }
  if (text.includes('\r\n')) {
    text = text.replace(/\r\n/g, '\n');
    changes.push('its line endings were changed to Windows line endings (CRLF)');
  }
  return { text, changes };
}

/** A Markdown export carries its bundle; re-rendering proves the visible text is the signed text. */
export function verifyMarkdownText(markdown: string, limits: VerifyLimits = VERIFY_LIMITS): FileVerdict {
  const converted = conversions(markdown);
  const json = bundleTextFromMarkdown(converted.text);
  if (json === null) {
    return { readable: false, error: `it is text, but not a charter export: a JSON export starts with "{", and a Markdown export ends with a ${MARKDOWN_BUNDLE_FENCE} block, which it does not have` };
  }
  const parsed = readBundleText(json, utf8Length(json), 'the charter bundle in the Markdown file', limits);
  if (!parsed.ok) return { readable: false, error: parsed.error };
  const verdict = verifyBundle(parsed.bundle);
  const rendered = renderCharterMarkdown(parsed.bundle, verdict);
  if (rendered === markdown) return { readable: true, kind: 'markdown', bundle: parsed.bundle, verdict };
  const { changes } = converted;
  const problem =
    rendered === converted.text
      ? `The Markdown file was changed after export: ${changes.join(', and ')}. Otherwise it is the rendering of the charter embedded in it, but it is not the exported file; undo ${changes.length > 1 ? 'those changes' : 'that change'} and verify it again.`
      : `The Markdown text is not the rendering of the charter embedded in it: what you read may not be what was signed.${changes.length ? ` Also, ${changes.join(', and ')}.` : ''}`;
  return { readable: true, kind: 'markdown', bundle: parsed.bundle, verdict: { ...verdict, valid: false, problems: [problem, ...verdict.problems] } };
}

/** `fonts`: where a PDF's layout 2 reads its fonts; by default the loader this runtime registered. */
export async function verifyCharterFile(bytes: Uint8Array, limits: VerifyLimits = VERIFY_LIMITS, fonts?: FontLoader): Promise<FileVerdict> {
  if (bytes.length > limits.maxFileBytes) return { readable: false, error: fileTooLargeReason(bytes.length, limits) };
  const kind = charterFileKind(bytes);
  switch (kind.kind) {
    case 'pdf':
      return verifyPdf(bytes, limits, fonts);
    case 'json':
      return verifyJsonText(kind.text, limits);
    case 'markdown':
      return verifyMarkdownText(kind.text, limits);
    case 'unreadable':
      return { readable: false, error: kind.reason };
  }
}
