// The IT/OT balance, live: contributions and votes by side as small charts, and the coverage
// list (trade-offs missing a view, goals missing an owner, scenarios without exactly one
// Accountable, sections where one side is silent), each a link to the place on the board.
// Each gap is a memoised row keyed by what it is about, so an edit re-renders only the gaps it
// changed, not the whole list (hundreds of rows on a large board).
import { memo, useMemo } from 'react';
import type { BoardSnapshot, SectionId } from '../../../../shared/board';
import { useStore } from 'zustand';
import { accountableNames, computeBalance, type CoverageGap, type CoverageKind } from '../../../../shared/facilitation';
import { sectionTitle, sideLabel, useFormat, useT, type Formatter, type Translate } from '../../core/i18n';
import { useFacilitation, useFacilitationContext, type Facilitation } from './facilitationContext';
import { BalanceChart } from './BalanceChart';
import { navigateTo } from './navigateTo';

export function BalancePanel() {
  const facilitation = useFacilitationContext();
  if (!facilitation) return null;
  return <Balance facilitation={facilitation} />;
}

/** A coverage gap in the reader's words, from its kind and the card it is about. */
function gapText(t: Translate, format: Formatter, gap: CoverageGap, snapshot: BoardSnapshot): string {
  const card = gap.cardId ? snapshot.cards[gap.cardId] : undefined;
  const f = card?.fields ?? {};
  const title = f.title ?? '';
  const blank = (v: string | undefined) => (v ?? '').trim().length === 0;
  const missing = (it: string | undefined, ot: string | undefined) => format.list([blank(it) ? sideLabel(t, 'IT') : '', blank(ot) ? sideLabel(t, 'OT') : ''].filter(Boolean), 'disjunction');
  switch (gap.kind) {
    case 'tradeoff-view':
      return t('facilitation.gap.tradeoffView', { title, sides: missing(f.itView, f.otView) });
    case 'goal-owner':
      return t('facilitation.gap.goalOwner', { title, sides: missing(f.itOwner, f.otOwner) });
    case 'accountable':
      return t('facilitation.gap.accountable', { title, count: accountableNames(f.accountable).length });
    case 'silent-side':
      return t('facilitation.gap.silentSide', { side: gap.side ? sideLabel(t, gap.side) : '', section: sectionTitle(t, gap.section) });
  }
}

function Balance({ facilitation }: { readonly facilitation: Facilitation }) {
  const t = useT();
  const format = useFormat();
  const snapshot = useStore(facilitation.controller.board, (s) => s.snapshot);
  const results = useFacilitation((v) => v.results);
  const cast = useFacilitation((v) => v.ballotsCast);
  const balance = useMemo(() => computeBalance(snapshot), [snapshot]);
  const dots = results
    ? results.tallies.reduce((n, t) => ({ IT: n.IT + t.it, OT: n.OT + t.ot, facilitator: n.facilitator + t.facilitator }), { IT: 0, OT: 0, facilitator: 0 })
    : null;
  return (
    <section className="balance-panel" aria-labelledby="balance-heading" data-testid="balance-panel">
      <h2 id="balance-heading">{t('facilitation.balance.heading')}</h2>
      <div className="balance-charts">
        <BalanceChart title={t('facilitation.balance.cards')} counts={balance.contributions} testId="chart-contributions" />
        {dots ? <BalanceChart title={t('facilitation.balance.dots')} counts={dots} testId="chart-votes" /> : cast && <BalanceChart title={t('facilitation.balance.ballots')} counts={cast} testId="chart-votes" />}
      </div>
      <h3>{t('facilitation.balance.coverage')}</h3>
      {balance.gaps.length === 0 ? (
        <p data-testid="coverage-ok">{t('facilitation.balance.noGaps')}</p>
      ) : (
        <ul className="coverage-list" data-testid="coverage-list">
          {balance.gaps.map((gap) => (
            <GapRow key={`${gap.kind}-${gap.section}-${gap.cardId ?? ''}`} kind={gap.kind} section={gap.section} cardId={gap.cardId} message={gapText(t, format, gap, snapshot)} />
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
