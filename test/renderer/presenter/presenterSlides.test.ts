// The presenter's slide order: a slide per section (empty ones too) or per card (empty sections
// skipped), always ending on the vote results; switching mode keeps the section in view.
import { describe, expect, it } from 'vitest';
import { SECTION_IDS, type Card, type SectionId } from '../../../shared/board';
import { matchingSlide, presenterSlides } from '../../../renderer/src/features/presenter/presenterSlides';

const card = (id: string, section: SectionId, deleted = false): Card => ({
  id,
  section,
  rank: id,
  fields: { title: id },
  author: null,
  side: 'IT',
  status: 'proposed',
  votes: {},
  createdAt: 0,
  deleted,
});

const board = (cards: Card[]): Record<SectionId, Card[]> =>
  Object.fromEntries(SECTION_IDS.map((s) => [s, cards.filter((c) => c.section === s)])) as Record<SectionId, Card[]>;

describe('presenterSlides', () => {
  const sections = board([card('g1', 'goals'), card('g2', 'goals'), card('gone', 'goals', true), card('p1', 'parking')]);

  it('gives every section a slide, then the results', () => {
    const slides = presenterSlides(sections, 'sections');
    expect(slides.map((s) => (s.kind === 'section' ? s.section : s.kind))).toEqual([...SECTION_IDS, 'results']);
    const goals = slides[0];
    expect(goals?.kind === 'section' && goals.cards.map((c) => c.id)).toEqual(['g1', 'g2']);
  });

  it('gives every live card a slide in board order, skipping empty sections and deleted cards', () => {
    const slides = presenterSlides(sections, 'cards');
    expect(slides.map((s) => (s.kind === 'card' ? `${s.card.id} ${s.index + 1}/${s.count}` : s.kind))).toEqual(['g1 1/2', 'g2 2/2', 'p1 1/1', 'results']);
  });

  it('keeps the section in view when the mode changes', () => {
    const bySection = presenterSlides(sections, 'sections');
    const byCard = presenterSlides(sections, 'cards');
    expect(matchingSlide(byCard, bySection[SECTION_IDS.indexOf('parking')])).toBe(2);
    expect(matchingSlide(bySection, byCard[1])).toBe(0);
    expect(matchingSlide(byCard, bySection.at(-1))).toBe(3);
    // A section with no card leads to the next one that has cards.
    expect(matchingSlide(byCard, bySection[1])).toBe(2);
  });
});
