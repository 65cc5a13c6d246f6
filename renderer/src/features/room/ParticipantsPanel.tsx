// Who is in the workshop: the roster, who is online now with their side and colour, where they
// are on the board, and each connection's state and round trip. A banner says when the room
// cannot be reached; the facilitator also sees peers dropped for sending bad data.
import type { Participant } from '../../../../shared/board';
import { sectionTitle, sideLabel, useFormat, useT, type MessageKey } from '../../core/i18n';
import { useBoard } from '../board';
import { droppedPeerText } from './dropReasonText';
import { useRoom } from './roomContext';
import type { PeerPresence } from './presence';
import type { PeerStatus } from './roomConnection';

const LINK_LABELS: Record<PeerStatus['link'], MessageKey> = { connecting: 'room.link.connecting', direct: 'room.link.direct', relayed: 'room.link.relayed', server: 'room.link.server' };

function Where({ person }: { readonly person: PeerPresence }) {
  const t = useT();
  const cardTitle = useBoard((s) => (person.location?.cardId ? s.snapshot.cards[person.location.cardId]?.fields.title : undefined));
  const section = person.location?.section;
  if (!section && !cardTitle) return null;
  return <span className="presence-where" data-testid="participant-location">{cardTitle ? t('room.where.card', { title: cardTitle }) : section ? t('room.where.section', { section: sectionTitle(t, section) }) : ''}</span>;
}

function Link({ peer }: { readonly peer: PeerStatus | undefined }) {
  const t = useT();
  const format = useFormat();
  if (!peer) return null;
  return (
    <span className={`link-state link-${peer.link}`} data-testid="participant-link">
      {t(LINK_LABELS[peer.link])}
      {peer.rttMs !== null && <span data-testid="participant-rtt">{t('room.link.rtt', { ms: format.number(peer.rttMs) })}</span>}
    </span>
  );
}

interface PersonProps {
  readonly participant: Pick<Participant, 'id' | 'name' | 'side' | 'role'>;
  readonly presence: PeerPresence | undefined;
  readonly peer: PeerStatus | undefined;
}

function Person({ participant, presence, peer }: PersonProps) {
  const t = useT();
  const online = presence !== undefined;
  return (
    <li className={`participant${online ? ' online' : ''}`} data-testid="participant" data-participant-id={participant.id} data-online={online}>
      <span className="presence-swatch" style={{ background: presence?.user.color ?? 'transparent' }} aria-hidden="true" />
      <span className="participant-name">
        {presence?.isLocal ? t('room.participant.you', { name: participant.name }) : participant.name}
      </span>
      <span className={`badge side-${participant.side}`}>{sideLabel(t, participant.side)}</span>
      {participant.role && <span className="participant-role">{participant.role}</span>}
      <span className="participant-state" data-testid="participant-state">{online ? t('room.participant.online') : t('room.participant.offline')}</span>
      {presence && <Where person={presence} />}
      {presence && !presence.isLocal && <Link peer={peer} />}
    </li>
  );
}

export function ParticipantsPanel() {
  const t = useT();
  const format = useFormat();
  const settings = useRoom((v) => v.settings);
  const phase = useRoom((v) => v.phase);
  const status = useRoom((v) => v.status);
  const present = useRoom((v) => v.present);
  const roster = useRoom((v) => v.roster);
  const error = useRoom((v) => v.error);
  if (!settings) return null;
  const byParticipant = new Map(present.map((p) => [p.user.id, p]));
  const peers = new Map(status.peers.map((p) => [p.peerId, p]));
  // People present but not (yet) on our copy of the roster still show.
  const listed = [...roster, ...present.filter((p) => !roster.some((r) => r.id === p.user.id)).map((p) => p.user)];
  const connected = status.peers.filter((p) => p.link !== 'connecting' && !p.blocked).length;
  return (
    <aside className="participants-panel" aria-label={t('room.participants.title')} data-testid="participants-panel">
      <h2>{t('room.participants.title')}</h2>
      {phase === 'online' && status.signaling === 'unreachable' && (
        <p role="alert" className="room-banner" data-testid="room-unreachable">
          {t('room.unreachable', { urls: settings.signaling.join(', ') })}
        </p>
      )}
      {error && (
        <p role="alert" className="room-banner">
          {error}
        </p>
      )}
      <p className="room-state" role="status" data-testid="room-state">
        {phase === 'offline'
          ? t('room.state.offline')
          : phase === 'starting'
            ? t('room.state.connecting')
            : status.signaling === 'connected'
              ? t('room.state.online', { count: connected })
              : t('room.state.looking')}
      </p>
      <ul className="participant-list">
        {listed.map((p) => {
          const presence = byParticipant.get(p.id);
          return <Person key={p.id} participant={p} presence={presence} peer={presence?.peer ? peers.get(presence.peer) : undefined} />;
        })}
      </ul>
      {settings.kind === 'host' && status.dropped.length > 0 && (
        <section className="dropped-peers" data-testid="dropped-peers">
          <h3>{t('room.dropped.title')}</h3>
          <ul>
            {status.dropped.map((d) => (
              <li key={`${d.peerId}-${d.at}`}>
                {droppedPeerText(t, format, d)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}
