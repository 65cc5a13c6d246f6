// Casting my dots in an open vote: every card on the board with − / + buttons, the dots I have
// left, and how many people of each side have voted. Ballots are sealed to the round key and
// signed by their voter, so nobody sees where anyone's dots are until the facilitator reveals
// them, and nobody can cast or change a ballot in someone else's name.
import { useState } from 'react';
import { useStore } from 'zustand';
import { SECTIONS } from '../../../../shared/board';
import { currentRound, dotsUsed, type Dots } from '../../../../shared/facilitation';
import { notifyError } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { sectionTitle, useT } from '../../core/i18n';
import { useFacilitation, useFacilitationContext, type Facilitation } from './facilitationContext';
import { myDots } from './facilitationStorage';

export function VotePanel() {
  const facilitation = useFacilitationContext();
  const round = useFacilitation((v) => currentRound(v.state));
  const cast = useFacilitation((v) => v.ballotsCast);
  if (!facilitation || !round || round.status !== 'open' || !cast) return null;
  return <OpenVote key={round.roundId} facilitation={facilitation} roundId={round.roundId} budget={round.budget} cast={cast} />;
}

interface OpenVoteProps {
  readonly facilitation: Facilitation;
  readonly roundId: string;
  readonly budget: number;
  readonly cast: Readonly<Record<string, number>>;
}

function OpenVote({ facilitation, roundId, budget, cast }: OpenVoteProps) {
  const t = useT();
  const sections = useStore(facilitation.controller.board, (s) => s.snapshot.sections);
  const [dots, setDots] = useState<Dots>(() => myDots(facilitation.controller.vault, roundId));
  const left = budget - dotsUsed(dots);
  const change = (cardId: string, delta: 1 | -1) => {
    const n = (dots[cardId] ?? 0) + delta;
    if (n < 0 || (delta > 0 && left <= 0)) return;
    const next: Record<string, number> = { ...dots };
    if (n === 0) delete next[cardId];
    else next[cardId] = n;
    setDots(next);
    facilitation.actions.castVote(next).catch((e: unknown) => notifyError(describeError(e, t('facilitation.doing.vote'))));
  };
  return (
    <section className="vote-panel" aria-labelledby="vote-heading" data-testid="vote-panel">
      <h2 id="vote-heading">{t('facilitation.vote.heading')}</h2>
      <p>
        <strong data-testid="dots-left" aria-live="polite">
          {t('facilitation.vote.left', { left, budget })}
        </strong>{' '}
        {t('facilitation.vote.explain', { it: cast.IT ?? 0, ot: cast.OT ?? 0, neutral: cast.facilitator ?? 0 })}
      </p>
      {SECTIONS.filter((s) => s.id !== 'parking' && (sections[s.id].length) > 0).map((s) => (
        <div key={s.id} className="vote-section">
          <h3>{sectionTitle(t, s.id)}</h3>
          <ul className="vote-list">
            {sections[s.id].map((card) => {
              const mine = dots[card.id] ?? 0;
              const title = card.fields.title ?? '';
              return (
                <li key={card.id} className="vote-row" data-testid="vote-row" data-card-id-vote={card.id}>
                  <span className="vote-title">{title}</span>
                  <button type="button" onClick={() => change(card.id, -1)} disabled={mine === 0} aria-label={t('facilitation.vote.minus', { title })} data-testid="vote-minus">
                    −
                  </button>
                  <span className="vote-dots" aria-label={t('facilitation.vote.mine', { count: mine, title })} data-testid="vote-mine">
                    {'●'.repeat(mine) || '0'}
                  </span>
                  <button type="button" onClick={() => change(card.id, 1)} disabled={left <= 0} aria-label={t('facilitation.vote.plus', { title })} data-testid="vote-plus">
                    +
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
