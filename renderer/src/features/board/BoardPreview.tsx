// A read-only board: every section with its cards (title, status, side), for looking at the
// board as it was at a point in its history. Nothing here can change anything.
import type { BoardSnapshot } from '../../../../shared/board';
import { SECTIONS } from '../../../../shared/board';
import { SIDE_LABELS, STATUS_LABELS } from './labels';

export function BoardPreview({ snapshot, label }: { readonly snapshot: BoardSnapshot; readonly label: string }) {
  return (
    <div className="board board-preview" aria-label={label} data-testid="board-preview">
      {SECTIONS.map((spec) => {
        const cards = snapshot.sections[spec.id];
        return (
          <section key={spec.id} className="section" aria-label={spec.title} data-testid={`preview-${spec.id}`}>
            <h3>
              {spec.title} <span className="count">({cards.length})</span>
            </h3>
            <ol className="card-list">
              {cards.map((card) => (
                <li key={card.id} className={`card status-${card.status}`} data-testid="preview-card">
                  <span className="card-title">{card.fields.title ?? ''}</span>
                  <span className="card-meta">
                    <span className={`badge side-${card.side}`}>{SIDE_LABELS[card.side]}</span>{' '}
                    <span className={`badge status-badge status-${card.status}`}>{STATUS_LABELS[card.status]}</span>
                  </span>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
      {snapshot.trash.length > 0 && <p className="muted">Deleted cards: {snapshot.trash.length}</p>}
    </div>
  );
}
