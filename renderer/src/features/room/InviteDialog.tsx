// The invite to the room: a web link (browser host), an app link, a code to type or read aloud,
// and a QR code, each with a copy button. All carry the signaling addresses, the workshop id,
// the room secret and the room's STUN/TURN settings if it has any, so whoever holds one can
// join: share it only with the workshop's people.
import { useMemo, useState, type ReactNode } from 'react';
import { createInvite, fingerprintReadAloud, formatFingerprint, formatInviteCode, formatInviteLink, formatInviteWebLink, InviteError, qrSvgDataUrl, type Invite } from '../../../../shared/room';
import { Dialog } from '../../ui/Dialog';
import { t, useT, type MessageKey } from '../../core/i18n';
import { inviteErrorText } from './roomText';
import type { RoomSettings } from './roomSettings';
import { ShortInviteCode } from './ShortInviteCode';
import { shortInviteServer, useShortInvite } from './useShortInvite';

const VALIDITY: readonly { readonly label: MessageKey; readonly ms: number }[] = [
  { label: 'room.invite.validity.none', ms: 0 },
  { label: 'room.invite.validity.hours', ms: 8 * 3600_000 },
  { label: 'room.invite.validity.days', ms: 7 * 86400_000 },
];

function CopyRow({ label, value, testId }: { readonly label: string; readonly value: string; readonly testId: string }) {
  const t = useT();
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
          {copied ? t('room.invite.copied') : t('room.invite.copy')}
          <span className="visually-hidden"> {label}</span>
        </button>
      </div>
    </div>
  );
}

export function InviteDialog({ workshopId, settings, onClose }: { readonly workshopId: string; readonly settings: RoomSettings; readonly onClose: () => void }) {
  const tr = useT();
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
      return { error: e instanceof InviteError ? inviteErrorText(t, e.code, e.message) : t('room.invite.invalid') };
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
    <Dialog title={tr('room.invite.title')} onClose={onClose} testId="invite-dialog">
      <p className="hint">{tr('room.invite.warning')}</p>
      <p className="hint">{tr('room.invite.signaling', { urls: settings.signaling.join(', ') })}</p>
      {settings.certificate && (
        <div className="invite-certificate" data-testid="invite-certificate">
          <p>
            {tr.rich('room.invite.readAloud', {
              start: fingerprintReadAloud(settings.certificate),
              fp: (chunks: ReactNode[]) => (
                <strong className="fingerprint" translate="no" data-testid="invite-certificate-read-aloud">
                  {chunks}
                </strong>
              ),
            })}
          </p>
          <details>
            <summary>{tr('room.invite.wholeFingerprint')}</summary>
            <p className="fingerprint" translate="no" data-testid="invite-certificate-full">
              {formatFingerprint(settings.certificate)}
            </p>
          </details>
        </div>
      )}
      {forms?.carriesIce && (
        <p className="hint" data-testid="invite-carries-ice">
          {tr('room.invite.carriesIce', { credential: String(Boolean(settings.ice.credential)) })}
        </p>
      )}
      {forms?.iceLeftOut && (
        <p role="alert" data-testid="invite-ice-left-out">
          {tr('room.invite.iceLeftOut')}
        </p>
      )}
      {!forms && 'error' in made && (
        <p role="alert" data-testid="invite-error">
          {made.error}
        </p>
      )}
      <label className="field">
        <span>{tr('room.invite.validFor')}</span>
        <select value={validity} onChange={(e) => pick(Number(e.target.value))}>
          {VALIDITY.map((v) => (
            <option key={v.ms} value={v.ms}>
              {tr(v.label)}
            </option>
          ))}
        </select>
      </label>
      {forms && (
        <>
          <ShortInviteCode state={short} webOrigin={forms.web ? settings.webOrigin : null} server={forms.server} />
          {forms.web && <CopyRow label={tr('room.invite.webLink')} value={forms.web} testId="invite-web-link" />}
          <CopyRow label={tr('room.invite.appLink')} value={forms.app} testId="invite-app-link" />
          <CopyRow label={tr('room.invite.code')} value={forms.code} testId="invite-code" />
          <img className="invite-qr" src={forms.qr} alt={forms.web ? tr('room.invite.qrWeb') : tr('room.invite.qrApp')} data-testid="invite-qr" />
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          {tr('room.invite.done')}
        </button>
      </div>
    </Dialog>
  );
}
