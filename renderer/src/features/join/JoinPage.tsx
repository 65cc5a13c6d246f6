// Joining a workshop: paste a link or code (or arrive by a web link, which fills it in), say who
// you are, and enter the board. Who you are is asked here only when this device has no profile
// yet (a first visit by an invite link, or "Join with an invite" on the welcome): name, side and
// role, once, and they become the profile. With a profile they are shown, not asked, and can be
// changed for this room. A malformed, expired or tampered invite gets a plain sentence. An
// invite that carries the room's STUN/TURN settings uses them; otherwise the joiner may enter them.
import { useMemo, useState, type FormEvent } from 'react';
import { looksLikeShortInviteCode, parseIceSettings, parseInvite, type Invite } from '../../../../shared/room';
import { useHost } from '../../core/hostContext';
import { describeError } from '../../core/describeError';
import { t, useT } from '../../core/i18n';
import { MemberChoice, profileProblem, profileStore, type Who } from '../profile';
import { IceSettingsFields, emptyIceDraft, iceErrorText, iceInputFrom, inviteErrorText, memberSchema } from '../room';
import { joinWorkshop } from './joinWorkshop';
import { FormFooter } from '../../ui/FormFooter';
import { CertificateCheck } from './CertificateCheck';
import { lookUpTypedShortInvite, rememberedServer } from './shortInviteLookup';

interface JoinPageProps {
  /** The invite as the route carried it ('' when none). */
  readonly input: string;
  readonly onJoined: (workshopId: string) => void;
  readonly onCancel: () => void;
}

const inviteProblem = (input: string, now: number): string | null => {
  const parsed = parseInvite(input, now);
  return parsed.ok ? null : inviteErrorText(t, parsed.error, parsed.message);
};

export function JoinPage({ input, onJoined, onCancel }: JoinPageProps) {
  const host = useHost();
  const tr = useT();
  // Read once: saving the profile on joining must not turn the fields into the summary mid-way.
  const [profile] = useState(() => profileStore.getState().profile);
  const [invite, setInvite] = useState(input);
  const [who, setWho] = useState<Who>({ name: profile?.name ?? '', side: profile?.side ?? 'IT', role: profile?.role ?? '' });
  const [ice, setIce] = useState(emptyIceDraft);
  // A short code (35 characters) is looked up on submit: on this page's server in a browser, on
  // the server the person types in the desktop app.
  const isShort = looksLikeShortInviteCode(invite);
  const [server, setServer] = useState(rememberedServer);
  const [inviteError, setInviteError] = useState<string | null>(() => (input && !looksLikeShortInviteCode(input) ? inviteProblem(input, Date.now()) : null));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // What came with the invite: network settings and the server's certificate, if any.
  const { carried, certificate } = useMemo(() => {
    // Time 0: whether it has expired is for submit to say; here only its contents matter.
    const parsed = parseInvite(invite, 0);
    return { carried: parsed.ok ? (parsed.invite.ice ?? null) : null, certificate: parsed.ok ? (parsed.invite.certificate ?? null) : null };
  }, [invite]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const parsed = isShort ? null : parseInvite(invite, Date.now());
    setInviteError(parsed === null || parsed.ok ? null : inviteErrorText(t, parsed.error, parsed.message));
    if (parsed && !parsed.ok) return;
    const member = memberSchema.safeParse(who);
    if (!member.success) return setError(profileProblem(who));
    let full: Invite;
    if (parsed) {
      full = parsed.invite;
    } else {
      setBusy(true);
      const found = await lookUpTypedShortInvite(invite, host.kind, server);
      if (!found.ok) {
        setInviteError(found.message);
        setBusy(false);
        return;
      }
      full = found.invite;
    }
    const iceInput = iceInputFrom(ice);
    const iceParsed = full.ice ? { ok: true as const, value: full.ice } : parseIceSettings(iceInput);
    if (!iceParsed.ok) {
      setBusy(false);
      return setError(iceErrorText(t, iceInput));
    }
    setBusy(true);
    try {
      // A first-time user's profile is who they said they are here.
      if (!profile) profileStore.getState().save(member.data);
      const id = await joinWorkshop(host, full, member.data, iceParsed.value);
      onJoined(id);
    } catch (e) {
      setError(describeError(e, t('join.doing.joining')));
      setBusy(false);
    }
  };

  return (
    <main className="page page-join">
      <h1>{tr('join.heading')}</h1>
      {!profile && <p data-testid="join-first-visit">{tr('join.firstVisit')}</p>}
      <form className="join-form" onSubmit={(e) => void submit(e)} noValidate aria-label={tr('join.heading')}>
        <label className="field">
          <span>{tr('join.invite')}</span>
          <input
            value={invite}
            onChange={(e) => setInvite(e.target.value)}
            aria-invalid={inviteError !== null}
            aria-describedby={inviteError ? 'invite-error' : undefined}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        {inviteError && (
          <p role="alert" id="invite-error" className="form-error" data-testid="invite-error">
            {inviteError}
          </p>
        )}
        {isShort && host.kind === 'electron' && (
          <label className="field">
            <span>{tr('shortInvite.join.server')}</span>
            <input value={server} onChange={(e) => setServer(e.target.value)} autoComplete="off" spellCheck={false} maxLength={200} aria-describedby="short-invite-server-hint" />
            <small id="short-invite-server-hint" className="hint">
              {tr('shortInvite.join.serverHint')}
            </small>
          </label>
        )}
        {certificate && <CertificateCheck fingerprint={certificate} inBrowser={host.kind === 'browser'} />}
        <MemberChoice value={who} onChange={setWho} known={profile !== null} />
        {carried ? (
          <p className="hint" data-testid="invite-ice">
            {tr('join.iceCarried', { urls: carried.urls.join(', '), relayOnly: String(carried.relayOnly) })}
          </p>
        ) : (
          <details>
            <summary>{tr('join.iceSummary')}</summary>
            <IceSettingsFields draft={ice} onChange={setIce} />
          </details>
        )}
        <FormFooter error={error} onCancel={onCancel} submitLabel={tr('join.submit')} busy={busy} />
      </form>
    </main>
  );
}
