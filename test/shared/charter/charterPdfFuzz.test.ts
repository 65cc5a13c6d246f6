// Random byte flips anywhere in an exported PDF (seeded, so a failure replays): each damaged
// copy must be reported unreadable or invalid, never valid.
import { describe, expect, it } from 'vitest';
import { renderCharterPdf, verifyCharterFile } from '../../../shared/charter';
import { makeRoom, signedBundle } from './charterFixtures';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('PDF byte flips', () => {
  it('never turns a damaged PDF into a valid one', async () => {
    const pdf = await renderCharterPdf(signedBundle(makeRoom()));
    const random = mulberry32(0xb71d6e);
    const outcomes = { unreadable: 0, invalid: 0 };
    for (let round = 0; round < 120; round++) {
      const copy = pdf.slice();
      const flips = 1 + Math.floor(random() * 3);
      for (let i = 0; i < flips; i++) {
        const at = Math.floor(random() * copy.length);
        copy[at] = (copy[at] ?? 0) ^ (1 << Math.floor(random() * 8));
      }
      const result = await verifyCharterFile(copy);
      if (!result.readable) outcomes.unreadable += 1;
      else {
        expect(result.verdict.valid, `round ${round}`).toBe(false);
        expect(result.verdict.problems.length).toBeGreaterThan(0);
        outcomes.invalid += 1;
      }
    }
    expect(outcomes.unreadable + outcomes.invalid).toBe(120);
  });
});
