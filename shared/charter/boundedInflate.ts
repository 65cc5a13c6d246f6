// Inflates a zlib stream (a PDF's FlateDecode) without ever holding more than `maxBytes` of output:
// a 200 KB stream can hold 200 MiB or more, and one deflate block can hold all of it, so a
// decoder that finishes a block before looking at the size (pdf-lib's does) is no bound at all.
// fflate's streaming inflater stops wherever its input ends, so feeding it small slices caps
// what one step can produce at about 1,032 times the slice.
import { Unzlib } from 'fflate';

export type InflateResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'too-large' | 'damaged'; readonly detail: string };

/** At most ~4 MiB of output per step, whatever the input. */
const SLICE_BYTES = 4096;

class TooLarge extends Error {}

export function inflateAtMost(data: Uint8Array, maxBytes: number): InflateResult {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Unzlib((chunk, final) => {
    total += chunk.length;
    // Thrown from inside push(), so fflate stops at once instead of finishing the slice.
    if (total > maxBytes) throw new TooLarge();
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let at = 0; at < data.length && !ended; at += SLICE_BYTES) inflater.push(data.subarray(at, at + SLICE_BYTES), at + SLICE_BYTES >= data.length);
  } catch (err) {
    if (err instanceof TooLarge) return { ok: false, reason: 'too-large', detail: `it inflates to more than ${maxBytes} bytes` };
    return { ok: false, reason: 'damaged', detail: err instanceof Error ? err.message : String(err) };
  }
  if (!ended) return { ok: false, reason: 'damaged', detail: 'the compressed data ends early' };
  if (chunks.length === 1 && chunks[0]) return { ok: true, bytes: chunks[0] };
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, bytes };
}
