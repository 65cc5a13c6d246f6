// The facilitator opens a room for the workshop: where signaling runs (an address of this
// machine on the LAN in the desktop app, which then serves the web app over HTTPS too, or a
// server's URL), the certificate participants check, the STUN/TURN settings, and who they are
// in the room (the profile's name, side and role, shown and changeable here, not asked again).
// A fresh room secret is drawn the first time.
import { useEffect, useState, type FormEvent } from 'react';
import { createRoomSecret, formatFingerprint, normaliseSignalingUrl, parseCertificateFingerprint, parseIceSettings } from '../../../../shared/room';
import { useHost } from '../../core/hostContext';
import type { LanAddressInfo } from '../../host/Host';
import { Dialog } from '../../ui/Dialog';
import { describeError } from '../../core/describeError';
import { t, useT } from '../../core/i18n';
import { MemberChoice, profileProblem, profileStore, type Who } from '../profile';
import { memberSchema } from './roomSettings';
import { iceErrorText } from './roomText';
import { IceSettingsFields, emptyIceDraft, iceDraftFrom, iceInputFrom } from './IceSettingsFields';
import type { RoomController } from './roomController';
import { currentWebOrigin } from './webOrigin';
import { FormFooter } from '../../ui/FormFooter';
import { RoomCertificateFields } from './RoomCertificateFields';
import { readServerInfo } from './serverInfo';

const DEFAULT_PORT = 4444;

function parseUrls(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean).map(normaliseSignalingUrl);
}

export function OpenRoomDialog({ room, onOpened, onClose }: { readonly room: RoomController; readonly onOpened: () => void; readonly onClose: () => void }) {
  const host = useHost();
  const tr = useT();
  const lan = host.lanSignaling;
  const existing = room.store.getState().settings;
  const profile = profileStore.getState().profile;
  const [addresses, setAddresses] = useState<LanAddressInfo[] | null>(lan ? null : []);
  const [address, setAddress] = useState(existing?.lan?.host ?? '');
  const [port, setPort] = useState(String(existing?.lan?.port ?? DEFAULT_PORT));
  // On the LAN the port serves the web app itself: a web address it served before is left out,
  // so a room reopened on another address or port links to the new one.
  const [webOrigin, setWebOrigin] = useState(() => {
    const previous = existing?.webOrigin ?? null;
    const servedBefore = existing?.lan ? previous?.startsWith(`https://${existing.lan.host.includes(':') ? `[${existing.lan.host}]` : existing.lan.host}:`) === true : false;
    return (lan && servedBefore ? null : previous) ?? (lan ? '' : (currentWebOrigin() ?? ''));
  });
  const [ice, setIce] = useState(existing ? iceDraftFrom(existing.ice) : emptyIceDraft);
  // A room keeps who I was in it; a new one starts from the profile.
  const [who, setWho] = useState<Who>(() => existing?.member ?? { name: profile?.name ?? '', side: profile?.side ?? 'facilitator', role: profile?.role ?? '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // In a browser on a Bridgeboard server's own origin, the server says where signaling is and
  // which certificate it presents (a room with settings keeps its own).
  const [serverInfo] = useState(() => (lan || existing ? null : readServerInfo()));
  const [urls, setUrls] = useState(existing && !existing.lan ? existing.signaling.join('\n') : (serverInfo?.signaling ?? ''));
  const [certificate, setCertificate] = useState(existing && !existing.lan ? (existing.certificate ?? '') : serverInfo?.certificate ? formatFingerprint(serverInfo.certificate) : '');

  useEffect(() => {
    if (!lan) return;
    lan.addresses().then(
      (list) => {
        setAddresses(list);
        setAddress((a) => a || (list[0]?.address ?? ''));
      },
      (e: unknown) => setError(describeError(e, t('room.doing.listingAddresses'))),
    );
  }, [lan]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const member = memberSchema.safeParse(who);
    if (!member.success) return setError(profileProblem(who));
    const iceInput = iceInputFrom(ice);
    const iceParsed = parseIceSettings(iceInput);
    if (!iceParsed.ok) return setError(iceErrorText(t, iceInput));
    let extra: string[];
    try {
      extra = parseUrls(urls);
    } catch {
      return setError(t('room.error.signalingUrl'));
    }
    if (!lan && extra.length === 0) return setError(t('room.error.noSignaling'));
    const typedCertificate = certificate.trim() ? parseCertificateFingerprint(certificate) : null;
    if (certificate.trim() && !typedCertificate) return setError(t('room.error.fingerprint'));
    const portNumber = Number(port);
    if (lan && (!Number.isInteger(portNumber) || portNumber < 0 || portNumber > 65535)) return setError(t('room.error.port'));
    setBusy(true);
    try {
      let signaling = extra;
      let lanChoice: { host: string; port: number } | null = null;
      let served: { certificate: string | null; webOrigin: string | null } = { certificate: typedCertificate, webOrigin: null };
      if (lan) {
        if (!address) throw new Error('no-address');
        const status = await lan.start({ host: address, port: portNumber });
        lanChoice = { host: address, port: status.port ?? portNumber };
        signaling = [...status.urls, ...extra].slice(0, 4);
        // The port serves the web app too: browsers join at its https address, and check (and
        // desktop apps trust) the certificate it presents.
        served = { certificate: status.certificate?.sha256 ?? null, webOrigin: status.webUrls[0] ?? null };
      }
      await room.open({
        kind: 'host',
        secret: existing?.secret ?? createRoomSecret(),
        signaling,
        ice: iceParsed.value,
        lan: lanChoice,
        webOrigin: webOrigin.trim() || served.webOrigin,
        certificate: served.certificate,
        member: member.data,
        online: true,
      });
      onOpened();
    } catch (e) {
      setError(e instanceof Error && e.message === 'no-address' ? t('room.error.noAddress') : describeError(e, t('room.doing.opening')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={tr('room.open.title')} onClose={onClose} testId="open-room-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate>
        {lan && (
          <div className="field-row">
            <label className="field">
              <span>{tr('room.open.address')}</span>
              <select value={address} onChange={(e) => setAddress(e.target.value)} aria-busy={addresses === null} data-autofocus>
                {(addresses ?? []).map((a) => (
                  <option key={`${a.interfaceName}-${a.address}`} value={a.address}>
                    {tr('room.open.addressOption', { address: a.address, name: a.interfaceName, linkLocal: String(a.linkLocal), internal: String(a.internal) })}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{tr('room.open.port')}</span>
              <input inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} />
            </label>
          </div>
        )}
        <label className="field">
          <span>{lan ? tr('room.open.extraSignaling') : tr('room.open.signaling')}</span>
          <input value={urls} onChange={(e) => setUrls(e.target.value)} placeholder={tr('room.open.signalingPlaceholder')} {...(lan ? {} : { 'data-autofocus': true })} />
        </label>
        <label className="field">
          <span>{lan ? tr('room.open.webOriginLan') : tr('room.open.webOrigin')}</span>
          <input value={webOrigin} onChange={(e) => setWebOrigin(e.target.value)} placeholder={lan ? tr('room.open.webOriginPlaceholderLan') : tr('room.open.webOriginPlaceholder')} />
        </label>
        {lan ? (
          <RoomCertificateFields lan={lan} />
        ) : (
          <label className="field">
            <span>{tr('room.open.certificate')}</span>
            <input value={certificate} onChange={(e) => setCertificate(e.target.value)} placeholder={tr('room.open.certificatePlaceholder')} spellCheck={false} autoComplete="off" />
            {serverInfo?.certificate && (
              <small className="hint" data-testid="server-info-prefilled">
                {tr('room.open.certificatePrefilled')}
              </small>
            )}
          </label>
        )}
        <MemberChoice value={who} onChange={setWho} known={who.name.trim() !== ''} />
        <details>
          <summary>{tr('room.ice.summary')}</summary>
          <IceSettingsFields draft={ice} onChange={setIce} />
        </details>
        <FormFooter error={error} onCancel={onClose} submitLabel={tr('room.open.submit')} busy={busy} />
      </form>
    </Dialog>
  );
}
