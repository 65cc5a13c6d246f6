// The framing of one record in a workshop's update log, and the scan that reads a log back.
// A record is a 12-byte header (payload length, CRC32 of the payload, CRC32 of those 8 bytes)
// followed by the payload. The header has its own checksum so a damaged length is never
// trusted: a bad length would otherwise make the scan skip or swallow good records.
import { crc32 } from 'node:zlib';

export const HEADER_BYTES = 12;
/** A Yjs update larger than this is not something a workshop board produces. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;
// Mixed into the header checksum so that a run of zero bytes never reads as a valid header.
const HEADER_SALT = 0x42424c47;

function headerCheck(header: Uint8Array): number {
  return (crc32(header.subarray(0, 8)) ^ HEADER_SALT) >>> 0;
}

export function encodeRecord(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES + payload.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, payload.byteLength, true);
  view.setUint32(4, crc32(payload), true);
  view.setUint32(8, headerCheck(out), true);
  out.set(payload, HEADER_BYTES);
  return out;
}

/** The payload of a valid record starting at `offset`, and where the next record starts. */
export function readRecordAt(bytes: Uint8Array, offset: number): { payload: Uint8Array; end: number } | null {
  if (offset + HEADER_BYTES > bytes.byteLength) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, HEADER_BYTES);
  const length = view.getUint32(0, true);
  if (length === 0 || length > MAX_RECORD_BYTES) return null;
  if (view.getUint32(8, true) !== headerCheck(bytes.subarray(offset, offset + HEADER_BYTES))) return null;
  const end = offset + HEADER_BYTES + length;
  if (end > bytes.byteLength) return null;
  const payload = bytes.subarray(offset + HEADER_BYTES, end);
  if (crc32(payload) !== view.getUint32(4, true)) return null;
  return { payload, end };
}

export type LogDamage =
  /** The log ends in a partial record: a write that never completed, so never acknowledged. */
  | { readonly kind: 'torn-tail'; readonly offset: number; readonly bytes: number }
  /** A bad record with valid records after it: data that was acknowledged is damaged. */
  | { readonly kind: 'corrupt'; readonly offset: number; readonly bytes: number };

export interface LogScan {
  readonly records: Uint8Array[];
  /** Where the valid prefix ends. */
  readonly validEnd: number;
  readonly damage: LogDamage | null;
}

/**
 * Reads records until the first one that fails its checks. A failure is a torn tail only if
 * no valid record can be found anywhere after it; records are appended strictly in order and
 * a torn tail is truncated before anything else is written, so a valid record after a bad one
 * means the damage is in the middle.
 */
export function scanLog(bytes: Uint8Array): LogScan {
  const records: Uint8Array[] = [];
  let offset = 0;
  while (offset < bytes.byteLength) {
    const record = readRecordAt(bytes, offset);
    if (record === null) {
      const kind = hasRecordAfter(bytes, offset + 1) ? 'corrupt' : 'torn-tail';
      return { records, validEnd: offset, damage: { kind, offset, bytes: bytes.byteLength - offset } };
    }
    records.push(record.payload);
    offset = record.end;
  }
  return { records, validEnd: offset, damage: null };
}

function hasRecordAfter(bytes: Uint8Array, from: number): boolean {
  for (let offset = from; offset + HEADER_BYTES < bytes.byteLength; offset += 1) {
    if (readRecordAt(bytes, offset) !== null) return true;
  }
  return false;
}

/**
 * For salvage only: every valid record, skipping over damaged stretches by searching for the
 * next record whose header and payload checksums both hold. Returns how many bytes it skipped.
 */
export function salvageLog(bytes: Uint8Array): { records: Uint8Array[]; skippedBytes: number } {
  const records: Uint8Array[] = [];
  let skippedBytes = 0;
  let offset = 0;
  while (offset < bytes.byteLength) {
    const record = readRecordAt(bytes, offset);
    if (record === null) {
      skippedBytes += 1;
      offset += 1;
      continue;
    }
    records.push(record.payload);
    offset = record.end;
  }
  return { records, skippedBytes };
}
