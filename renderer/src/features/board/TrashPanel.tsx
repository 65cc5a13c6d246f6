// Deleted cards, each with a restore button: deleting is never final on the board.
import { sectionSpec } from '../../../../shared/board';
import { describeError } from '../../core/describeError';
import { notifyError } from '../../core/notices';
import { useBoard, useBoardStore } from './useBoard';

export function TrashPanel() {
  const trash = useBoard((s) => s.snapshot.trash);
  const store = useBoardStore();
  const restore = (id: string) => {
    try {
      const result = store.getState().restoreCard(id);
      if (!result.ok) notifyError(result.error.message);
    } catch (e) {
      notifyError(describeError(e, 'Restoring the card'));
    }
  };
  return (
    <details className="trash" data-testid="trash">
      <summary>Deleted cards ({trash.length})</summary>
      {trash.length === 0 ? (
        <p>Nothing here.</p>
      ) : (
        <ul>
          {trash.map((card) => (
            <li key={card.id}>
              <span>
                {card.fields.title} <small>({sectionSpec(card.section).title})</small>
              </span>
              <button type="button" onClick={() => restore(card.id)}>
                Restore<span className="visually-hidden"> “{card.fields.title}”</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
