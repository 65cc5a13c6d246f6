// The time zone every date and time is shown in: this device's (the default, which follows the
// OS), or one the person picks, e.g. a facilitator preparing a workshop in another plant's zone.
import { useId, useMemo } from 'react';
import { systemTimeZone, useT } from '../../core/i18n';

/** The select's value for "this device's zone". */
export const SYSTEM_ZONE = '';

function zones(): readonly string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

export function TimeZoneField({ value, onChange }: { readonly value: string; readonly onChange: (zone: string) => void }) {
  const t = useT();
  const id = useId();
  const all = useMemo(() => zones(), []);
  return (
    <div className="field">
      <label htmlFor={id}>{t('profile.timeZone')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid="time-zone">
        <option value={SYSTEM_ZONE}>{t('profile.timeZone.system', { zone: systemTimeZone() })}</option>
        {all.map((zone) => (
          // IANA zone names are identifiers, the same in every language.
          <option key={zone} value={zone} translate="no">
            {zone}
          </option>
        ))}
      </select>
    </div>
  );
}
