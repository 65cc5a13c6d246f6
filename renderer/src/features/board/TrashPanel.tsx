// Deleted cards, each with a restore button: deleting is never final on the board.
import { describeError } from '../../core/describeError';
import { notifyError } from '../../core/notices';
import { boardErrorText, sectionTitle, useT } from '../../core/i18n';
import { useBoard, useBoardStore } from './useBoard';

export function TrashPanel() {
  const t = useT();
  const trash = useBoard((s) => s.snapshot.trash);
  const store = useBoardStore();
  const restore = (id: string) => {
    try {
      const result = store.getState().restoreCard(id);
      if (!result.ok) notifyError(boardErrorText(t, result.error));
    } catch (e) {
      notifyError(describeError(e, t('board.doing.restoring')));
    }
  };
  return (
    <details className="trash" data-testid="trash">
      <summary>{t('board.trash.summary', { count: trash.length })}</summary>
      {trash.length === 0 ? (
        <p>{t('board.trash.empty')}</p>
      ) : (
        <ul>
          {trash.map((card) => (
            <li key={card.id}>
              <span>
                {card.fields.title} <small>({sectionTitle(t, card.section)})</small>
              </span>
              <button type="button" onClick={() => restore(card.id)}>
                {t.rich('board.trash.restore', { title: card.fields.title })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
