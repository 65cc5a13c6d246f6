// Who you are, as the profile and every room ask it: name, side and role, in one place so the
// first-run dialog, the join page and the open-room dialog ask the same way. `MemberChoice` is
// the rooms' version: what the profile already knows is shown in one line and not asked again,
// with a button to change it for this room.
import { useId, useState } from 'react';
import { NAME_MAX, SIDES, type Side } from '../../../../shared/board';
import { sideLabel, useT } from '../../core/i18n';
import { ROLE_MAX } from './profileStore';

export interface Who {
  readonly name: string;
  readonly side: Side;
  readonly role: string;
}

interface ProfileFieldsProps {
  readonly value: Who;
  readonly onChange: (next: Who) => void;
  /** Focus the name on open (a dialog's first question). */
  readonly autoFocus?: boolean;
  /** Show the hint that a side grants no rights (the profile's first question). */
  readonly sideHint?: boolean;
}

export function ProfileFields({ value, onChange, autoFocus = false, sideHint = false }: ProfileFieldsProps) {
  const t = useT();
  const id = useId();
  return (
    <>
      <label className="field">
        <span>{t('profile.name')}</span>
        <input
          value={value.name}
          onChange={(e) => onChange({ ...value, name: e.target.value })}
          maxLength={NAME_MAX * 2}
          autoComplete="name"
          {...(autoFocus ? { 'data-autofocus': true } : {})}
        />
      </label>
      <fieldset className="field">
        <legend>{t('profile.side')}</legend>
        {SIDES.map((s) => (
          <label key={s} className="radio">
            <input type="radio" name={`${id}-side`} value={s} checked={value.side === s} onChange={() => onChange({ ...value, side: s })} />
            {sideLabel(t, s)}
          </label>
        ))}
        {sideHint && <p className="hint">{t('profile.side.neutralHint')}</p>}
      </fieldset>
      <label className="field">
        <span>{t('profile.role')}</span>
        <input
          value={value.role}
          onChange={(e) => onChange({ ...value, role: e.target.value })}
          maxLength={ROLE_MAX * 2}
          autoComplete="organization-title"
          placeholder={t('profile.role.placeholder')}
        />
      </label>
    </>
  );
}

interface MemberChoiceProps {
  readonly value: Who;
  readonly onChange: (next: Who) => void;
  /** True when the value came from the profile (or the room): shown, not asked. */
  readonly known: boolean;
}

/** Who you are in a room: the fields when nothing is known yet, else one line and "Change". */
export function MemberChoice({ value, onChange, known }: MemberChoiceProps) {
  const t = useT();
  const id = useId();
  const [editing, setEditing] = useState(!known);
  if (editing) return <ProfileFields value={value} onChange={onChange} />;
  return (
    <div className="member-summary" data-testid="member-summary">
      <span id={id}>
        {t('profile.member.summary', { name: value.name, side: sideLabel(t, value.side), role: value.role.trim(), hasRole: String(value.role.trim() !== '') })}
      </span>
      <button type="button" className="link" onClick={() => setEditing(true)} aria-describedby={id} data-testid="member-change">
        {t('profile.member.change')}
      </button>
    </div>
  );
}
