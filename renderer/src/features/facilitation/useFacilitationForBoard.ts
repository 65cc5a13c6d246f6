// Facilitation of the open board, composed with its room: who I am (the room's participant id
// and member, else my profile), the room's presence channel for the facilitator's clock and
// location, and the first claim: the facilitator who opened the room (or works offline) pins
// their key as the workshop's facilitator key.
import { useEffect } from 'react';
import type { Host } from '../../host/Host';
import type { WorkshopSession } from '../board/workshopSession';
import type { RoomController } from '../room/roomController';
import { participantId } from '../room/roomSettings';
import { profileStore } from '../profile/profileStore';
import { useFacilitationForSession, type Facilitation } from './facilitationContext';
import type { Me } from './facilitationController';

export function useFacilitationForBoard(host: Host, session: WorkshopSession | null, room: RoomController | null): Facilitation | null {
  const me = (): Me => {
    const member = room?.store.getState().settings?.member;
    const profile = profileStore.getState().profile;
    return { participantId: participantId(), name: member?.name ?? profile?.name ?? 'Facilitator', side: member?.side ?? profile?.side ?? 'facilitator' };
  };
  const facilitation = useFacilitationForSession(host, session, me);

  useEffect(() => {
    if (!facilitation || !room) return;
    let current = room.awareness();
    facilitation.controller.attachAwareness(current);
    const unsubscribe = room.store.subscribe(() => {
      const next = room.awareness();
      if (next === current) return;
      current = next;
      facilitation.controller.attachAwareness(next);
    });
    return () => {
      unsubscribe();
      facilitation.controller.attachAwareness(null);
    };
  }, [facilitation, room]);

  useEffect(() => {
    if (!facilitation) return;
    const { controller, commands } = facilitation;
    let claiming = false;
    const maybeClaim = () => {
      const view = controller.store.getState();
      const settings = room?.store.getState().settings ?? null;
      // A guest never claims on its own: its doc may simply not have synced the claim yet.
      const mayClaim = settings === null || settings.kind === 'host';
      if (claiming || view.claim || !view.myKey || !mayClaim || controller.me().side !== 'facilitator') return;
      claiming = true;
      void commands.claim().catch(() => {
        claiming = false;
      });
    };
    maybeClaim();
    const unsubscribes = [controller.store.subscribe(maybeClaim), room?.store.subscribe(maybeClaim) ?? (() => undefined)];
    return () => unsubscribes.forEach((u) => u());
  }, [facilitation, room]);

  return facilitation;
}
