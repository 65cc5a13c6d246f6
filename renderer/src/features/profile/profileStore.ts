// The local profile (name and side), asked for once and kept in localStorage. It is who the
// user is on this device: the author and side of the cards they add.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import * as z from 'zod';
import { NAME_MAX, SIDES, type Author } from '../../../../shared/board';
import { t } from '../../core/i18n';

const profileSchema = z.object({ name: z.string().trim().min(1).max(NAME_MAX), side: z.enum(SIDES) });
export type Profile = z.infer<typeof profileSchema>;

const KEY = 'bridgeboard.profile';

function readProfile(): Profile | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw === null) return null;
    const parsed = profileSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

interface ProfileState {
  readonly profile: Profile | null;
  /** Returns an error message (in the user's language), or null when saved. */
  save(input: { name: string; side: string }): string | null;
}

export const profileStore = createStore<ProfileState>()((set) => ({
  profile: readProfile(),
  save: (input) => {
    const parsed = profileSchema.safeParse(input);
    if (!parsed.success) {
      return input.name.trim().length === 0 ? t('profile.error.empty') : t('profile.error.tooLong', { max: NAME_MAX });
    }
    try {
      localStorage.setItem(KEY, JSON.stringify(parsed.data));
    } catch {
      // Storage refused (private mode): keep the profile for this session.
    }
    set({ profile: parsed.data });
    return null;
  },
}));

export const useProfile = (): Profile | null => useStore(profileStore, (s) => s.profile);

/** The author of new cards; a fallback only before the profile exists, which the UI prevents. */
export function currentAuthor(): Author {
  const profile = profileStore.getState().profile;
  return profile ? { name: profile.name, side: profile.side } : { name: 'Anonymous', side: 'facilitator' };
}
