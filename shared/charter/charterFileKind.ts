// What kind of charter file this is, from its structure: a PDF starts with "%PDF-", a JSON export
// is UTF-8 text that starts with "{", anything else that is UTF-8 text may be a Markdown export.
// "%PDF-" somewhere inside a JSON or Markdown charter (a card may quote it) decides nothing.
import { fromUtf8 } from './charterCrypto';

export type CharterFileKind =
  | { readonly kind: 'pdf' }
  | { readonly kind: 'json'; readonly text: string }
  | { readonly kind: 'markdown'; readonly text: string }
  | { readonly kind: 'unreadable'; readonly reason: string };

const PDF_MAGIC = [...'%PDF-'].map((c) => c.charCodeAt(0));
const BOM = '\ufeff';

const pdfHeaderAt = (bytes: Uint8Array, from: number, to: number): number => {
  for (let i = from; i + PDF_MAGIC.length <= Math.min(to, bytes.length); i++) if (PDF_MAGIC.every((b, k) => bytes[i + k] === b)) return i;
  return -1;
};

export function charterFileKind(bytes: Uint8Array): CharterFileKind {
  if (bytes.length === 0) return { kind: 'unreadable', reason: 'the file is empty (0 bytes), so it is not a charter export' };
  if (pdfHeaderAt(bytes, 0, PDF_MAGIC.length) === 0) return { kind: 'pdf' };
  let text: string;
  try {
    text = fromUtf8(bytes);
  } catch {
    // The PDF format lets the header start later; Bridgeboard's never does, so say what we see.
    const at = pdfHeaderAt(bytes, 1, 1024);
    if (at > 0) return { kind: 'unreadable', reason: `it has ${at} bytes before its "%PDF-" header, and a Bridgeboard PDF starts with it: it is not an export` };
    return { kind: 'unreadable', reason: 'it is neither a PDF nor UTF-8 text (a JSON or Markdown export), so it is not a charter export' };
  }
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  if (body.trim() === '') return { kind: 'unreadable', reason: 'the file is empty (only spaces and line breaks), so it is not a charter export' };
  // JSON allows a byte-order mark (RFC 8259, 8.1); the Markdown check needs the text as it is.
  if (/^\s*[{[]/.test(body)) return { kind: 'json', text: body };
  return { kind: 'markdown', text };
}
