// Coloured markers on the card or section where collaborators are, so people see who is
// looking at what. Reads the room's presence itself, so a card re-renders only for its markers.
import { useMemo } from 'react';
import type { SectionId } from '../../../../shared/board';
import { useRoom } from './roomContext';
import type { RoomView } from './roomController';

interface Marker {
  readonly key: number;
  readonly name: string;
  readonly color: string;
}

function Markers({ markers, testId }: { readonly markers: readonly Marker[]; readonly testId: string }) {
  if (markers.length === 0) return null;
  return (
    <span className="presence-markers" data-testid={testId}>
      {markers.map((m) => (
        // The person's colour on the border only: as text colour it falls below 4.5:1 on some
        // surfaces (a light colour in the light theme, a dark one in the dark); the name says who.
        <span key={m.key} className="presence-marker" style={{ borderColor: m.color }} title={m.name}>
          {m.name}
        </span>
      ))}
    </span>
  );
}

/**
 * The markers as one string: a selector must return an equal value while nothing changed, and a
 * string compares by value (fresh arrays of objects would re-render forever).
 */
const markersWhere = (match: (cardId: string | null, section: SectionId | null) => boolean) => (v: RoomView): string =>
  JSON.stringify(
    v.present
      .filter((p) => !p.isLocal && p.location !== null && match(p.location.cardId, p.location.section))
      .map((p): Marker => ({ key: p.clientId, name: p.user.name, color: p.user.color })),
  );

function useMarkers(selector: (v: RoomView) => string): Marker[] {
  const json = useRoom(selector);
  return useMemo(() => JSON.parse(json) as Marker[], [json]);
}

export function CardPresence({ cardId }: { readonly cardId: string }) {
  const markers = useMarkers(markersWhere((id) => id === cardId));
  return <Markers markers={markers} testId="card-presence" />;
}

export function SectionPresence({ section }: { readonly section: SectionId }) {
  const markers = useMarkers(markersWhere((id, s) => id === null && s === section));
  return <Markers markers={markers} testId="section-presence" />;
}
