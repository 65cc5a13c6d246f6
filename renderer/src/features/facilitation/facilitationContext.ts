// React access to the open workshop's facilitation (null when no board is shown), and the hook
// that creates it with the session.
import { createContext, useContext, useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { sectionOpen } from '../../../../shared/facilitation';
import type { SectionId } from '../../../../shared/board';
import type { Host } from '../../host/Host';
import type { WorkshopSession } from '../board/workshopSession';
import { createFacilitationController, EMPTY_VIEW, type FacilitationController, type FacilitationView, type Me } from './facilitationController';
import { facilitatorCommands, type FacilitatorCommands } from './facilitatorCommands';
import { navigateTo } from './navigateTo';

export interface Facilitation {
  readonly controller: FacilitationController;
  readonly commands: FacilitatorCommands;
}

export const FacilitationContext = createContext<Facilitation | null>(null);

export function useFacilitationContext(): Facilitation | null {
  return useContext(FacilitationContext);
}

// Without a board there is no facilitation; selectors then read a view in which nothing is set.
const emptyStore = createStore<FacilitationView>(() => EMPTY_VIEW);

/** Selects from the facilitation view; null when there is no facilitation (no board). */
export function useFacilitation<T>(selector: (view: FacilitationView) => T): T | null {
  const facilitation = useContext(FacilitationContext);
  const value = useStore(facilitation?.controller.store ?? emptyStore, selector);
  return facilitation ? value : null;
}

/**
 * Whether the current phase closes `section`: 'read-only' for me, or 'closed-to-others' when I
 * am the facilitator (who may still tidy up), or 'open'.
 */
export type SectionAccess = 'open' | 'read-only' | 'closed-to-others';

export function useSectionAccess(section: SectionId): SectionAccess {
  return useFacilitation((v): SectionAccess => (sectionOpen(v.state, section) ? 'open' : v.isFacilitator ? 'closed-to-others' : 'read-only')) ?? 'open';
}

export function useFacilitationForSession(host: Host, session: WorkshopSession | null, me: () => Me): Facilitation | null {
  const facilitation = useMemo(() => {
    if (!session) return null;
    const controller = createFacilitationController(host, session.store.doc, session.id, session.store, me, navigateTo);
    return { controller, commands: facilitatorCommands(controller) };
    // `me` reads current settings when called; a new function identity must not recreate this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host, session]);
  useEffect(() => {
    if (!facilitation) return;
    facilitation.controller.start();
    return () => facilitation.controller.dispose();
  }, [facilitation]);
  return facilitation;
}
