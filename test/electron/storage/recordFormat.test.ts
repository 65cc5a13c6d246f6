// The log framing: what counts as a torn tail (skipped) and what as corruption (refused).
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

describe('scanLog', () => {
  it('reads every record of an intact log', () => {
    const scan = scanLog(five);
    expect(scan.records.map((r) => [...r])).toEqual([[1], [2, 2], [3, 3, 3], [4], [5, 5]]);
    expect(scan.damage).toBeNull();
    expect(scan.validEnd).toBe(five.byteLength);
  });

  it.each([1, 5, HEADER_BYTES, HEADER_BYTES + 1])('treats a last record cut %i bytes short as a torn tail', (cut) => {
    const torn = five.subarray(0, five.byteLength - cut);
    const scan = scanLog(torn);
    expect(scan.records).toHaveLength(4);
    expect(scan.damage).toEqual({ kind: 'torn-tail', offset: scan.validEnd, bytes: torn.byteLength - scan.validEnd });
  });

  it('treats trailing zeros (a file extended but never written) as a torn tail', () => {
    const withZeros = new Uint8Array(five.byteLength + 40);
    withZeros.set(five);
    const scan = scanLog(withZeros);
    expect(scan.records).toHaveLength(5);
    expect(scan.damage).toEqual({ kind: 'torn-tail', offset: five.byteLength, bytes: 40 });
  });

  it.each([
    ['a payload byte', HEADER_BYTES * 2 + 1 + 1],
    ['a length byte', HEADER_BYTES + 1],
    ['a payload checksum byte', HEADER_BYTES + 1 + 5],
    ['a header checksum byte', HEADER_BYTES + 1 + 9],
  ])('reports a flipped %s in the middle as corruption, not a tail', (_what, index) => {
    const damaged = Uint8Array.from(five);
    damaged[index] = (damaged[index] ?? 0) ^ 0x40;
    const scan = scanLog(damaged);
    expect(scan.damage?.kind).toBe('corrupt');
    expect(scan.records.length).toBeLessThan(5);
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
  it('reads the complete records before the cut and calls the rest a torn tail, zero-filled or not', () => {
    // Non-zero payload bytes: a zero-filled tail could otherwise complete a record with its true content.
    const payloads = Array.from({ length: 6 }, (_, i) => Array.from({ length: 1 + i * 7 }, (_, j) => ((i * 31 + j) % 255) + 1));
    const full = log(...payloads);
    const ends: number[] = [];
    payloads.reduce((end, p) => (ends.push(end + HEADER_BYTES + p.length), end + HEADER_BYTES + p.length), 0);
    for (let cut = 0; cut <= full.byteLength; cut += 1) {
      const complete = ends.filter((end) => end <= cut).length;
      for (const zeros of [0, 9, 4096]) {
        const bytes = new Uint8Array(cut + zeros);
        bytes.set(full.subarray(0, cut));
        const scan = scanLog(bytes);
        expect(scan.records.length, `cut ${cut} + ${zeros} zeros`).toBe(complete);
        expect(scan.damage?.kind ?? 'none').toBe(bytes.byteLength === (ends[complete - 1] ?? 0) ? 'none' : 'torn-tail');
      }
    }
  });
});
