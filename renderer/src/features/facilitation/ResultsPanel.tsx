// Results of the revealed vote: dots per card with IT and OT apart (a split between the sides is
// flagged, not averaged away), and for the facilitator "Make agreed" on the winners.
import { useStore } from 'zustand';
import { currentRound, winners, type RoundResults } from '../../../../shared/facilitation';
import { announce, notifyError } from '../../core/notices';
import { boardErrorText, sideLabel, useT } from '../../core/i18n';
import { useFacilitation, useFacilitationContext, type Facilitation } from './facilitationContext';

export function ResultsPanel() {
  const facilitation = useFacilitationContext();
  const results = useFacilitation((v) => v.results);
  const round = useFacilitation((v) => currentRound(v.state));
  if (!facilitation || !results || !round) return null;
  return <Results facilitation={facilitation} results={results} />;
}

function Results({ facilitation, results }: { readonly facilitation: Facilitation; readonly results: RoundResults }) {
  const t = useT();
  const cards = useStore(facilitation.controller.board, (s) => s.snapshot.cards);
  const isFacilitator = useFacilitation((v) => v.isFacilitator);
  const board = facilitation.controller.board;
  const makeAgreed = (ids: readonly string[]) => {
    for (const id of ids) {
      const outcome = board.getState().setStatus(id, 'agreed');
      if (!outcome.ok) return notifyError(boardErrorText(t, outcome.error));
    }
    announce(t('facilitation.results.marked', { count: ids.length }));
  };
  const top = winners(results, 3).filter((id) => cards[id] && !cards[id].deleted && cards[id].status !== 'agreed');
  const max = Math.max(1, ...results.tallies.map((t) => t.total));
  return (
    <section className="results-panel" aria-labelledby="results-heading" data-testid="results-panel">
      <h2 id="results-heading">{t('facilitation.results.heading')}</h2>
      <p>
        {t('facilitation.results.counted', { count: results.ballotsCounted, it: results.votersBySide.IT, ot: results.votersBySide.OT, rejected: results.ballotsRejected })}
      </p>
      <table className="results-table">
        <caption className="visually-hidden">{t('facilitation.results.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('facilitation.results.card')}</th>
            <th scope="col">{sideLabel(t, 'IT')}</th>
            <th scope="col">{sideLabel(t, 'OT')}</th>
            <th scope="col">{t('facilitation.results.total')}</th>
            {isFacilitator && <th scope="col">{t('facilitation.results.action')}</th>}
          </tr>
        </thead>
        <tbody>
          {results.tallies.map((tally) => {
            const card = cards[tally.cardId];
            const title = card?.fields.title ?? t('facilitation.results.deleted');
            return (
              <tr key={tally.cardId} data-testid="result-row">
                <th scope="row">
                  {title}
                  {tally.split && (
                    <span className="badge split-badge" data-testid="split-badge">
                      {' '}
                      {t('facilitation.results.split', { side: sideLabel(t, tally.it > tally.ot ? 'IT' : 'OT') })}
                    </span>
                  )}
                  <svg className="result-bar" width="120" height="10" aria-hidden="true">
                    <rect x="0" y="0" width={(120 * tally.it) / max} height="10" className="bar-it" />
                    <rect x={(120 * tally.it) / max} y="0" width={(120 * tally.ot) / max} height="10" className="bar-ot" />
                  </svg>
                </th>
                <td data-testid="result-it">{tally.it}</td>
                <td data-testid="result-ot">{tally.ot}</td>
                <td data-testid="result-total">{tally.total}</td>
                {isFacilitator && (
                  <td>
                    {card && !card.deleted && card.status !== 'agreed' ? (
                      <button type="button" onClick={() => makeAgreed([tally.cardId])} data-testid="make-agreed" aria-label={t('facilitation.results.makeAgreedCard', { title })}>
                        {t('facilitation.results.makeAgreed')}
                      </button>
                    ) : (
                      card?.status === 'agreed' && t('facilitation.results.agreed')
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
          {t('facilitation.results.makeTop', { count: top.length })}
        </button>
      )}
    </section>
  );
}
