// The shared timer: start, pause, resume, extend, stop, and the same remaining time on peers
// whose clocks are minutes apart, once each has estimated its offset to the facilitator.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createClockOffsetEstimator, formatRemaining, readFacilitation, remainingMs, timerEnded } from '../../../shared/facilitation';
import { act, testKey, WORKSHOP } from '../../support/facilitatorKeys';

const facilitator = testKey(3);
const T0 = 1_800_000_000_000;
const state = (doc: Y.Doc) => readFacilitation(doc, WORKSHOP, facilitator.publicKey).timer;

describe('shared timer', () => {
  it('counts down, pauses, resumes, extends and stops', async () => {
    const doc = new Y.Doc();
    await act(doc, facilitator, 1, { type: 'timer.start', durationMs: 300_000, at: T0 });
    expect(formatRemaining(remainingMs(state(doc), T0 + 60_000) ?? -1)).toBe('4:00');
    // Read with a clock from before the start (a display's last tick 36 s ago): never more than the length.
    expect(formatRemaining(remainingMs(state(doc), T0 - 36_000) ?? -1)).toBe('5:00');
    await act(doc, facilitator, 2, { type: 'timer.pause', at: T0 + 60_000 });
    // Paused: the time left does not move however late a peer looks.
    expect(remainingMs(state(doc), T0 + 3_600_000)).toBe(240_000);
    await act(doc, facilitator, 3, { type: 'timer.resume', at: T0 + 120_000 });
    expect(remainingMs(state(doc), T0 + 120_000)).toBe(240_000);
    await act(doc, facilitator, 4, { type: 'timer.extend', byMs: 120_000, at: T0 + 150_000 });
    expect(remainingMs(state(doc), T0 + 150_000)).toBe(330_000);
    expect(timerEnded(state(doc), T0 + 480_000)).toBe(true);
    expect(formatRemaining(remainingMs(state(doc), T0 + 480_000) ?? -1)).toBe('0:00');
    await act(doc, facilitator, 5, { type: 'timer.stop' });
    expect(remainingMs(state(doc), T0)).toBeNull();
  });

  it('extending a timer that already ran out gives the full extension from the click', async () => {
    const doc = new Y.Doc();
    await act(doc, facilitator, 1, { type: 'timer.start', durationMs: 60_000, at: T0 });
    await act(doc, facilitator, 2, { type: 'timer.extend', byMs: 120_000, at: T0 + 600_000 });
    expect(remainingMs(state(doc), T0 + 600_000)).toBe(120_000);
  });

  it('shows 0:00 exactly when time is up, and 0:01 a moment before', () => {
    expect(formatRemaining(1)).toBe('0:01');
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(61_000)).toBe('1:01');
  });

  it('peers with clocks minutes off show the same remaining time within a second', async () => {
    const doc = new Y.Doc();
    const facilitatorClock = (real: number) => real; // the reference
    await act(doc, facilitator, 1, { type: 'timer.start', durationMs: 600_000, at: facilitatorClock(T0) });
    const skews = [-7 * 60_000, -1_500, 0, 2_345, 11 * 60_000 + 17];
    let seed = 11;
    const jitter = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return 5 + (seed % 400); // 5..404 ms of network delay
    };
    for (const skew of skews) {
      const estimator = createClockOffsetEstimator();
      // Presence carries the facilitator's clock every 2 s for 20 s, each copy delayed.
      for (let t = T0; t < T0 + 20_000; t += 2_000) {
        const arrival = t + jitter();
        estimator.observe(facilitatorClock(t), arrival + skew);
      }
      const real = T0 + 30_000;
      const local = real + skew;
      const shown = remainingMs(state(doc), local + estimator.offset(local)) ?? -1;
      const truth = remainingMs(state(doc), facilitatorClock(real)) ?? -1;
      expect(Math.abs(shown - truth)).toBeLessThan(1_000);
      // What people see (whole seconds) differs by at most one tick.
      expect(Math.abs(Math.ceil(shown / 1000) - Math.ceil(truth / 1000))).toBeLessThanOrEqual(1);
    }
  });

  it('an unchanged clock value re-sent with other presence is not taken as a new reading', () => {
    const estimator = createClockOffsetEstimator();
    estimator.observe(T0, T0 + 10);
    estimator.observe(T0, T0 + 5_000); // the same value, 5 s later: stale
    expect(estimator.offset(T0 + 5_000)).toBe(-10);
  });
});
