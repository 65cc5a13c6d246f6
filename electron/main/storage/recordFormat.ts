// The framing of one record in a workshop's update log, and the scan that reads a log back and
// tells a torn tail (cut off silently) from damage (reported, kept).
//
// A record is a 12-byte header (payload length, CRC32 of the payload, CRC32 of those 8 bytes)
// followed by the payload. The header has its own checksum so a damaged length is never
// trusted: a bad length would otherwise make the scan skip or swallow good records, or make a
// damaged record look cut short.
//
// Torn or damaged. A flush writes a whole batch of records in one write and acknowledges them
// only after its fdatasync; the next batch is written only after that. So at most one batch is
// unacknowledged, at the end of the newest log, and a crash can leave only this of it:
// - a process crash (kill, app crash, out of memory): the file ends part-way through the batch
//   and every byte present is what was written, so the last record is cut short: its header is
//   partial, or it says N bytes and fewer follow.
// - a power cut or kernel crash can in addition leave blocks of that batch reading as zeros: the
//   file's new size reached the disk but its data did not (XFS unwritten extents and NTFS's
//   valid data length are known to; ext4 and APFS make it rarer but promise nothing). Modern
//   filesystems never show stale bytes there: only zeros or what was written.
// Bit rot, a bad sector or a filesystem bug leave flipped bytes or zeroed blocks anywhere,
// including over the last acknowledged record. A zeroed last batch is then byte for byte the
// same whether it was acknowledged or not, so no format can tell those two apart.
//
// The rule, therefore: the file's length is trusted (fdatasync made it durable), its contents are
// checked. A record the file holds in full must read intact; if it does not (a header that fails
// its checksum, zeros, a payload that fails its checksum) it is damage: acknowledged data may be
// lost, so the user is told and nothing is cut. Only a record the end of the file cuts short is a
// torn tail. The price: after a power cut on a filesystem that leaves zeros, the unacknowledged
// batch is reported as damage instead of being dropped quietly; recovery then loses nothing.
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

/** Why a record that the file holds in full does not read. */
export type DamageReason = 'zeroed' | 'bad-header' | 'bad-checksum';

export type RecordAt =
  | { readonly kind: 'record'; readonly payload: Uint8Array; readonly end: number }
  /** The file ends before the record does: a write that never completed. */
  | { readonly kind: 'torn' }
  | { readonly kind: 'damaged'; readonly reason: DamageReason };

const TORN: RecordAt = { kind: 'torn' };
const allZero = (bytes: Uint8Array): boolean => bytes.every((byte) => byte === 0);

/** The record starting at `offset`: intact (with where the next one starts), cut short, or damaged. */
export function readRecordAt(bytes: Uint8Array, offset: number): RecordAt {
  if (offset + HEADER_BYTES > bytes.byteLength) return TORN;
  const header = bytes.subarray(offset, offset + HEADER_BYTES);
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, HEADER_BYTES);
  const length = view.getUint32(0, true);
  if (view.getUint32(8, true) !== headerCheck(header) || length === 0 || length > MAX_RECORD_BYTES) {
    return { kind: 'damaged', reason: allZero(header) ? 'zeroed' : 'bad-header' };
  }
  const end = offset + HEADER_BYTES + length;
  // Only now, with the length vouched for by the header checksum, may a short file mean "torn".
  if (end > bytes.byteLength) return TORN;
  const payload = bytes.subarray(offset + HEADER_BYTES, end);
  if (crc32(payload) !== view.getUint32(4, true)) return { kind: 'damaged', reason: allZero(payload) ? 'zeroed' : 'bad-checksum' };
  return { kind: 'record', payload, end };
}

export interface LogRecord {
  /** Where the record's header starts in its log file. */
  readonly offset: number;
  readonly payload: Uint8Array;
}

export type LogDamage =
  /** The log ends inside a record: a write that never completed, so never acknowledged. */
  | { readonly kind: 'torn-tail'; readonly offset: number; readonly bytes: number }
  /** A record the file holds in full does not read: data that may have been acknowledged is damaged. */
  | { readonly kind: 'corrupt'; readonly offset: number; readonly bytes: number; readonly reason: DamageReason };

export interface LogScan {
  readonly records: LogRecord[];
  /** Where the valid prefix ends. */
  readonly validEnd: number;
  /** The first record that does not read, and the bytes from it to the end of the file. */
  readonly damage: LogDamage | null;
}

/** Reads records until the first one that does not read, and says whether that one is torn or damaged. */
export function scanLog(bytes: Uint8Array): LogScan {
  const records: LogRecord[] = [];
  let offset = 0;
  while (offset < bytes.byteLength) {
    const record = readRecordAt(bytes, offset);
    if (record.kind !== 'record') {
      const rest = bytes.byteLength - offset;
      const damage: LogDamage = record.kind === 'torn' ? { kind: 'torn-tail', offset, bytes: rest } : { kind: 'corrupt', offset, bytes: rest, reason: record.reason };
      return { records, validEnd: offset, damage };
    }
    records.push({ offset, payload: record.payload });
    offset = record.end;
  }
  return { records, validEnd: offset, damage: null };
}

/**
 * For salvage only: every intact record, skipping over damaged stretches by searching for the
 * next record whose header and payload checksums both hold. Returns how many bytes it skipped.
 */
export function salvageLog(bytes: Uint8Array): { records: LogRecord[]; skippedBytes: number } {
  const records: LogRecord[] = [];
  let skippedBytes = 0;
  let offset = 0;
  while (offset < bytes.byteLength) {
    const record = readRecordAt(bytes, offset);
    if (record.kind !== 'record') {
      skippedBytes += 1;
      offset += 1;
      continue;
    }
    records.push({ offset, payload: record.payload });
    offset = record.end;
  }
  return { records, skippedBytes };
}
