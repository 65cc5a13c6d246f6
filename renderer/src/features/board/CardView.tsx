// One card on the board. Memoised on the card object: the snapshot keeps unchanged cards
// identical, so an edit re-renders only the card that changed. Keyboard: Alt+Up/Down reorders,
// Alt+Left/Right moves to the neighbouring section, Delete deletes; buttons do the same.
import { memo, type DragEvent, type KeyboardEvent } from 'react';
import type { Card } from '../../../../shared/board';
import { sideLabel, statusLabel, useT } from '../../core/i18n';
import { CARD_DRAG_TYPE } from './dragAndDrop';
import { useSectionAccess } from './useBoard';
import { useBoardSlots } from './boardSlots';
import { SideIcon } from '../../ui/SideIcon';

export interface CardCommands {
  edit(id: string): void;
  /** `focus` names the card control to focus afterwards; by default the button that was used. */
  moveBy(id: string, delta: -1 | 1, focus?: string): void;
  moveSection(id: string, delta: -1 | 1, focus?: string): void;
  remove(id: string): void;
}

interface CardViewProps {
  readonly card: Card;
  readonly commands: CardCommands;
  readonly first: boolean;
  readonly last: boolean;
  readonly firstSection: boolean;
  readonly lastSection: boolean;
}

function CardViewImpl({ card, commands, first, last, firstSection, lastSection }: CardViewProps) {
  const t = useT();
  const title = card.fields.title ?? '';
  // In a section the current phase closes, moving and deleting are off (the store refuses them too).
  const readOnly = useSectionAccess(card.section) === 'read-only';
  const { CardDecoration } = useBoardSlots();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target instanceof HTMLInputElement) return;
    const key = event.key;
    if (event.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) commands.moveBy(card.id, key === 'ArrowUp' ? -1 : 1, 'edit');
    else if (event.altKey && (key === 'ArrowLeft' || key === 'ArrowRight')) commands.moveSection(card.id, key === 'ArrowLeft' ? -1 : 1, 'edit');
    else if (key === 'Delete' && !event.altKey) commands.remove(card.id);
    else return;
    event.preventDefault();
  };
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(CARD_DRAG_TYPE, card.id);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <li className={`card status-${card.status}`} data-card-id={card.id} data-testid="card" draggable={!readOnly} onDragStart={onDragStart} onKeyDown={onKeyDown}>
      <button type="button" className="card-title" data-control="edit" onClick={() => commands.edit(card.id)}
        aria-describedby={`${card.id}-meta`}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight Delete"
      >
        {title}
      </button>
      <div className="card-meta" id={`${card.id}-meta`}>
        <span className={`badge side-${card.side}`} data-testid="card-side">
          <SideIcon side={card.side} />
          {sideLabel(t, card.side)}
        </span>
        <span className={`badge status-badge status-${card.status}`} data-testid="card-status">
          {statusLabel(t, card.status)}
        </span>
        {card.author && <span className="card-author">{card.author}</span>}
        {CardDecoration && <CardDecoration cardId={card.id} />}
      </div>
      <div className="card-tools" role="group" aria-label={t('board.card.tools', { title })}>
        <button type="button" data-control="up" disabled={readOnly || first} onClick={() => commands.moveBy(card.id, -1)} aria-label={t('board.card.moveUp')} title={t('board.card.moveUpHint')}>
          ↑
        </button>
        <button type="button" data-control="down" disabled={readOnly || last} onClick={() => commands.moveBy(card.id, 1)} aria-label={t('board.card.moveDown')} title={t('board.card.moveDownHint')}>
          ↓
        </button>
        <button type="button" data-control="left" disabled={readOnly || firstSection} onClick={() => commands.moveSection(card.id, -1)} aria-label={t('board.card.movePrevious')} title={t('board.card.movePreviousHint')}>
          ←
        </button>
        <button type="button" data-control="right" disabled={readOnly || lastSection} onClick={() => commands.moveSection(card.id, 1)} aria-label={t('board.card.moveNext')} title={t('board.card.moveNextHint')}>
          →
        </button>
        <button type="button" data-control="delete" className="danger" disabled={readOnly} onClick={() => commands.remove(card.id)} aria-label={t('board.card.delete')} title={t('board.card.deleteHint')}>
          ✕
        </button>
      </div>
    </li>
  );
}

export const CardView = memo(CardViewImpl);
