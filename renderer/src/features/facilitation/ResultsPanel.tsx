// Results of the revealed vote: dots per card with IT and OT apart (a split between the sides is
// flagged, not averaged away), and for the facilitator "Make agreed" on the winners.
import { useStore } from 'zustand';
import { currentRound, winners, type RoundResults } from '../../../../shared/facilitation';
import { announce, notifyError } from '../../core/notices';
import { useFacilitation, useFacilitationContext, type Facilitation } from './facilitationContext';

export function ResultsPanel() {
  const facilitation = useFacilitationContext();
  const results = useFacilitation((v) => v.results);
  const round = useFacilitation((v) => currentRound(v.state));
  if (!facilitation || !results || !round) return null;
  return <Results facilitation={facilitation} results={results} />;
}

function Results({ facilitation, results }: { readonly facilitation: Facilitation; readonly results: RoundResults }) {
  const cards = useStore(facilitation.controller.board, (s) => s.snapshot.cards);
  const isFacilitator = useFacilitation((v) => v.isFacilitator);
  const board = facilitation.controller.board;
  const makeAgreed = (ids: readonly string[]) => {
    for (const id of ids) {
      const outcome = board.getState().setStatus(id, 'agreed');
      if (!outcome.ok) return notifyError(outcome.error.message);
    }
    announce(ids.length === 1 ? 'Marked agreed.' : `${ids.length} items marked agreed.`);
  };
  const top = winners(results, 3).filter((id) => cards[id] && !cards[id].deleted && cards[id].status !== 'agreed');
  const max = Math.max(1, ...results.tallies.map((t) => t.total));
  return (
    <section className="results-panel" aria-labelledby="results-heading" data-testid="results-panel">
      <h2 id="results-heading">Vote results</h2>
      <p>
        {results.ballotsCounted} ballot{results.ballotsCounted === 1 ? '' : 's'} counted (IT {results.votersBySide.IT}, OT {results.votersBySide.OT})
        {results.ballotsRejected > 0 ? `; ${results.ballotsRejected} not counted (over budget, altered, not signed by their voter, or cast after the reveal)` : ''}.
      </p>
      <table className="results-table">
        <caption className="visually-hidden">Dots per card, by side</caption>
        <thead>
          <tr>
            <th scope="col">Card</th>
            <th scope="col">IT</th>
            <th scope="col">OT</th>
            <th scope="col">Total</th>
            {isFacilitator && <th scope="col">Action</th>}
          </tr>
        </thead>
        <tbody>
          {results.tallies.map((t) => {
            const card = cards[t.cardId];
            const title = card?.fields.title ?? '(a deleted card)';
            return (
              <tr key={t.cardId} data-testid="result-row">
                <th scope="row">
                  {title}
                  {t.split && (
                    <span className="badge split-badge" data-testid="split-badge">
                      {' '}
                      split: {t.it > t.ot ? 'IT' : 'OT'} much more
                    </span>
                  )}
                  <svg className="result-bar" width="120" height="10" aria-hidden="true">
                    <rect x="0" y="0" width={(120 * t.it) / max} height="10" className="bar-it" />
                    <rect x={(120 * t.it) / max} y="0" width={(120 * t.ot) / max} height="10" className="bar-ot" />
                  </svg>
                </th>
                <td data-testid="result-it">{t.it}</td>
                <td data-testid="result-ot">{t.ot}</td>
                <td data-testid="result-total">{t.total}</td>
                {isFacilitator && (
                  <td>
                    {card && !card.deleted && card.status !== 'agreed' ? (
                      <button type="button" onClick={() => makeAgreed([t.cardId])} data-testid="make-agreed" aria-label={`Make “${title}” agreed`}>
                        Make agreed
                      </button>
                    ) : (
                      card?.status === 'agreed' && 'Agreed'
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {isFacilitator && top.length > 0 && (
        <button type="button" className="primary" onClick={() => makeAgreed(top)} data-testid="make-winners-agreed">
          Make the top {top.length} agreed
        </button>
      )}
    </section>
  );
}
