// What a verifier will read, and no more. A charter file comes from someone else, so every cost of
// verifying it is bounded up front: the file's size (checked before it is read), what its bundle
// may grow to once decompressed, and how many signatures are checked. The limits are part of the
// charter format's contract (docs/charter-format.md, section 10); a file past one is refused as
// unreadable with the limit named, never half-read.
//
// Why these values: a 2,000-item charter with a workshop's usual text (the board of
// bench/charterBench.ts, at 2,000 items) has a 0.6 MiB bundle and exports to a 218-page, 0.6 MiB
// PDF and a 1.1 MiB Markdown file; a room of a few dozen people signs it. Each limit leaves room
// for at least that charter, while the worst file under all of them still gets its answer within
// 5 s and 300 MB (bench/hostileVerifyBench.ts measures the worst we know).

export interface VerifyLimits {
  /** The largest file read at all, of any kind. */
  readonly maxFileBytes: number;
  /** The largest bundle (its JSON text): the JSON file, the Markdown's block, the PDF's attachment once inflated. */
  readonly maxBundleBytes: number;
  /** Each signature costs one or two Ed25519 verifications (a few ms in pure JS). */
  readonly maxSignatures: number;
  /** Re-rendering a PDF costs time per page drawn; a bundle of many tiny items draws the most. */
  readonly maxPages: number;
}

export const VERIFY_LIMITS: VerifyLimits = {
  maxFileBytes: 4 * 1024 * 1024,
  maxBundleBytes: 1024 * 1024,
  maxSignatures: 100,
  maxPages: 500,
};

/** "4 MiB", "1.5 MiB", "812 KiB", "95 bytes": sizes as the refusals state them. */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 ** 3, 'GiB'],
    [1024 ** 2, 'MiB'],
    [1024, 'KiB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${value >= 100 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)} ${unit}`;
    }
  }
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

/** A size over a limit and the limit, in bytes where rounding would make them read the same. */
export function overLimit(size: number, limit: number): { readonly size: string; readonly limit: string } {
  const a = formatBytes(size);
  const b = formatBytes(limit);
  return a.replace('.0 ', ' ') === b ? { size: `${size} bytes`, limit: `${limit} bytes` } : { size: a, limit: b };
}

/** The refusal for a file over the size limit, worded the same by the CLI and the app. */
export function fileTooLargeReason(size: number, limits: VerifyLimits = VERIFY_LIMITS): string {
  const over = overLimit(size, limits.maxFileBytes);
  return `the file is ${over.size}; a charter export is at most ${over.limit}, so it was not read`;
}
