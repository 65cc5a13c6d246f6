// The app bar: name, who you are, the language and the theme switch. Later features (room,
// presence) add their controls here.
import { useState } from 'react';
import { uiStore } from '../core/notices';
import type { Theme } from '../core/notices';
import { sideLabel, useT } from '../core/i18n';
import { ProfileDialog, useProfile } from '../features/profile';
import { VerifyCharterButton } from '../features/charter';
import { LanguagePicker } from './LanguagePicker';

export function TopBar({ theme }: { readonly theme: Theme }) {
  const t = useT();
  const profile = useProfile();
  const [editingProfile, setEditingProfile] = useState(false);
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <header className="top-bar">
      <span className="app-name">{t('app.name')}</span>
      <span className="top-bar-spacer" />
      <VerifyCharterButton />
      <LanguagePicker />
      {profile && (
        <button type="button" onClick={() => setEditingProfile(true)} data-testid="profile-button">
          {t('app.profileButton', { name: profile.name, side: sideLabel(t, profile.side) })}
        </button>
      )}
      <button type="button" onClick={() => uiStore.getState().setTheme(next)} aria-label={t('app.theme.switch', { theme: next })} data-testid="theme-toggle">
        {theme === 'dark' ? t('app.theme.light') : t('app.theme.dark')}
      </button>
      {editingProfile && <ProfileDialog onDone={() => setEditingProfile(false)} />}
    </header>
  );
}
