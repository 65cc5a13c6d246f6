// The ICE part of a room's settings: STUN/TURN servers, username, credential and relay-only.
// Empty by default: host candidates only, so nothing leaves the building.
import { useId } from 'react';
import { useT } from '../../core/i18n';

export interface IceDraft {
  readonly urls: string;
  readonly username: string;
  readonly credential: string;
  readonly relayOnly: boolean;
}

export const emptyIceDraft: IceDraft = { urls: '', username: '', credential: '', relayOnly: false };

export function iceDraftFrom(ice: { urls: readonly string[]; username?: string | undefined; credential?: string | undefined; relayOnly: boolean }): IceDraft {
  return { urls: ice.urls.join('\n'), username: ice.username ?? '', credential: ice.credential ?? '', relayOnly: ice.relayOnly };
}

/** The draft as input for iceSettingsSchema (which says what is wrong with it). */
export function iceInputFrom(draft: IceDraft): unknown {
  const urls = draft.urls.split(/[\s,]+/).filter(Boolean);
  return {
    urls,
    relayOnly: draft.relayOnly,
    ...(draft.username.trim() ? { username: draft.username.trim() } : {}),
    ...(draft.credential ? { credential: draft.credential } : {}),
  };
}

export function IceSettingsFields({ draft, onChange }: { readonly draft: IceDraft; readonly onChange: (next: IceDraft) => void }) {
  const t = useT();
  const id = useId();
  return (
    <fieldset className="field ice-fields" data-testid="ice-settings">
      <legend>{t('room.ice.legend')}</legend>
      <p className="hint">{t('room.ice.hint')}</p>
      <label className="field" htmlFor={`${id}-urls`}>
        <span>{t('room.ice.urls')}</span>
        <textarea id={`${id}-urls`} rows={2} value={draft.urls} placeholder={t('room.ice.urlsPlaceholder')} onChange={(e) => onChange({ ...draft, urls: e.target.value })} />
      </label>
      <div className="field-row">
        <label className="field" htmlFor={`${id}-user`}>
          <span>{t('room.ice.username')}</span>
          <input id={`${id}-user`} value={draft.username} autoComplete="off" onChange={(e) => onChange({ ...draft, username: e.target.value })} />
        </label>
        <label className="field" htmlFor={`${id}-cred`}>
          <span>{t('room.ice.credential')}</span>
          <input id={`${id}-cred`} type="password" value={draft.credential} autoComplete="off" onChange={(e) => onChange({ ...draft, credential: e.target.value })} />
        </label>
      </div>
      <label className="radio">
        <input type="checkbox" checked={draft.relayOnly} onChange={(e) => onChange({ ...draft, relayOnly: e.target.checked })} />
        {t('room.ice.relayOnly')}
      </label>
    </fieldset>
  );
}
