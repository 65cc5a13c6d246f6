// How far the facilitator's clock is from ours. The facilitator publishes its clock in its
// presence state every couple of seconds; each arrival gives one sample, facilitator time minus
// our time at receipt. A sample is late by the network delay, so it can only underestimate the
// offset: the largest recent sample is the best estimate (the one with the least delay).

export const CLOCK_WINDOW = 12;
export const SAMPLE_MAX_AGE_MS = 120_000;

export interface ClockSample {
  /** Our clock when the sample arrived. */
  readonly receivedAt: number;
  /** Facilitator clock minus ours. */
  readonly offset: number;
}

export interface ClockOffsetEstimator {
  /** Records the facilitator's published clock value, seen at our `localNow`. */
  observe(facilitatorClock: number, localNow: number): void;
  /** Milliseconds to add to our clock to get the facilitator's; 0 until a sample arrives. */
  offset(localNow: number): number;
  samples(): readonly ClockSample[];
  reset(): void;
}

export function createClockOffsetEstimator(): ClockOffsetEstimator {
  let samples: ClockSample[] = [];
  let lastValue: number | null = null;
  const fresh = (now: number) => samples.filter((s) => now - s.receivedAt <= SAMPLE_MAX_AGE_MS && s.receivedAt <= now);
  return {
    observe(facilitatorClock, localNow) {
      // Presence is re-sent whenever any field changes; an unchanged clock value is a stale
      // copy, not a new reading, and would look as if the network were very slow.
      if (!Number.isFinite(facilitatorClock) || facilitatorClock === lastValue) return;
      lastValue = facilitatorClock;
      samples = [...fresh(localNow), { receivedAt: localNow, offset: facilitatorClock - localNow }].slice(-CLOCK_WINDOW);
    },
    offset(localNow) {
      const recent = fresh(localNow);
      const best = recent.length > 0 ? Math.max(...recent.map((s) => s.offset)) : (samples.at(-1)?.offset ?? 0);
      return best;
    },
    samples: () => samples,
    reset() {
      samples = [];
      lastValue = null;
    },
  };
}
