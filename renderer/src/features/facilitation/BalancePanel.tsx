// The IT/OT balance, live: contributions and votes by side as small charts, and the coverage
// list (trade-offs missing a view, goals missing an owner, scenarios without exactly one
// Accountable, sections where one side is silent), each a link to the place on the board.
// Each gap is a memoised row keyed by what it is about, so an edit re-renders only the gaps it
// changed, not the whole list (hundreds of rows on a large board).
import { memo, useMemo } from 'react';
import type { SectionId } from '../../../../shared/board';
import { useStore } from 'zustand';
import { computeBalance, type CoverageKind } from '../../../../shared/facilitation';
import { useFacilitation, useFacilitationContext, type Facilitation } from './facilitationContext';
import { BalanceChart } from './BalanceChart';
import { navigateTo } from './navigateTo';

export function BalancePanel() {
  const facilitation = useFacilitationContext();
  if (!facilitation) return null;
  return <Balance facilitation={facilitation} />;
}

function Balance({ facilitation }: { readonly facilitation: Facilitation }) {
  const snapshot = useStore(facilitation.controller.board, (s) => s.snapshot);
  const results = useFacilitation((v) => v.results);
  const cast = useFacilitation((v) => v.ballotsCast);
  const balance = useMemo(() => computeBalance(snapshot), [snapshot]);
  const dots = results
    ? results.tallies.reduce((n, t) => ({ IT: n.IT + t.it, OT: n.OT + t.ot, facilitator: n.facilitator + t.facilitator }), { IT: 0, OT: 0, facilitator: 0 })
    : null;
  return (
    <section className="balance-panel" aria-labelledby="balance-heading" data-testid="balance-panel">
      <h2 id="balance-heading">IT/OT balance</h2>
      <div className="balance-charts">
        <BalanceChart title="Cards by side" counts={balance.contributions} testId="chart-contributions" />
        {dots ? <BalanceChart title="Dots by side (revealed)" counts={dots} testId="chart-votes" /> : cast && <BalanceChart title="Ballots by side (votes hidden)" counts={cast} testId="chart-votes" />}
      </div>
      <h3>Coverage</h3>
      {balance.gaps.length === 0 ? (
        <p data-testid="coverage-ok">No gaps: every trade-off has both views, every goal an owner on each side, every scenario one Accountable.</p>
      ) : (
        <ul className="coverage-list" data-testid="coverage-list">
          {balance.gaps.map((gap) => (
            <GapRow key={`${gap.kind}-${gap.section}-${gap.cardId ?? ''}`} kind={gap.kind} section={gap.section} cardId={gap.cardId} message={gap.message} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface GapRowProps {
  readonly kind: CoverageKind;
  readonly section: SectionId;
  readonly cardId: string | null;
  readonly message: string;
}

const GapRow = memo(function GapRow({ kind, section, cardId, message }: GapRowProps) {
  return (
    <li data-testid="coverage-gap" data-kind={kind}>
      <button type="button" className="link-button" onClick={() => navigateTo(section, cardId)}>
        {message}
      </button>
    </li>
  );
});
