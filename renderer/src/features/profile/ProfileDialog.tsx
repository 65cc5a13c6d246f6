// Asks for the user's name, side and role: on first start (it cannot be dismissed until filled
// in, but someone holding an invite can go straight to joining, which asks the same once) and
// later from the top bar to change it, with the time zone times are shown in.
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../ui/Dialog';
import { FormFooter } from '../../ui/FormFooter';
import { setTimeZone, useLocaleChoice, useT } from '../../core/i18n';
import { profileStore, useProfile } from './profileStore';
import { ProfileFields, type Who } from './ProfileFields';
import { TimeZoneField, SYSTEM_ZONE } from './TimeZoneField';

/** Where the welcome sends someone who holds an invite (the join page, which asks who they are). */
export const JOIN_ROUTE = '#/join';

export function ProfileDialog({ onDone }: { readonly onDone: () => void }) {
  const t = useT();
  const profile = useProfile();
  const chosenZone = useLocaleChoice().timeZone;
  const [who, setWho] = useState<Who>({ name: profile?.name ?? '', side: profile?.side ?? 'IT', role: profile?.role ?? '' });
  const [zone, setZone] = useState(chosenZone ?? SYSTEM_ZONE);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = profileStore.getState().save(who);
    setError(problem);
    if (problem) return;
    if (zone !== (chosenZone ?? SYSTEM_ZONE)) setTimeZone(zone === SYSTEM_ZONE ? null : zone);
    onDone();
  };
  // The first time, there is nothing to fall back to, so closing is not offered.
  const close = () => {
    if (profile) onDone();
  };
  return (
    <Dialog title={profile ? t('profile.title.edit') : t('profile.title.welcome')} onClose={close} testId="profile-dialog">
      {!profile && (
        <p className="welcome-join" data-testid="welcome-join">
          {t('profile.welcome.haveInvite')}{' '}
          <a href={JOIN_ROUTE} data-testid="welcome-join-link">
            {t('profile.welcome.join')}
          </a>
        </p>
      )}
      <form onSubmit={submit} noValidate>
        {!profile && <p>{t('profile.intro')}</p>}
        <ProfileFields value={who} onChange={setWho} autoFocus sideHint />
        {profile && <TimeZoneField value={zone} onChange={setZone} />}
        <FormFooter error={error} onCancel={profile ? onDone : undefined} submitLabel={t('profile.save')} />
      </form>
    </Dialog>
  );
}
