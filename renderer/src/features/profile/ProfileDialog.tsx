// Asks for the user's name and side: on first start (it cannot be dismissed until filled in)
// and later from the top bar to change it, with the time zone times are shown in.
import { useState, type FormEvent } from 'react';
import { NAME_MAX, SIDES } from '../../../../shared/board';
import { Dialog } from '../../ui/Dialog';
import { FormFooter } from '../../ui/FormFooter';
import { setTimeZone, sideLabel, useLocaleChoice, useT } from '../../core/i18n';
import { profileStore, useProfile } from './profileStore';
import { TimeZoneField, SYSTEM_ZONE } from './TimeZoneField';

export function ProfileDialog({ onDone }: { readonly onDone: () => void }) {
  const t = useT();
  const profile = useProfile();
  const chosenZone = useLocaleChoice().timeZone;
  const [name, setName] = useState(profile?.name ?? '');
  const [side, setSide] = useState<string>(profile?.side ?? 'IT');
  const [zone, setZone] = useState(chosenZone ?? SYSTEM_ZONE);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = profileStore.getState().save({ name, side });
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
      <form onSubmit={submit} noValidate>
        {!profile && <p>{t('profile.intro')}</p>}
        <label className="field">
          <span>{t('profile.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={NAME_MAX * 2} autoComplete="name" data-autofocus />
        </label>
        <fieldset className="field">
          <legend>{t('profile.side')}</legend>
          {SIDES.map((s) => (
            <label key={s} className="radio">
              <input type="radio" name="side" value={s} checked={side === s} onChange={() => setSide(s)} />
              {sideLabel(t, s)}
            </label>
          ))}
          <p className="hint">{t('profile.side.neutralHint')}</p>
        </fieldset>
        {profile && <TimeZoneField value={zone} onChange={setZone} />}
        <FormFooter error={error} onCancel={profile ? onDone : undefined} submitLabel={t('profile.save')} />
      </form>
    </Dialog>
  );
}
