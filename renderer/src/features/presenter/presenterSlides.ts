// The presenter's slides, worked out from the board as it is now: one per section, or one per
// card (sections in board order, empty ones skipped), then the vote results. Pure, so the order
// is tested without a browser.
import { SECTION_IDS, type Card, type SectionId } from '../../../../shared/board';

export type PresenterMode = 'sections' | 'cards';

export type Slide =
  | { readonly kind: 'section'; readonly section: SectionId; readonly cards: readonly Card[] }
  | { readonly kind: 'card'; readonly section: SectionId; readonly card: Card; readonly index: number; readonly count: number }
  | { readonly kind: 'results' };

export function presenterSlides(sections: Readonly<Record<SectionId, readonly Card[]>>, mode: PresenterMode): Slide[] {
  const slides: Slide[] = [];
  for (const section of SECTION_IDS) {
    const cards = sections[section].filter((c) => !c.deleted);
    if (mode === 'sections') slides.push({ kind: 'section', section, cards });
    else cards.forEach((card, index) => slides.push({ kind: 'card', section, card, index, count: cards.length }));
  }
  slides.push({ kind: 'results' });
  return slides;
}

/**
 * Where the presenter lands after switching mode: the first card of the section it was showing
 * (of the next section with cards, if that one has none), or that card's section; the results
 * stay the results.
 */
export function matchingSlide(slides: readonly Slide[], from: Slide | undefined): number {
  if (!from) return 0;
  if (from.kind === 'results') return slides.length - 1;
  const start = SECTION_IDS.indexOf(from.section);
  const at = slides.findIndex((s) => s.kind === 'results' || SECTION_IDS.indexOf(s.section) >= start);
  return at >= 0 ? at : 0;
}
