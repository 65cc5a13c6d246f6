// One section of the board: its heading and purpose, its cards in order, an add button, and a
// drop zone for dragged cards.
import { memo, useState, type DragEvent } from 'react';
import { SECTION_IDS, type SectionSpec } from '../../../../shared/board';
import { CardView, type CardCommands } from './CardView';
import { useBoard } from './useBoard';
import { CARD_DRAG_TYPE, dropIndex, isCardDrag } from './dragAndDrop';

interface SectionColumnProps {
  readonly spec: SectionSpec;
  readonly commands: CardCommands;
  readonly onAdd: (section: SectionSpec['id']) => void;
  readonly onDropCard: (cardId: string, section: SectionSpec['id'], index: number) => void;
}

function SectionColumnImpl({ spec, commands, onAdd, onDropCard }: SectionColumnProps) {
  const cards = useBoard((s) => s.snapshot.sections[spec.id]);
  const [dropping, setDropping] = useState(false);
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
    onDropCard(id, spec.id, dropIndex(event, cards, id));
  };
  return (
    <section
      className={`section${dropping ? ' dropping' : ''}`}
      aria-labelledby={headingId}
      data-testid={`section-${spec.id}`}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <header className="section-header">
        <h2 id={headingId}>
          {spec.title} <span className="count">({cards.length})</span>
        </h2>
        <p className="section-purpose">{spec.purpose}</p>
        <button type="button" onClick={() => onAdd(spec.id)} data-testid={`add-card-${spec.id}`}>
          + Add card<span className="visually-hidden"> to {spec.title}</span>
        </button>
      </header>
      <ol className="card-list" aria-labelledby={headingId}>
        {cards.map((card, i) => (
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
    </section>
  );
}

export const SectionColumn = memo(SectionColumnImpl);
