// The profile: name, side and role, kept on the device. A profile saved before the role was
// asked still reads (with no role); a role that is too long is refused with its own sentence.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const storage = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => void storage.set(k, v),
  removeItem: (k: string) => void storage.delete(k),
});

const load = async () => {
  vi.resetModules();
  return import('../../../renderer/src/features/profile/profileStore');
};

beforeEach(() => storage.clear());

describe('the profile', () => {
  it('reads a profile saved before the role was asked, with an empty role', async () => {
    storage.set('bridgeboard.profile', JSON.stringify({ name: 'Ada', side: 'OT' }));
    const { profileStore } = await load();
    expect(profileStore.getState().profile).toEqual({ name: 'Ada', side: 'OT', role: '' });
  });

  it('keeps name, side and role, trimmed, across a restart', async () => {
    const first = await load();
    expect(first.profileStore.getState().save({ name: ' Olga ', side: 'OT', role: ' Control engineer ' })).toBeNull();
    const { profileStore } = await load();
    expect(profileStore.getState().profile).toEqual({ name: 'Olga', side: 'OT', role: 'Control engineer' });
  });

  it('refuses an empty name, a long name and a long role, each with its own reason', async () => {
    const { profileStore, ROLE_MAX } = await load();
    const save = profileStore.getState().save;
    // Before a catalog loads (Node), a message reads as its key: the reason is what is checked.
    expect(save({ name: ' ', side: 'IT', role: '' })).toBe('profile.error.empty');
    expect(save({ name: 'x'.repeat(81), side: 'IT', role: '' })).toBe('profile.error.tooLong');
    expect(save({ name: 'Ivan', side: 'IT', role: 'x'.repeat(ROLE_MAX + 1) })).toBe('profile.error.roleTooLong');
    expect(save({ name: 'Ivan', side: 'CEO', role: '' })).not.toBeNull();
    expect(profileStore.getState().profile).toBeNull();
  });
});
