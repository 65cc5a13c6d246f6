// What the board could not show: entries a broken or hostile peer (or an older version) wrote in
// a shape the schema does not have. The readers skip them; this says so, and where, instead of
// letting them vanish without a word.
import { useMemo } from 'react';
import { snapshotProblems } from '../../../../shared/board';
import { useBoard } from './useBoard';

export function BoardProblems() {
  const problems = useBoard((s) => s.snapshot.problems);
  const list = useMemo(() => snapshotProblems({ problems }), [problems]);
  if (list.length === 0) return null;
  return (
    <details className="board-problems" role="note" data-testid="board-problems">
      <summary>
        {list.length} {list.length === 1 ? 'entry' : 'entries'} of this board could not be read and {list.length === 1 ? 'is' : 'are'} not shown. The history can bring back
        what was there before.
      </summary>
      <ul>
        {list.slice(0, 50).map((p, i) => (
          <li key={i}>
            <code>{p.where}</code>: {p.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
