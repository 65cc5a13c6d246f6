// What the board could not show: entries a broken or hostile peer (or an older version) wrote in
// a shape the schema does not have. The readers skip them; this says so, and where, instead of
// letting them vanish without a word.
import { useMemo } from 'react';
import { snapshotProblems } from '../../../../shared/board';
import { useBoard } from './useBoard';
import { useT } from '../../core/i18n';

export function BoardProblems() {
  const t = useT();
  const problems = useBoard((s) => s.snapshot.problems);
  const list = useMemo(() => snapshotProblems({ problems }), [problems]);
  if (list.length === 0) return null;
  return (
    <details className="board-problems" role="note" data-testid="board-problems">
      <summary>{t('board.problems', { count: list.length })}</summary>
      <ul>
        {list.slice(0, 50).map((p, i) => (
          // Where and why are the schema's technical words (doc paths, value kinds), left as they are.
          <li key={i} translate="no">
            <code>{p.where}</code>: {p.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
