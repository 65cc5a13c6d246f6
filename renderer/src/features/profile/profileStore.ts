// The local profile (name, side and role), asked for once and kept in localStorage. It is who
// the user is on this device: the author and side of the cards they add, and who they are in
// every room they open or join (the role shows in the participants panel and on the roster).
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import * as z from 'zod';
import { NAME_MAX, SIDES, type Author } from '../../../../shared/board';
import { t } from '../../core/i18n';

/** A role such as "Control engineer"; may be empty. The room's roster keeps at most as much. */
export const ROLE_MAX = 80;

// A profile saved before the role was asked has none: it reads as an empty role.
const profileSchema = z.object({ name: z.string().trim().min(1).max(NAME_MAX), side: z.enum(SIDES), role: z.string().trim().max(ROLE_MAX).default('') });
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
  save(input: { name: string; side: string; role?: string }): string | null;
}

export const profileStore = createStore<ProfileState>()((set) => ({
  profile: readProfile(),
  save: (input) => {
    const parsed = profileSchema.safeParse(input);
    if (!parsed.success) return profileProblem(input);
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

/** What is wrong with a name and role the profile (or a room) refuses, in the user's language. */
export function profileProblem(input: { name: string; role?: string }): string {
  if (input.name.trim().length === 0) return t('profile.error.empty');
  if (input.name.trim().length > NAME_MAX) return t('profile.error.tooLong', { max: NAME_MAX });
  return t('profile.error.roleTooLong', { max: ROLE_MAX });
}
