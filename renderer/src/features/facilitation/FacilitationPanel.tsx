// Facilitation above the board: the phase banner and timer for everyone, the facilitator's
// controls for facilitators, refused actions, the open vote, the results, and the balance.
import './facilitation.css';
import { useState } from 'react';
import { useT } from '../../core/i18n';
import { useFacilitation, useFacilitationContext } from './facilitationContext';
import { PhaseBanner } from './PhaseBanner';
import { FacilitatorBar } from './FacilitatorBar';
import { RefusedNotice } from './RefusedNotice';
import { VotePanel } from './VotePanel';
import { ResultsPanel } from './ResultsPanel';
import { BalancePanel } from './BalancePanel';

export function FacilitationPanel() {
  const t = useT();
  const facilitation = useFacilitationContext();
  const isFacilitator = useFacilitation((v) => v.isFacilitator);
  // The balance is worked out and drawn only while it is open: closed, an edit costs it nothing.
  const [balanceOpen, setBalanceOpen] = useState(false);
  if (!facilitation) return null;
  // The controls are for whoever holds the facilitator's authority, by key: the side someone
  // picked in their profile grants nothing.
  const showBar = isFacilitator === true;
  return (
    <div className="facilitation" data-testid="facilitation">
      <PhaseBanner />
      {showBar && <FacilitatorBar />}
      <RefusedNotice />
      <VotePanel />
      <ResultsPanel />
      <details className="balance-details" data-testid="balance-details" onToggle={(event) => setBalanceOpen(event.currentTarget.open)}>
        <summary>{t('facilitation.balance.summary')}</summary>
        {balanceOpen && <BalancePanel />}
      </details>
    </div>
  );
}
