// One section of the board: its heading and purpose, its cards in order, an add button, and a
// drop zone for dragged cards.
import { memo, startTransition, useEffect, useLayoutEffect, useState, type DragEvent } from 'react';
import { SECTION_IDS, type SectionSpec } from '../../../../shared/board';
import { CardView, type CardCommands } from './CardView';
import { useBoard, useSectionAccess } from './useBoard';
import { useBoardSlots } from './boardSlots';
import { CARD_DRAG_TYPE, cardBoxes, dropIndex, isCardDrag } from './dragAndDrop';
import { sectionPurpose, sectionTitle, useFormat, useT } from '../../core/i18n';

/**
 * Cards shown in the first frame; the rest follow in a transition right after. A large board
 * thus paints at once (the viewport holds far fewer cards) and stays responsive while the
 * remainder renders in interruptible slices; every card is in the DOM moments later.
 */
const FIRST_FRAME_CARDS = 24;

interface SectionColumnProps {
  readonly spec: SectionSpec;
  readonly commands: CardCommands;
  readonly onAdd: (section: SectionSpec['id']) => void;
  readonly onDropCard: (cardId: string, section: SectionSpec['id'], index: number) => void;
}

function SectionColumnImpl({ spec, commands, onAdd, onDropCard }: SectionColumnProps) {
  const t = useT();
  const format = useFormat();
  const cards = useBoard((s) => s.snapshot.sections[spec.id]);
  const { SectionDecoration } = useBoardSlots();
  const [dropping, setDropping] = useState(false);
  // Closed by the facilitator's current phase: shown read-only; the store refuses changes too.
  const access = useSectionAccess(spec.id);
  const closed = access !== 'open';
  const [limit, setLimit] = useState(FIRST_FRAME_CARDS);
  const complete = limit === Number.POSITIVE_INFINITY;
  useEffect(() => {
    if (complete) return;
    const timer = setTimeout(() => startTransition(() => setLimit(Number.POSITIVE_INFINITY)), 0);
    return () => clearTimeout(timer);
  }, [complete]);
  useLayoutEffect(() => {
    // For the render benchmark: when this column holds all of its cards.
    if (complete) performance.mark('bb:section-complete');
  }, [complete]);
  const shown = cards.length > limit ? cards.slice(0, limit) : cards;
  const position = SECTION_IDS.indexOf(spec.id);
  const headingId = `section-${spec.id}-heading`;
  const onDragOver = (event: DragEvent) => {
    if (!isCardDrag(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setDropping(true);
  };
  const onDrop = (event: DragEvent) => {
    setDropping(false);
    const id = event.dataTransfer.getData(CARD_DRAG_TYPE);
    if (!id) return;
    event.preventDefault();
    onDropCard(id, spec.id, dropIndex(event.clientY, cardBoxes(event.currentTarget), id, cards.filter((c) => c.id !== id).length));
  };
  return (
    <section
      className={`section${dropping ? ' dropping' : ''}${closed ? ' section-closed' : ''}`}
      aria-labelledby={headingId}
      data-testid={`section-${spec.id}`}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <header className="section-header">
        <h2 id={headingId}>
          {sectionTitle(t, spec.id)} <span className="count">({format.number(cards.length)})</span>
        </h2>
        <p className="section-purpose">{sectionPurpose(t, spec.id)}</p>
        {closed && (
          <p className="section-closed-note" data-testid={`section-closed-${spec.id}`}>
            {access === 'read-only' ? t('board.section.readOnly') : t('board.section.closedToOthers')}
          </p>
        )}
        <button type="button" onClick={() => onAdd(spec.id)} disabled={access === 'read-only'} data-testid={`add-card-${spec.id}`}>
          {t.rich('board.section.add', { section: sectionTitle(t, spec.id) })}
        </button>
        {/* Below the button, in a slot of fixed height: a marker that appears as someone arrives
            must not move the button under a pointer that is about to click it. */}
        <div className="section-presence-slot">{SectionDecoration && <SectionDecoration section={spec.id} />}</div>
      </header>
      <ol className="card-list" aria-labelledby={headingId}>
        {shown.map((card, i) => (
          <CardView
            key={card.id}
            card={card}
            commands={commands}
            first={i === 0}
            last={i === cards.length - 1}
            firstSection={position === 0}
            lastSection={position === SECTION_IDS.length - 1}
          />
        ))}
      </ol>
      {shown.length < cards.length && (
        <p className="section-more" aria-busy="true">
          {t('board.section.more', { shown: shown.length, count: cards.length })}
        </p>
      )}
    </section>
  );
}

export const SectionColumn = memo(SectionColumnImpl);
