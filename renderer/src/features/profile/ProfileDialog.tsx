// Asks for the user's name and side: on first start (it cannot be dismissed until filled in)
// and later from the top bar to change it.
import { useState, type FormEvent } from 'react';
import { NAME_MAX, SIDES } from '../../../../shared/board';
import { Dialog } from '../../ui/Dialog';
import { profileStore, useProfile } from './profileStore';
import { SIDE_LABELS } from '../board';
import { FormFooter } from '../../ui/FormFooter';

export function ProfileDialog({ onDone }: { readonly onDone: () => void }) {
  const profile = useProfile();
  const [name, setName] = useState(profile?.name ?? '');
  const [side, setSide] = useState<string>(profile?.side ?? 'IT');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = profileStore.getState().save({ name, side });
    setError(problem);
    if (!problem) onDone();
  };
  // The first time, there is nothing to fall back to, so closing is not offered.
  const close = () => {
    if (profile) onDone();
  };
  return (
    <Dialog title={profile ? 'Your profile' : 'Welcome to Bridgeboard'} onClose={close} testId="profile-dialog">
      <form onSubmit={submit} noValidate>
        {!profile && <p>Tell the others who you are. Your name and side appear on the cards you add.</p>}
        <label className="field">
          <span>Your name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={NAME_MAX * 2} autoComplete="name" data-autofocus />
        </label>
        <fieldset className="field">
          <legend>Your side</legend>
          {SIDES.map((s) => (
            <label key={s} className="radio">
              <input type="radio" name="side" value={s} checked={side === s} onChange={() => setSide(s)} />
              {SIDE_LABELS[s]}
            </label>
          ))}
        </fieldset>
        <FormFooter error={error} onCancel={profile ? onDone : undefined} submitLabel="Save profile" />
      </form>
    </Dialog>
  );
}
