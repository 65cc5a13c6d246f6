// The controls of whoever holds the facilitator's authority: phases, timer, voting, anonymous
// ideation, bring everyone here, the agenda, and who co-facilitates. Every button signs an
// action with this device's key; a co-facilitator sees the groups their delegation covers.
import { useRef, useState } from 'react';
import { SECTIONS, type SectionId } from '../../../../shared/board';
import { currentPhase, currentRound } from '../../../../shared/facilitation';
import { notifyError, announce } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { useKeepFocus } from '../../ui/useKeepFocus';
import { sectionTitle, useFormat, useT } from '../../core/i18n';
import { useFacilitation, useFacilitationContext } from './facilitationContext';
import { useLastBoardPlace } from './useLastBoardPlace';
import { AgendaEditor } from './AgendaEditor';
import { FacilitatorsDialog, rightsText } from './FacilitatorsDialog';


export function FacilitatorBar() {
  const t = useT();
  const format = useFormat();
  const facilitation = useFacilitationContext();
  const state = useFacilitation((v) => v.state);
  const rights = useFacilitation((v) => v.myRights) ?? [];
  const isPrimary = useFacilitation((v) => v.isPrimary);
  const delegation = useFacilitation((v) => v.myDelegation);
  const facilitatorName = useFacilitation((v) => v.facilitator?.name);
  const identityError = useFacilitation((v) => v.identityError);
  const [people, setPeople] = useState(false);
  const place = useLastBoardPlace();
  const [target, setTarget] = useState<SectionId | ''>('');
  const [budget, setBudget] = useState(5);
  const [editing, setEditing] = useState(false);
  // Revealing or closing a vote, and stopping the timer, take away the button that was pressed:
  // the focus stays in its group.
  const timerGroup = useRef<HTMLDivElement>(null);
  const votingGroup = useRef<HTMLDivElement>(null);
  useKeepFocus(timerGroup);
  useKeepFocus(votingGroup);
  if (!facilitation || !state) return null;
  const { actions } = facilitation;
  const run = (doing: string, work: () => Promise<void>, done?: string) => () => {
    work().then(
      () => done && announce(done),
      (e: unknown) => notifyError(describeError(e, doing)),
    );
  };
  const phase = currentPhase(state);
  const index = phase ? state.agenda.phases.indexOf(phase) : -1;
  const round = currentRound(state);
  const timer = state.timer;
  const bringSection = target || place?.section || 'goals';
  const bringCard = place && place.section === bringSection ? place.cardId : null;

  if (identityError) {
    return (
      <div className="facilitator-bar" role="group" aria-label={t('facilitation.bar.label')}>
        <p className="facilitator-warning" role="note" data-testid="facilitator-identity-error">
          {identityError} {t('facilitation.bar.identityError')}
        </p>
      </div>
    );
  }
  const may = (right: 'run' | 'votes') => rights.includes(right);
  return (
    <div className="facilitator-bar" role="toolbar" aria-label={t('facilitation.bar.label')} data-testid="facilitator-bar">
      {!isPrimary && delegation && (
        <p className="muted" data-testid="co-facilitator-note">
          {t('facilitation.bar.coFacilitating', { name: facilitatorName ?? t('facilitation.theFacilitator'), rights: rightsText(t, format, delegation.rights), until: format.dateTime(delegation.expiresAt, 'short', 'short') })}
        </p>
      )}
      {may('run') && (
        <>
          <div className="bar-group" role="group" aria-label={t('facilitation.bar.phase')}>
            <button type="button" onClick={run(t('facilitation.doing.phase'), () => actions.movePhase(-1))} disabled={index <= 0} data-testid="phase-previous">
              {t('facilitation.bar.previous')}
            </button>
            <button type="button" onClick={run(t('facilitation.doing.phase'), () => actions.movePhase(1))} disabled={index >= state.agenda.phases.length - 1} data-testid="phase-next">
              {phase ? t('facilitation.bar.next') : t('facilitation.bar.start')}
            </button>
            <button type="button" onClick={() => setEditing(true)} data-testid="edit-agenda">
              {t('facilitation.bar.agenda')}
            </button>
          </div>
          <div className="bar-group" role="group" aria-label={t('facilitation.bar.timer')} ref={timerGroup}>
            {timer.status === 'idle' ? (
              <button type="button" onClick={run(t('facilitation.doing.startTimer'), () => actions.startTimer(phase?.minutes ?? 10))} data-testid="timer-start">
                {t('facilitation.bar.startTimer', { minutes: phase?.minutes ?? 10 })}
              </button>
            ) : timer.status === 'running' ? (
              <button type="button" onClick={run(t('facilitation.doing.pauseTimer'), actions.pauseTimer)} data-testid="timer-pause">
                {t('facilitation.bar.pause')}
              </button>
            ) : (
              <button type="button" onClick={run(t('facilitation.doing.resumeTimer'), actions.resumeTimer)} data-testid="timer-resume">
                {t('facilitation.bar.resume')}
              </button>
            )}
            <button type="button" onClick={run(t('facilitation.doing.extendTimer'), () => actions.extendTimer(1))} disabled={timer.status === 'idle'} data-testid="timer-extend">
              {t('facilitation.bar.extend', { minutes: 1 })}
            </button>
            <button type="button" onClick={run(t('facilitation.doing.extendTimer'), () => actions.extendTimer(5))} disabled={timer.status === 'idle'}>
              {t('facilitation.bar.extend', { minutes: 5 })}
            </button>
            <button type="button" onClick={run(t('facilitation.doing.stopTimer'), actions.stopTimer)} disabled={timer.status === 'idle'} data-testid="timer-stop">
              {t('facilitation.bar.stop')}
            </button>
          </div>
        </>
      )}
      {may('votes') && (
          <div className="bar-group" role="group" aria-label={t('facilitation.bar.voting')} ref={votingGroup}>
            {round?.status === 'open' ? (
        <>
                <button type="button" onClick={run(t('facilitation.doing.reveal'), actions.revealVotes, t('facilitation.bar.revealed'))} data-testid="vote-reveal">
                  {t('facilitation.bar.reveal')}
                </button>
                <button type="button" onClick={run(t('facilitation.doing.closeVote'), actions.closeVote)} data-testid="vote-close">
                  {t('facilitation.bar.closeVote')}
                </button>
        </>
            ) : (
        <>
                <label>
                  {t('facilitation.bar.dotsEach')}{' '}
                  <input type="number" min={1} max={20} value={budget} onChange={(e) => setBudget(Math.max(1, Math.min(20, Number(e.target.value) || 1)))} className="budget-input" data-testid="vote-budget" />
                </label>
                <button type="button" onClick={run(t('facilitation.doing.startVote'), () => actions.startVote(budget), t('facilitation.bar.voteStarted'))} data-testid="vote-start">
                  {t('facilitation.bar.startVote')}
                </button>
        </>
            )}
          </div>
      )}
      {may('run') && (
        <>
          <div className="bar-group" role="group" aria-label={t('facilitation.bar.ideation')}>
            <button type="button" aria-pressed={state.anonymous} onClick={run(t('facilitation.doing.anonymous'), () => actions.setAnonymous(!state.anonymous))} data-testid="anonymous-toggle">
              {t('facilitation.bar.anonymous', { on: state.anonymous ? 'yes' : 'no' })}
            </button>
          </div>
          <div className="bar-group" role="group" aria-label={t('facilitation.bar.bringGroup')}>
            <label>
              {t('facilitation.bar.section')}{' '}
              <select value={bringSection} onChange={(e) => setTarget(e.target.value as SectionId)} data-testid="bring-section">
                {SECTIONS.map((s) => (
                  <option key={s.id} value={s.id}>
                    {sectionTitle(t, s.id)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              onClick={run(t('facilitation.doing.bring'), () => actions.bringHere(bringSection, bringCard), t('facilitation.bar.brought', { section: sectionTitle(t, bringSection) }))}
              data-testid="bring-everyone"
            >
              {/* The card part is off-screen text: a label that changed width with focus would move the
                  board under the pointer between press and release, and the click would land elsewhere. */}
              {t('facilitation.bar.bring')}
              <span className="visually-hidden">{bringCard ? t('facilitation.bar.bringCard') : ''}</span>
            </button>
          </div>
        </>
      )}
      <div className="bar-group" role="group" aria-label={t('facilitation.bar.facilitators')}>
        <button type="button" onClick={() => setPeople(true)} data-testid="open-facilitators">
          {t('facilitation.bar.coFacilitators')}
        </button>
      </div>
      {editing && <AgendaEditor onClose={() => setEditing(false)} />}
      {people && <FacilitatorsDialog onClose={() => setPeople(false)} />}
    </div>
  );
}
