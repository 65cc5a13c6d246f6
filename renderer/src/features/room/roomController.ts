// The room of one open workshop, for as long as its board is shown: starts the LAN signaling
// server when this device hosts it, puts me on the roster, connects, keeps my presence (who I
// am, where I am on the board) and offers "Go offline" / "Reconnect". The UI reads one store.
// The settings (room secret included) live in the workshop's vault, never in the doc.
import type * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { readRoster, rosterMap, upsertParticipant, type Participant } from '../../../../shared/board';
import { toRtcConfiguration, type IceSettings } from '../../../../shared/room';
import type { GuardTarget } from '../../../../shared/sync/peerMessageGuard';
import type { Host } from '../../host/Host';
import type { WorkshopVault } from '../../core/workshopVault';
import { describeError } from '../../core/describeError';
import { t } from '../../core/i18n';
import { ROOM } from '../../core/origins';
import { myParticipantId } from '../identity';
import { initialRoomStatus, openRoom, type RoomConnection, type RoomStatus } from './roomConnection';
import { colorFor, readPresence, setLocalLocation, setLocalPresence, type PeerPresence, type PresenceLocation } from './presence';
import { readRoomSettings, ROOM_SETTINGS_KEY, roomSettingsEntry, type RoomSettings, type RoomSettingsInput } from './roomSettings';
import { trustRoomCertificate } from './trustRoomCertificate';
import { meshSizeSetting } from './meshSetting';

export type RoomPhase = 'none' | 'starting' | 'online' | 'offline';

export interface RoomView {
  readonly settings: RoomSettings | null;
  readonly phase: RoomPhase;
  /** Why starting the room failed (e.g. the LAN port is taken); the room may still be joined. */
  readonly error: string | null;
  readonly status: RoomStatus;
  /** People whose connection is up, me first. */
  readonly present: readonly PeerPresence[];
  readonly roster: readonly Participant[];
}

export interface RoomController {
  readonly store: StoreApi<RoomView>;
  readonly workshopId: string;
  /** Saves the settings and (re)connects with them. */
  open(input: RoomSettingsInput): Promise<void>;
  goOffline(): void;
  reconnect(): Promise<void>;
  setIce(ice: IceSettings): Promise<void>;
  setLocation(location: PresenceLocation | null): void;
  /** The presence channel while started (facilitation publishes the facilitator's clock on it). */
  awareness(): Awareness | null;
  /** The participant who delivered the change being applied right now, when it came from a peer. */
  currentSender(): string | null;
  /** Begins presence and connects if the room was online; start after dispose starts afresh. */
  start(): void;
  dispose(): void;
}

export interface RoomDeps {
  readonly host: Host;
  readonly doc: Y.Doc;
  readonly vault: WorkshopVault;
  /** What the peer guard checks updates against (the doc, and its size). */
  readonly guardTarget: GuardTarget;
}

export function createRoomController({ host, doc, vault, guardTarget }: RoomDeps): RoomController {
  const workshopId = vault.workshopId;
  // Made on start, so a controller that is never started holds no timers.
  let awareness: Awareness | null = null;
  const participantId = myParticipantId;
  const saveRoomSettings = (input: RoomSettingsInput): RoomSettings => {
    const { settings, entry } = roomSettingsEntry(input);
    vault.set(ROOM_SETTINGS_KEY, entry);
    return settings;
  };
  const initial = readRoomSettings(vault.get(ROOM_SETTINGS_KEY));
  const store = createStore<RoomView>(() => ({
    settings: initial,
    phase: initial ? 'offline' : 'none',
    error: null,
    status: initialRoomStatus,
    present: [],
    roster: readRoster(doc),
  }));
  let connection: RoomConnection | null = null;
  let unsubscribeStatus: () => void = () => undefined;
  let location: PresenceLocation | null = null;
  let announcedPeer: string | null = null;
  let disposed = false;
  // Each connect gets a number, so a slow start that was overtaken by another does nothing.
  let attempt = 0;

  // Everyone's presence, parsed: once per change, not once per update a peer sends (the history
  // asks who sent each one, on the way between its arrival and the board showing it).
  let parsedPresence: PeerPresence[] | null = null;
  const presenceNow = (): PeerPresence[] => (parsedPresence ??= awareness ? readPresence(awareness) : []);
  const refreshPresence = (): void => {
    parsedPresence = null;
    const settings = store.getState().settings;
    if (!awareness) return;
    if (connection && settings) {
      const peer = connection.peerId();
      if (peer !== announcedPeer || awareness.getLocalState() === null) {
        announcedPeer = peer;
        const id = participantId();
        setLocalPresence(awareness, { id, ...settings.member, color: colorFor(id) }, location, peer);
      }
    }
    const live = new Set(store.getState().status.peers.filter((p) => p.link !== 'connecting' && !p.blocked).map((p) => p.peerId));
    const present = connection ? presenceNow().filter((p) => p.isLocal || (p.peer !== null && live.has(p.peer))) : [];
    store.setState({ present });
  };
  const onRoster = (): void => store.setState({ roster: readRoster(doc) });

  const disconnect = (): void => {
    attempt++;
    unsubscribeStatus();
    unsubscribeStatus = () => undefined;
    connection?.close();
    connection = null;
    announcedPeer = null;
    store.setState({ status: initialRoomStatus, present: [] });
  };

  const connect = async (initial: RoomSettings): Promise<void> => {
    let settings = initial;
    disconnect();
    const mine = attempt;
    store.setState({ phase: 'starting', error: null });
    let error: string | null = null;
    if (settings.kind === 'host' && settings.lan && host.lanSignaling) {
      try {
        const served = await host.lanSignaling.start(settings.lan);
        // A renewed or swapped certificate: later invites must carry the one now served.
        if (served.certificate && served.certificate.sha256 !== settings.certificate) settings = update({ certificate: served.certificate.sha256 }) ?? settings;
      } catch (e) {
        error = describeError(e, t('room.doing.starting'));
      }
    }
    if (settings.certificate && host.lanSignaling) await trustRoomCertificate(host.lanSignaling, settings.signaling, settings.certificate);
    upsertParticipant(doc, { id: participantId(), ...settings.member }, Date.now(), ROOM);
    // y-webrtc frees a room name only after the previous provider's key promise settles.
    await Promise.resolve();
    if (!awareness || mine !== attempt) return;
    const opened = await openRoom(
      doc,
      awareness,
      { workshopId, secret: settings.secret, signaling: settings.signaling, rtcConfig: toRtcConfiguration(settings.ice) as RTCConfiguration, meshSize: meshSizeSetting() },
      guardTarget,
    );
    if (mine !== attempt || disposed) return opened.close();
    connection = opened;
    unsubscribeStatus = opened.status.subscribe((status) => {
      store.setState({ status });
      refreshPresence();
    });
    store.setState({ phase: 'online', error });
    refreshPresence();
  };

  const update = (patch: Partial<RoomSettingsInput>): RoomSettings | null => {
    const current = store.getState().settings;
    if (!current) return null;
    const settings = saveRoomSettings({ ...current, ...patch });
    store.setState({ settings });
    return settings;
  };

  return {
    store,
    workshopId,
    open: async (input) => {
      const settings = saveRoomSettings(input);
      store.setState({ settings });
      await connect(settings);
    },
    goOffline: () => {
      disconnect();
      update({ online: false });
      store.setState({ phase: 'offline' });
    },
    reconnect: async () => {
      const settings = update({ online: true });
      if (settings) await connect(settings);
    },
    setIce: async (ice) => {
      const settings = update({ ice });
      if (settings?.online) await connect(settings);
    },
    setLocation: (next) => {
      if (next?.cardId === location?.cardId && next?.section === location?.section) return;
      location = next;
      if (awareness) setLocalLocation(awareness, location);
    },
    awareness: () => awareness,
    currentSender: () => {
      const peer = connection?.sender() ?? null;
      if (peer === null || !awareness) return null;
      return presenceNow().find((p) => p.peer === peer)?.user.id ?? null;
    },
    start: () => {
      disposed = false;
      awareness?.destroy();
      awareness = new Awareness(doc);
      parsedPresence = null;
      // The Awareness starts with an empty state; nobody is present until we say who we are.
      awareness.setLocalState(null);
      awareness.on('change', refreshPresence);
      rosterMap(doc).observeDeep(onRoster);
      // Tells subscribers (e.g. facilitation, which reads awareness()) that it is a new one.
      store.setState({ present: [] });
      const settings = store.getState().settings;
      if (settings?.online) void connect(settings);
    },
    dispose: () => {
      disposed = true;
      disconnect();
      awareness?.off('change', refreshPresence);
      rosterMap(doc).unobserveDeep(onRoster);
      awareness?.destroy();
      awareness = null;
      parsedPresence = null;
    },
  };
}
