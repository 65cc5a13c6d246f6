// Joining a workshop: paste a link or code (or arrive by a web link, which fills it in), say who
// you are (name, side, role; prefilled from the profile), and enter the board. A malformed,
// expired or tampered invite gets the plain sentence from shared/room. An invite that carries the
// room's STUN/TURN settings uses them; otherwise the joiner may enter them.
import { useMemo, useState, type FormEvent } from 'react';
import { SIDES, type Side } from '../../../../shared/board';
import { looksLikeShortInviteCode, parseIceSettings, parseInvite, type Invite } from '../../../../shared/room';
import { useT } from '../../core/i18n';
import { useHost } from '../../core/hostContext';
import { describeError } from '../../core/describeError';
import { SIDE_LABELS } from '../board';
import { profileStore } from '../profile';
import { IceSettingsFields, emptyIceDraft, iceInputFrom, memberSchema } from '../room';
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

export function JoinPage({ input, onJoined, onCancel }: JoinPageProps) {
  const host = useHost();
  const profile = profileStore.getState().profile;
  const [invite, setInvite] = useState(input);
  const [name, setName] = useState(profile?.name ?? '');
  const [side, setSide] = useState<Side>(profile?.side ?? 'IT');
  const [role, setRole] = useState('');
  const [ice, setIce] = useState(emptyIceDraft);
  const tr = useT();
  // A short code (35 characters) is looked up on submit: on this page's server in a browser, on
  // the server the person types in the desktop app.
  const isShort = looksLikeShortInviteCode(invite);
  const [server, setServer] = useState(rememberedServer);
  const [inviteError, setInviteError] = useState<string | null>(() => {
    if (!input || looksLikeShortInviteCode(input)) return null;
    const parsed = parseInvite(input, Date.now());
    return parsed.ok ? null : parsed.message;
  });
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
    setInviteError(parsed === null || parsed.ok ? null : parsed.message);
    if (parsed && !parsed.ok) return;
    const member = memberSchema.safeParse({ name, side, role });
    if (!member.success) return setError(name.trim() ? 'Name and role can be at most 80 characters.' : 'Your name cannot be empty.');
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
    const iceParsed = full.ice ? { ok: true as const, value: full.ice } : parseIceSettings(iceInputFrom(ice));
    if (!iceParsed.ok) {
      setBusy(false);
      return setError(iceParsed.error);
    }
    setBusy(true);
    try {
      // A first-time user's profile is who they said they are here.
      if (!profile) profileStore.getState().save({ name: member.data.name, side: member.data.side });
      const id = await joinWorkshop(host, full, member.data, iceParsed.value);
      onJoined(id);
    } catch (e) {
      setError(describeError(e, 'Joining the workshop'));
      setBusy(false);
    }
  };

  return (
    <main className="page page-join">
      <h1>Join a workshop</h1>
      <form className="join-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Join a workshop">
        <label className="field">
          <span>Invite link or code</span>
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
        <label className="field">
          <span>Your name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" maxLength={160} />
        </label>
        <fieldset className="field">
          <legend>Your side</legend>
          {SIDES.map((s) => (
            <label key={s} className="radio">
              <input type="radio" name="join-side" value={s} checked={side === s} onChange={() => setSide(s)} />
              {SIDE_LABELS[s]}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>Your role</span>
          <input value={role} onChange={(e) => setRole(e.target.value)} maxLength={160} placeholder="e.g. Control engineer, Network architect" />
        </label>
        {carried ? (
          <p className="hint" data-testid="invite-ice">
            Network settings come with this invite: {carried.urls.join(', ')}
            {carried.relayOnly ? ' (relay only)' : ''}.
          </p>
        ) : (
          <details>
            <summary>Network settings (STUN/TURN), if the facilitator gave you any</summary>
            <IceSettingsFields draft={ice} onChange={setIce} />
          </details>
        )}
        <FormFooter error={error} onCancel={onCancel} submitLabel="Join workshop" busy={busy} />
      </form>
    </main>
  );
}
