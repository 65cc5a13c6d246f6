// A read-only board: every section with its cards (title, status, side), for looking at the
// board as it was at a point in its history. Nothing here can change anything.
import type { BoardSnapshot } from '../../../../shared/board';
import { SECTIONS } from '../../../../shared/board';
import { sectionTitle, sideLabel, statusLabel, useFormat, useT } from '../../core/i18n';

export function BoardPreview({ snapshot, label }: { readonly snapshot: BoardSnapshot; readonly label: string }) {
  const t = useT();
  const format = useFormat();
  return (
    <div className="board board-preview" aria-label={label} data-testid="board-preview">
      {SECTIONS.map((spec) => {
        const cards = snapshot.sections[spec.id];
        const title = sectionTitle(t, spec.id);
        return (
          <section key={spec.id} className="section" aria-label={title} data-testid={`preview-${spec.id}`}>
            <h3>
              {title} <span className="count">({format.number(cards.length)})</span>
            </h3>
            <ol className="card-list">
              {cards.map((card) => (
                <li key={card.id} className={`card status-${card.status}`} data-testid="preview-card">
                  <span className="card-title">{card.fields.title ?? ''}</span>
                  <span className="card-meta">
                    <span className={`badge side-${card.side}`}>{sideLabel(t, card.side)}</span>{' '}
                    <span className={`badge status-badge status-${card.status}`}>{statusLabel(t, card.status)}</span>
                  </span>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
      {snapshot.trash.length > 0 && <p className="muted">{t('board.preview.deleted', { count: snapshot.trash.length })}</p>}
    </div>
  );
}
