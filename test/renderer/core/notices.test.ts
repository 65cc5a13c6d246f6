// Notices go away by themselves (issue 15, point 6): information after its reading time, not
// while held (pointer or focus on them); errors stay until dismissed; neither kind piles up.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_NOTICES_PER_KIND, NOTICE_GRACE_MS, notifyError, notifyInfo, readingTimeMs, uiStore } from '../../../renderer/src/core/notices';

const texts = (kind: 'info' | 'error') => uiStore.getState().notices.filter((n) => n.kind === kind).map((n) => n.text);

beforeEach(() => {
  vi.useFakeTimers();
  uiStore.getState().holdNotices(false);
  for (const n of uiStore.getState().notices) uiStore.getState().dismiss(n.id);
});
afterEach(() => vi.useRealTimers());

describe('notices', () => {
  it('takes an information notice away after its reading time, and not before', () => {
    notifyInfo('Workshop file exported.');
    const time = readingTimeMs('Workshop file exported.');
    expect(time).toBeGreaterThanOrEqual(5_000);
    vi.advanceTimersByTime(time - 1);
    expect(texts('info')).toEqual(['Workshop file exported.']);
    vi.advanceTimersByTime(1);
    expect(texts('info')).toEqual([]);
  });

  it('gives a longer sentence longer, up to a limit', () => {
    expect(readingTimeMs('x'.repeat(100))).toBeGreaterThan(readingTimeMs('x'));
    expect(readingTimeMs('x'.repeat(10_000))).toBe(20_000);
  });

  it('keeps errors until they are dismissed, the newest few only', () => {
    for (let i = 1; i <= MAX_NOTICES_PER_KIND + 2; i++) notifyError(`Error ${i}`);
    vi.advanceTimersByTime(10 * 60_000);
    expect(texts('error')).toEqual(Array.from({ length: MAX_NOTICES_PER_KIND }, (_, i) => `Error ${i + 3}`));
    const first = uiStore.getState().notices[0];
    if (first) uiStore.getState().dismiss(first.id);
    expect(texts('error')).toHaveLength(MAX_NOTICES_PER_KIND - 1);
  });

  it('shows the same sentence once, with its time started again', () => {
    notifyInfo('Saved.');
    vi.advanceTimersByTime(readingTimeMs('Saved.') - 100);
    notifyInfo('Saved.');
    expect(texts('info')).toEqual(['Saved.']);
    vi.advanceTimersByTime(200);
    expect(texts('info')).toEqual(['Saved.']);
    notifyError('Disk full.');
    notifyError('Disk full.');
    expect(texts('error')).toEqual(['Disk full.']);
  });

  it('takes nothing away while held, and what ran out a moment after it is released', () => {
    notifyInfo('Imported “Line 4”.');
    vi.advanceTimersByTime(1_000);
    uiStore.getState().holdNotices(true);
    notifyInfo('Added while held.');
    vi.advanceTimersByTime(60_000);
    expect(texts('info')).toEqual(['Imported “Line 4”.', 'Added while held.']);
    uiStore.getState().holdNotices(false);
    vi.advanceTimersByTime(NOTICE_GRACE_MS);
    // The first had 1 s less left than its whole time; the second had all of it.
    vi.advanceTimersByTime(readingTimeMs('Imported “Line 4”.') - 1_000 - NOTICE_GRACE_MS);
    expect(texts('info')).toEqual(['Added while held.']);
    vi.advanceTimersByTime(readingTimeMs('Added while held.'));
    expect(texts('info')).toEqual([]);
  });
});
