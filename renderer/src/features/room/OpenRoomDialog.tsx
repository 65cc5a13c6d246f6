// The facilitator opens a room for the workshop: where signaling runs (an address of this
// machine on the LAN in the desktop app, which then serves the web app over HTTPS too, or a
// server's URL), the certificate participants check, the STUN/TURN settings, and who they are
// in the room. A fresh room secret is drawn the first time.
import { useEffect, useState, type FormEvent } from 'react';
import { createRoomSecret, formatFingerprint, normaliseSignalingUrl, parseCertificateFingerprint, parseIceSettings } from '../../../../shared/room';
import { useHost } from '../../core/hostContext';
import type { LanAddressInfo } from '../../host/Host';
import { Dialog } from '../../ui/Dialog';
import { describeError } from '../../core/describeError';
import { profileStore } from '../profile';
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
  const [role, setRole] = useState(existing?.member.role ?? '');
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
      (e: unknown) => setError(describeError(e, 'Listing this machine’s addresses')),
    );
  }, [lan]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const iceParsed = parseIceSettings(iceInputFrom(ice));
    if (!iceParsed.ok) return setError(iceParsed.error);
    let extra: string[];
    try {
      extra = parseUrls(urls);
    } catch {
      return setError('A signaling address must be a ws:// or wss:// URL, e.g. ws://10.0.0.5:4444.');
    }
    if (!lan && extra.length === 0) return setError('Enter the address of a signaling server, e.g. wss://signal.example.com.');
    const typedCertificate = certificate.trim() ? parseCertificateFingerprint(certificate) : null;
    if (certificate.trim() && !typedCertificate) return setError('A certificate fingerprint is 64 hex digits (32 pairs), as the browser or `bridgeboard serve` shows it.');
    const portNumber = Number(port);
    if (lan && (!Number.isInteger(portNumber) || portNumber < 0 || portNumber > 65535)) return setError('The port is a number from 0 to 65535.');
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
        member: { name: profile?.name ?? 'Anonymous', side: profile?.side ?? 'facilitator', role },
        online: true,
      });
      onOpened();
    } catch (e) {
      setError(e instanceof Error && e.message === 'no-address' ? 'Pick the address the participants can reach.' : describeError(e, 'Opening the room'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Open the room" onClose={onClose} testId="open-room-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate>
        {lan && (
          <div className="field-row">
            <label className="field">
              <span>This machine’s address on the workshop network</span>
              <select value={address} onChange={(e) => setAddress(e.target.value)} aria-busy={addresses === null} data-autofocus>
                {(addresses ?? []).map((a) => (
                  <option key={`${a.interfaceName}-${a.address}`} value={a.address}>
                    {a.address} ({a.interfaceName}{a.linkLocal ? ', link-local' : ''}{a.internal ? ', this machine only' : ''})
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Port</span>
              <input inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} />
            </label>
          </div>
        )}
        <label className="field">
          <span>{lan ? 'Also use a signaling server (optional)' : 'Signaling server address'}</span>
          <input value={urls} onChange={(e) => setUrls(e.target.value)} placeholder="wss://signal.example.com" {...(lan ? {} : { 'data-autofocus': true })} />
        </label>
        <label className="field">
          <span>Web address of Bridgeboard, for the web link (optional{lan ? '; this computer serves it by default' : ''})</span>
          <input value={webOrigin} onChange={(e) => setWebOrigin(e.target.value)} placeholder={lan ? 'https://<the address above>:<port>' : 'https://board.example.com'} />
        </label>
        {lan ? (
          <RoomCertificateFields lan={lan} />
        ) : (
          <label className="field">
            <span>Server certificate fingerprint (SHA-256), for participants to check (optional)</span>
            <input value={certificate} onChange={(e) => setCertificate(e.target.value)} placeholder="as bridgeboard serve printed it: 4F 2A 9C …" spellCheck={false} autoComplete="off" />
            {serverInfo?.certificate && (
              <small className="hint" data-testid="server-info-prefilled">
                Filled in from this server. Compare the fingerprint with your browser&rsquo;s certificate viewer or your administrator&rsquo;s before you read it out.
              </small>
            )}
          </label>
        )}
        <label className="field">
          <span>Your role in this workshop</span>
          <input value={role} maxLength={80} onChange={(e) => setRole(e.target.value)} />
        </label>
        <details>
          <summary>Network settings (STUN/TURN)</summary>
          <IceSettingsFields draft={ice} onChange={setIce} />
        </details>
        <FormFooter error={error} onCancel={onClose} submitLabel="Open room" busy={busy} />
      </form>
    </Dialog>
  );
}
