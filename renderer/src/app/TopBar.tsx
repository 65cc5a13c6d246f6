// The app bar: name, who you are, and the theme switch. Later features (room, presence) add
// their controls here.
import { useState } from 'react';
import { uiStore } from '../core/notices';
import type { Theme } from '../core/notices';
import { ProfileDialog, useProfile } from '../features/profile';
import { SIDE_LABELS } from '../features/board';
import { VerifyCharterButton } from '../features/charter';

export function TopBar({ theme }: { readonly theme: Theme }) {
  const profile = useProfile();
  const [editingProfile, setEditingProfile] = useState(false);
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <header className="top-bar">
      <span className="app-name">Bridgeboard</span>
      <span className="top-bar-spacer" />
      <VerifyCharterButton />
      {profile && (
        <button type="button" onClick={() => setEditingProfile(true)} data-testid="profile-button">
          {profile.name} · {SIDE_LABELS[profile.side]}
        </button>
      )}
      <button type="button" onClick={() => uiStore.getState().setTheme(next)} aria-label={`Switch to ${next} theme`} data-testid="theme-toggle">
        {theme === 'dark' ? '☀ Light' : '☾ Dark'}
      </button>
      {editingProfile && <ProfileDialog onDone={() => setEditingProfile(false)} />}
    </header>
  );
}
