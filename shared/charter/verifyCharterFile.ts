// One entry point for "open a file and tell me if it is a valid charter", shared by the CLI and
// the app's verify view: sniffs PDF vs JSON, then runs the matching verification.
import { fromUtf8 } from './charterCrypto';
import { verifyBundle } from './bundle';
import { parseBundle } from './bundleSchema';
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

export async function verifyCharterFile(bytes: Uint8Array): Promise<FileVerdict> {
  return looksLikePdf(bytes) ? verifyPdf(bytes) : verifyJsonBytes(bytes);
}
