// The ICE part of a room's settings: STUN/TURN servers, username, credential and relay-only.
// Empty by default: host candidates only, so nothing leaves the building.
import { useId } from 'react';

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
  const id = useId();
  return (
    <fieldset className="field ice-fields" data-testid="ice-settings">
      <legend>STUN and TURN servers</legend>
      <p className="hint">Leave empty on a plant network: peers then connect directly and nothing leaves the building. A TURN relay over TCP/443 gets through strict firewalls.</p>
      <label className="field" htmlFor={`${id}-urls`}>
        <span>Server URLs (one per line)</span>
        <textarea id={`${id}-urls`} rows={2} value={draft.urls} placeholder="turn:turn.example.com:443?transport=tcp" onChange={(e) => onChange({ ...draft, urls: e.target.value })} />
      </label>
      <div className="field-row">
        <label className="field" htmlFor={`${id}-user`}>
          <span>TURN username</span>
          <input id={`${id}-user`} value={draft.username} autoComplete="off" onChange={(e) => onChange({ ...draft, username: e.target.value })} />
        </label>
        <label className="field" htmlFor={`${id}-cred`}>
          <span>TURN credential</span>
          <input id={`${id}-cred`} type="password" value={draft.credential} autoComplete="off" onChange={(e) => onChange({ ...draft, credential: e.target.value })} />
        </label>
      </div>
      <label className="radio">
        <input type="checkbox" checked={draft.relayOnly} onChange={(e) => onChange({ ...draft, relayOnly: e.target.checked })} />
        Relay only (every connection goes through TURN)
      </label>
    </fieldset>
  );
}
