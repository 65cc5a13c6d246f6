// The invite to the room: a web link (browser host), an app link, a code to type or read aloud,
// and a QR code, each with a copy button. All carry the signaling addresses, the workshop id,
// the room secret and the room's STUN/TURN settings if it has any, so whoever holds one can
// join: share it only with the workshop's people.
import { useMemo, useState } from 'react';
import { createInvite, fingerprintReadAloud, formatFingerprint, formatInviteCode, formatInviteLink, formatInviteWebLink, InviteError, qrSvgDataUrl, type Invite } from '../../../../shared/room';
import { Dialog } from '../../ui/Dialog';
import type { RoomSettings } from './roomSettings';
import { ShortInviteCode } from './ShortInviteCode';
import { shortInviteServer, useShortInvite } from './useShortInvite';

const VALIDITY = [
  { label: 'No limit', ms: 0 },
  { label: '8 hours', ms: 8 * 3600_000 },
  { label: '7 days', ms: 7 * 86400_000 },
] as const;

function CopyRow({ label, value, testId }: { readonly label: string; readonly value: string; readonly testId: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard?.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="field invite-row">
      <span>{label}</span>
      <div className="invite-value">
        <input readOnly value={value} data-testid={testId} aria-label={label} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
          <span className="visually-hidden"> {label}</span>
        </button>
      </div>
    </div>
  );
}

export function InviteDialog({ workshopId, settings, onClose }: { readonly workshopId: string; readonly settings: RoomSettings; readonly onClose: () => void }) {
  const [validity, setValidity] = useState(0);
  // Fixed when the validity is picked, so the code does not change on every render.
  const [expiresAt, setExpiresAt] = useState<number | null>(null);
  const pick = (ms: number) => {
    setValidity(ms);
    setExpiresAt(ms ? Date.now() + ms : null);
  };
  const made = useMemo((): { invite: Invite; iceLeftOut: boolean } | { error: string } => {
    const input = {
      workshopId,
      signaling: settings.signaling,
      secret: settings.secret,
      ...(expiresAt ? { expiresAt } : {}),
      ...(settings.certificate ? { certificate: settings.certificate } : {}),
    };
    try {
      // The room's STUN/TURN settings travel with the invite (createInvite drops them when empty)
      // unless they make it too long to share; then they are left out and the dialog says so.
      try {
        return { invite: createInvite({ ...input, ice: settings.ice }), iceLeftOut: false };
      } catch (e) {
        if (!(e instanceof InviteError && e.code === 'too-long')) throw e;
        return { invite: createInvite(input), iceLeftOut: true };
      }
    } catch (e) {
      return { error: e instanceof InviteError ? e.message : 'This room’s settings do not make a valid invite.' };
    }
  }, [workshopId, settings, expiresAt]);
  const short = useShortInvite('invite' in made ? made.invite : null);
  const forms = useMemo(() => {
    if (!('invite' in made)) return null;
    const { invite } = made;
    let web: string | null = null;
    try {
      web = settings.webOrigin ? formatInviteWebLink(invite, settings.webOrigin) : null;
    } catch {
      web = null;
    }
    const app = formatInviteLink(invite);
    return { code: formatInviteCode(invite), server: shortInviteServer(invite), app, web, qr: qrSvgDataUrl(web ?? app), carriesIce: invite.ice !== undefined, iceLeftOut: made.iceLeftOut };
  }, [made, settings.webOrigin]);
  return (
    <Dialog title="Invite people to this workshop" onClose={onClose} testId="invite-dialog">
      <p className="hint">Anyone with this invite can join and edit the board. Share it only with the workshop’s participants.</p>
      <p className="hint">Signaling: {settings.signaling.join(', ')}</p>
      {settings.certificate && (
        <div className="invite-certificate" data-testid="invite-certificate">
          <p>
            Read this out to people joining from a browser, who compare it with the certificate their browser shows:{' '}
            <strong className="fingerprint" data-testid="invite-certificate-read-aloud">
              {fingerprintReadAloud(settings.certificate)}
            </strong>
          </p>
          <details>
            <summary>The whole certificate fingerprint (SHA-256)</summary>
            <p className="fingerprint" data-testid="invite-certificate-full">
              {formatFingerprint(settings.certificate)}
            </p>
          </details>
        </div>
      )}
      {forms?.carriesIce && (
        <p className="hint" data-testid="invite-carries-ice">
          The invite also carries this room&rsquo;s STUN/TURN settings{settings.ice.credential ? ', TURN credential included (prefer short-lived TURN credentials)' : ''}, so
          people outside the plant connect without typing them.
        </p>
      )}
      {forms?.iceLeftOut && (
        <p role="alert" data-testid="invite-ice-left-out">
          This room&rsquo;s STUN/TURN settings are too long to fit in the invite, so they are left out: give them to remote people separately.
        </p>
      )}
      {!forms && 'error' in made && (
        <p role="alert" data-testid="invite-error">
          {made.error}
        </p>
      )}
      <label className="field">
        <span>Valid for</span>
        <select value={validity} onChange={(e) => pick(Number(e.target.value))}>
          {VALIDITY.map((v) => (
            <option key={v.ms} value={v.ms}>
              {v.label}
            </option>
          ))}
        </select>
      </label>
      {forms && (
        <>
          <ShortInviteCode state={short} webOrigin={forms.web ? settings.webOrigin : null} server={forms.server} />
          {forms.web && <CopyRow label="Web link" value={forms.web} testId="invite-web-link" />}
          <CopyRow label="App link" value={forms.app} testId="invite-app-link" />
          <CopyRow label="Code" value={forms.code} testId="invite-code" />
          <img className="invite-qr" src={forms.qr} alt={`QR code of the ${forms.web ? 'web' : 'app'} link`} data-testid="invite-qr" />
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
