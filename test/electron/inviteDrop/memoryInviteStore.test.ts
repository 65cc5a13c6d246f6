// The in-memory invite store alone: its total-length cap, renewals, expiry and per-owner counts
// as boxes come and go.
import { describe, expect, it } from 'vitest';
import { createMemoryInviteStore } from '../../../electron/main/inviteDrop/memoryInviteStore';
import { resolveInviteDropLimits } from '../../../electron/main/inviteDrop/inviteStore';

const t0 = 1_000_000;

describe('the memory invite store', () => {
  it('refuses a box that would pass the total length, and takes it once an old one expires', async () => {
    const store = createMemoryInviteStore({ maxEntries: 100, maxTotalLength: 10, maxEntriesPerAddress: 100 });
    expect(await store.put({ id: 'a', box: '123456', expiresAt: t0 + 10, owner: 'x' }, t0)).toEqual({ ok: true, expiresAt: t0 + 10 });
    expect(await store.put({ id: 'b', box: '12345', expiresAt: t0 + 99, owner: 'y' }, t0)).toEqual({ ok: false, reason: 'store-full' });
    expect(await store.put({ id: 'b', box: '12345', expiresAt: t0 + 99, owner: 'y' }, t0 + 10)).toEqual({ ok: true, expiresAt: t0 + 99 });
    expect(await store.size(t0 + 10)).toEqual({ entries: 1, bytes: 5 });
    expect(await store.get('a', t0 + 10)).toBeNull();
    expect(await store.get('b', t0 + 98)).toBe('12345');
  });

  it('renews the same box without counting it twice, and frees an owner\'s place on expiry', async () => {
    const store = createMemoryInviteStore({ maxEntries: 100, maxTotalLength: 1000, maxEntriesPerAddress: 1 });
    await store.put({ id: 'a', box: 'box', expiresAt: t0 + 10, owner: 'x' }, t0);
    expect(await store.put({ id: 'a', box: 'box', expiresAt: t0 + 50, owner: 'x' }, t0 + 5)).toEqual({ ok: true, expiresAt: t0 + 50 });
    expect(await store.size(t0 + 5)).toEqual({ entries: 1, bytes: 3 });
    expect(await store.put({ id: 'b', box: 'box', expiresAt: t0 + 60, owner: 'x' }, t0 + 20)).toEqual({ ok: false, reason: 'address-full' });
    expect(await store.put({ id: 'b', box: 'box', expiresAt: t0 + 90, owner: 'x' }, t0 + 50)).toEqual({ ok: true, expiresAt: t0 + 90 });
  });

  it('rejects nonsense limits', () => {
    expect(() => resolveInviteDropLimits({ maxEntries: -1 })).toThrow();
    expect(() => resolveInviteDropLimits({ maxBoxLength: 10 })).toThrow();
    expect(() => resolveInviteDropLimits({ unknown: 1 })).toThrow();
    expect(resolveInviteDropLimits({ maxEntries: 5 }).maxEntries).toBe(5);
  });
});
