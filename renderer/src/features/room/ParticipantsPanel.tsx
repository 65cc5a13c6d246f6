// Who is in the workshop: the roster, who is online now with their side and colour, where they
// are on the board, and each connection's state and round trip. A banner says when the room
// cannot be reached; the facilitator also sees peers dropped for sending bad data.
import { sectionSpec, type Participant } from '../../../../shared/board';
import { SIDE_LABELS, useBoard } from '../board';
import { useRoom } from './roomContext';
import type { PeerPresence } from './presence';
import type { PeerStatus } from './roomConnection';

const LINK_LABELS = { connecting: 'connecting', direct: 'direct', relayed: 'relayed', server: 'via server' } as const;

function Where({ person }: { readonly person: PeerPresence }) {
  const cardTitle = useBoard((s) => (person.location?.cardId ? s.snapshot.cards[person.location.cardId]?.fields.title : undefined));
  const section = person.location?.section;
  if (!section && !cardTitle) return null;
  return <span className="presence-where" data-testid="participant-location">{cardTitle ? `on “${cardTitle}”` : section ? `in ${sectionSpec(section).title}` : ''}</span>;
}

function Link({ peer }: { readonly peer: PeerStatus | undefined }) {
  if (!peer) return null;
  return (
    <span className={`link-state link-${peer.link}`} data-testid="participant-link">
      {LINK_LABELS[peer.link]}
      {peer.rttMs !== null && <span data-testid="participant-rtt"> · {peer.rttMs} ms</span>}
    </span>
  );
}

interface PersonProps {
  readonly participant: Pick<Participant, 'id' | 'name' | 'side' | 'role'>;
  readonly presence: PeerPresence | undefined;
  readonly peer: PeerStatus | undefined;
}

function Person({ participant, presence, peer }: PersonProps) {
  const online = presence !== undefined;
  return (
    <li className={`participant${online ? ' online' : ''}`} data-testid="participant" data-participant-id={participant.id} data-online={online}>
      <span className="presence-swatch" style={{ background: presence?.user.color ?? 'transparent' }} aria-hidden="true" />
      <span className="participant-name">
        {participant.name}
        {presence?.isLocal && ' (you)'}
      </span>
      <span className={`badge side-${participant.side}`}>{SIDE_LABELS[participant.side]}</span>
      {participant.role && <span className="participant-role">{participant.role}</span>}
      <span className="participant-state" data-testid="participant-state">{online ? 'online' : 'not connected'}</span>
      {presence && <Where person={presence} />}
      {presence && !presence.isLocal && <Link peer={peer} />}
    </li>
  );
}

export function ParticipantsPanel() {
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
    <aside className="participants-panel" aria-label="Participants" data-testid="participants-panel">
      <h2>Participants</h2>
      {phase === 'online' && status.signaling === 'unreachable' && (
        <p role="alert" className="room-banner" data-testid="room-unreachable">
          The room cannot be reached: no answer from {settings.signaling.join(', ')}. Your edits are kept on this device and merge when the room is back.
        </p>
      )}
      {error && (
        <p role="alert" className="room-banner">
          {error}
        </p>
      )}
      <p className="room-state" role="status" data-testid="room-state">
        {phase === 'offline'
          ? 'Offline: your edits are kept and merge when you reconnect.'
          : phase === 'starting'
            ? 'Connecting…'
            : status.signaling === 'connected'
              ? `Online · ${connected} ${connected === 1 ? 'peer' : 'peers'} connected`
              : 'Looking for the room…'}
      </p>
      <ul className="participant-list">
        {listed.map((p) => {
          const presence = byParticipant.get(p.id);
          return <Person key={p.id} participant={p} presence={presence} peer={presence?.peer ? peers.get(presence.peer) : undefined} />;
        })}
      </ul>
      {settings.kind === 'host' && status.dropped.length > 0 && (
        <section className="dropped-peers" data-testid="dropped-peers">
          <h3>Dropped connections</h3>
          <ul>
            {status.dropped.map((d) => (
              <li key={`${d.peerId}-${d.at}`}>
                A peer was disconnected because it {d.reason}.
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}
