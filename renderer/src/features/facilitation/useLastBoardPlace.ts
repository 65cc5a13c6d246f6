// Where on the board I last was (the section and card that held focus), so "Bring everyone
// here" means the place I just looked at, even though pressing the button moves focus away.
import { useEffect, useState } from 'react';
import { SECTION_IDS, type SectionId } from '../../../../shared/board';

export interface BoardPlace {
  readonly section: SectionId;
  readonly cardId: string | null;
}

const isSection = (value: string): value is SectionId => (SECTION_IDS as readonly string[]).includes(value);

export function useLastBoardPlace(): BoardPlace | null {
  const [place, setPlace] = useState<BoardPlace | null>(null);
  useEffect(() => {
    const onFocus = (event: FocusEvent) => {
      if (!(event.target instanceof Element) || !event.target.closest('[data-testid="board"]')) return;
      const section = event.target.closest('[data-testid^="section-"]')?.getAttribute('data-testid')?.slice('section-'.length) ?? '';
      if (!isSection(section)) return;
      setPlace({ section, cardId: event.target.closest('[data-card-id]')?.getAttribute('data-card-id') ?? null });
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, []);
  return place;
}
