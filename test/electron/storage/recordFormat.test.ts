// The log framing: what counts as a torn tail (cut off silently) and what as damage (refused,
// kept for recovery). Only the end of the file cutting a record short is torn; a record the
// file holds in full that does not read is damage, the last record included.
import { describe, expect, it } from 'vitest';
import { HEADER_BYTES, encodeRecord, scanLog } from '../../../electron/main/storage/recordFormat';
import { decodeSnapshot, encodeSnapshot } from '../../../electron/main/storage/snapshotFormat';

function log(...payloads: number[][]): Uint8Array {
  const records = payloads.map((p) => encodeRecord(Uint8Array.from(p)));
  const out = new Uint8Array(records.reduce((n, r) => n + r.byteLength, 0));
  let at = 0;
  for (const r of records) {
    out.set(r, at);
    at += r.byteLength;
  }
  return out;
}

const five = log([1], [2, 2], [3, 3, 3], [4], [5, 5]);
/** Where the last record of `five` starts. */
const lastStart = five.byteLength - HEADER_BYTES - 2;

function withZeros(bytes: Uint8Array, zeros: number): Uint8Array {
  const out = new Uint8Array(bytes.byteLength + zeros);
  out.set(bytes);
  return out;
}

describe('scanLog', () => {
  it('reads every record of an intact log, with where each starts', () => {
    const scan = scanLog(five);
    expect(scan.records.map((r) => [...r.payload])).toEqual([[1], [2, 2], [3, 3, 3], [4], [5, 5]]);
    expect(scan.records.map((r) => r.offset)).toEqual([0, 13, 27, 42, 55]);
    expect(scan.damage).toBeNull();
    expect(scan.validEnd).toBe(five.byteLength);
  });

  it.each([1, 5, HEADER_BYTES, HEADER_BYTES + 1])('treats a last record cut %i bytes short as a torn tail', (cut) => {
    const torn = five.subarray(0, five.byteLength - cut);
    const scan = scanLog(torn);
    expect(scan.records).toHaveLength(4);
    expect(scan.damage).toEqual({ kind: 'torn-tail', offset: scan.validEnd, bytes: torn.byteLength - scan.validEnd });
  });

  it('treats fewer zeros than a header after the last record as a torn header', () => {
    const scan = scanLog(withZeros(five, HEADER_BYTES - 1));
    expect(scan.records).toHaveLength(5);
    expect(scan.damage).toEqual({ kind: 'torn-tail', offset: five.byteLength, bytes: HEADER_BYTES - 1 });
  });

  it('treats a header-sized run of zeros or more after the last record as damage, not a tail', () => {
    for (const zeros of [HEADER_BYTES, 40, 4096]) {
      const scan = scanLog(withZeros(five, zeros));
      expect(scan.records).toHaveLength(5);
      expect(scan.damage).toEqual({ kind: 'corrupt', offset: five.byteLength, bytes: zeros, reason: 'zeroed' });
    }
  });

  it('reports a zeroed last record, and a tail zeroed from inside a record, as damage', () => {
    const zeroedLast = Uint8Array.from(five).fill(0, lastStart);
    expect(scanLog(zeroedLast).damage).toEqual({ kind: 'corrupt', offset: lastStart, bytes: five.byteLength - lastStart, reason: 'zeroed' });
    const zeroedTail = Uint8Array.from(five).fill(0, 27 + HEADER_BYTES + 1);
    expect(scanLog(zeroedTail).damage).toMatchObject({ kind: 'corrupt', offset: 27, reason: 'bad-checksum' });
    expect(scanLog(zeroedTail).records).toHaveLength(2);
  });

  it.each([
    ['a payload byte', HEADER_BYTES * 2 + 1 + 1],
    ['a length byte', HEADER_BYTES + 1],
    ['a payload checksum byte', HEADER_BYTES + 1 + 5],
    ['a header checksum byte', HEADER_BYTES + 1 + 9],
  ])('reports a flipped %s in the middle as damage', (_what, index) => {
    const damaged = Uint8Array.from(five);
    damaged[index] = (damaged[index] ?? 0) ^ 0x40;
    const scan = scanLog(damaged);
    expect(scan.damage?.kind).toBe('corrupt');
    expect(scan.records.length).toBeLessThan(5);
  });

  it('reports any flipped bit of the last record as damage, never as a torn tail', () => {
    for (let index = lastStart; index < five.byteLength; index += 1) {
      for (const mask of [0x01, 0x10, 0x80, 0xff]) {
        const damaged = Uint8Array.from(five);
        damaged[index] = (damaged[index] ?? 0) ^ mask;
        const scan = scanLog(damaged);
        expect(scan.damage, `byte ${index} ^ ${mask}`).toMatchObject({ kind: 'corrupt', offset: lastStart, bytes: five.byteLength - lastStart });
        expect(scan.records).toHaveLength(4);
      }
    }
  });
});

describe('snapshot file', () => {
  it('round-trips and rejects any flipped byte', () => {
    const bytes = encodeSnapshot({ nextLogGen: 7, state: Uint8Array.from([9, 8, 7]) });
    const back = decodeSnapshot(bytes);
    expect(back?.nextLogGen).toBe(7);
    expect([...(back?.state ?? [])]).toEqual([9, 8, 7]);
    for (let i = 0; i < bytes.byteLength; i += 1) {
      const flipped = Uint8Array.from(bytes);
      flipped[i] = (flipped[i] ?? 0) ^ 1;
      expect(decodeSnapshot(flipped), `byte ${i}`).toBeNull();
    }
    expect(decodeSnapshot(bytes.subarray(0, bytes.byteLength - 1))).toBeNull();
  });
});

describe('every possible cut of a log', () => {
  // Non-zero payload bytes: a zero-filled tail could otherwise complete a record with its true content.
  const payloads = Array.from({ length: 6 }, (_, i) => Array.from({ length: 1 + i * 7 }, (_, j) => ((i * 31 + j) % 255) + 1));
  const full = log(...payloads);
  const ends: number[] = [];
  payloads.reduce((end, p) => (ends.push(end + HEADER_BYTES + p.length), end + HEADER_BYTES + p.length), 0);

  it('reads the complete records before a cut and calls the rest a torn tail (what a killed process leaves)', () => {
    for (let cut = 0; cut <= full.byteLength; cut += 1) {
      const complete = ends.filter((end) => end <= cut).length;
      const scan = scanLog(full.subarray(0, cut));
      expect(scan.records.length, `cut ${cut}`).toBe(complete);
      expect(scan.damage?.kind ?? 'none').toBe(cut === (ends[complete - 1] ?? 0) ? 'none' : 'torn-tail');
    }
  });

  it('with zeros after the cut (a power cut), is torn only while the file still ends inside the cut record', () => {
    for (let cut = 0; cut <= full.byteLength; cut += 1) {
      const complete = ends.filter((end) => end <= cut).length;
      const start = ends[complete - 1] ?? 0;
      const recordEnd = ends[complete] ?? Number.POSITIVE_INFINITY;
      for (const zeros of [1, 9, 4096]) {
        const bytes = withZeros(full.subarray(0, cut), zeros);
        const headerIntact = bytes.subarray(start, start + HEADER_BYTES).every((b, i) => b === full[start + i]);
        // The file ends inside the record (a partial header, or fewer bytes than its intact header says): torn.
        const torn = bytes.byteLength < start + HEADER_BYTES || (headerIntact && bytes.byteLength < recordEnd);
        const scan = scanLog(bytes);
        expect(scan.records.length, `cut ${cut} + ${zeros} zeros`).toBe(complete);
        expect(scan.damage?.kind, `cut ${cut} + ${zeros} zeros`).toBe(torn ? 'torn-tail' : 'corrupt');
      }
    }
  });
});
