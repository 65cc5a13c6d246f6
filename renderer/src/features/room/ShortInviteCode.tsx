// The invite dialog's first line: the short code to read aloud (35 characters), where people
// type it, and until when the room's server keeps it; or why there is none, so the facilitator
// shares the link or QR code instead.
import { useFormat, useT } from '../../core/i18n';
import type { ShortInviteState } from './useShortInvite';

interface ShortInviteCodeProps {
  readonly state: ShortInviteState;
  /** Where the browser host's join page is, when the room has one. */
  readonly webOrigin: string | null;
  /** The room's first signaling server, as a desktop joiner types it. */
  readonly server: string | null;
}

export function ShortInviteCode({ state, webOrigin, server }: ShortInviteCodeProps) {
  const t = useT();
  const format = useFormat();
  return (
    <section className="short-invite" aria-labelledby="short-invite-title" data-testid="short-invite" data-status={state.status}>
      <h3 id="short-invite-title">{t('shortInvite.dialog.title')}</h3>
      {state.status === 'ready' && (
        <>
          <p className="short-invite-code" data-testid="short-invite-code" translate="no">
            {state.code}
          </p>
          <p className="hint">
            {webOrigin && <>{t.rich('shortInvite.dialog.whereWeb', { origin: <span translate="no">{webOrigin}</span> })} </>}
            {server && (
              <>
                {t.rich('shortInvite.dialog.whereApp', { server: <strong data-testid="short-invite-server" translate="no">{server}</strong> })}{' '}
              </>
            )}
            {t('shortInvite.dialog.until', { when: format.dateTime(state.expiresAt, 'short', 'short') })}
          </p>
        </>
      )}
      {state.status === 'leaving' && <p className="hint">{t('shortInvite.dialog.leaving')}</p>}
      {state.status === 'failed' && (
        <p role="alert" data-testid="short-invite-failed">
          {t('shortInvite.dialog.failed')}
        </p>
      )}
    </section>
  );
}
