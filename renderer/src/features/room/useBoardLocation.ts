// Tracks where I am on the board (the card or section that holds focus) as my presence
// location. Focus moving into a dialog (e.g. the card editor) keeps the last place.
import { useEffect } from 'react';
import { SECTION_IDS, type SectionId } from '../../../../shared/board';
import type { RoomController } from './roomController';

const isSection = (value: string): value is SectionId => (SECTION_IDS as readonly string[]).includes(value);

export function useBoardLocation(room: RoomController | null): void {
  useEffect(() => {
    if (!room) return;
    const onFocus = (event: FocusEvent) => {
      if (!(event.target instanceof Element)) return;
      const board = event.target.closest('[data-testid="board"]');
      if (!board) return;
      const cardId = event.target.closest('[data-card-id]')?.getAttribute('data-card-id') ?? null;
      const sectionId = event.target.closest('[data-testid^="section-"]')?.getAttribute('data-testid')?.slice('section-'.length) ?? '';
      room.setLocation({ cardId, section: isSection(sectionId) ? sectionId : null });
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, [room]);
}
