// The controls of whoever holds the facilitator's authority: phases, timer, voting, anonymous
// ideation, bring everyone here, the agenda, and who co-facilitates. Every button signs an
// action with this device's key; a co-facilitator sees the groups their delegation covers.
import { useState } from 'react';
import { SECTIONS, sectionSpec, type SectionId } from '../../../../shared/board';
import { currentPhase, currentRound } from '../../../../shared/facilitation';
import { notifyError, announce } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { useFacilitation, useFacilitationContext } from './facilitationContext';
import { useLastBoardPlace } from './useLastBoardPlace';
import { AgendaEditor } from './AgendaEditor';
import { FacilitatorsDialog, rightsText } from './FacilitatorsDialog';


export function FacilitatorBar() {
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
      <div className="facilitator-bar" role="group" aria-label="Facilitator controls">
        <p className="facilitator-warning" role="note" data-testid="facilitator-identity-error">
          {identityError} Facilitator actions are signed with this device's key, so they cannot be sent from here.
        </p>
      </div>
    );
  }
  const may = (right: 'run' | 'votes') => rights.includes(right);
  return (
    <div className="facilitator-bar" role="toolbar" aria-label="Facilitator controls" data-testid="facilitator-bar">
      {!isPrimary && delegation && (
        <p className="muted" data-testid="co-facilitator-note">
          You co-facilitate for {facilitatorName ?? 'the facilitator'} ({rightsText(delegation.rights)}) until{' '}
          {new Date(delegation.expiresAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}.
        </p>
      )}
      {may('run') && (
        <>
          <div className="bar-group" role="group" aria-label="Phase">
            <button type="button" onClick={run('Changing the phase', () => actions.movePhase(-1))} disabled={index <= 0} data-testid="phase-previous">
              ← Previous phase
            </button>
            <button type="button" onClick={run('Changing the phase', () => actions.movePhase(1))} disabled={index >= state.agenda.phases.length - 1} data-testid="phase-next">
              {phase ? 'Next phase →' : 'Start the agenda →'}
            </button>
            <button type="button" onClick={() => setEditing(true)} data-testid="edit-agenda">
              Agenda…
            </button>
          </div>
          <div className="bar-group" role="group" aria-label="Timer">
            {timer.status === 'idle' ? (
              <button type="button" onClick={run('Starting the timer', () => actions.startTimer(phase?.minutes ?? 10))} data-testid="timer-start">
                Start timer ({phase?.minutes ?? 10} min)
              </button>
            ) : timer.status === 'running' ? (
              <button type="button" onClick={run('Pausing the timer', actions.pauseTimer)} data-testid="timer-pause">
                Pause
              </button>
            ) : (
              <button type="button" onClick={run('Resuming the timer', actions.resumeTimer)} data-testid="timer-resume">
                Resume
              </button>
            )}
            <button type="button" onClick={run('Extending the timer', () => actions.extendTimer(1))} disabled={timer.status === 'idle'} data-testid="timer-extend">
              +1 min
            </button>
            <button type="button" onClick={run('Extending the timer', () => actions.extendTimer(5))} disabled={timer.status === 'idle'}>
              +5 min
            </button>
            <button type="button" onClick={run('Stopping the timer', actions.stopTimer)} disabled={timer.status === 'idle'} data-testid="timer-stop">
              Stop
            </button>
          </div>
        </>
      )}
      {may('votes') && (
          <div className="bar-group" role="group" aria-label="Voting">
            {round?.status === 'open' ? (
        <>
                <button type="button" onClick={run('Revealing the votes', actions.revealVotes, 'Votes revealed.')} data-testid="vote-reveal">
                  Reveal votes
                </button>
                <button type="button" onClick={run('Closing the vote', actions.closeVote)} data-testid="vote-close">
                  Close vote
                </button>
        </>
            ) : (
        <>
                <label>
                  Dots each{' '}
                  <input type="number" min={1} max={20} value={budget} onChange={(e) => setBudget(Math.max(1, Math.min(20, Number(e.target.value) || 1)))} className="budget-input" data-testid="vote-budget" />
                </label>
                <button type="button" onClick={run('Starting the vote', () => actions.startVote(budget), 'Vote started.')} data-testid="vote-start">
                  Start vote
                </button>
        </>
            )}
          </div>
      )}
      {may('run') && (
        <>
          <div className="bar-group" role="group" aria-label="Ideation">
            <button type="button" aria-pressed={state.anonymous} onClick={run('Switching anonymous ideation', () => actions.setAnonymous(!state.anonymous))} data-testid="anonymous-toggle">
              Anonymous ideation {state.anonymous ? 'on' : 'off'}
            </button>
          </div>
          <div className="bar-group" role="group" aria-label="Bring everyone">
            <label>
              Section{' '}
              <select value={bringSection} onChange={(e) => setTarget(e.target.value as SectionId)} data-testid="bring-section">
                {SECTIONS.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              onClick={run('Bringing everyone', () => actions.bringHere(bringSection, bringCard), `Everyone brought to ${sectionSpec(bringSection).title}.`)}
              data-testid="bring-everyone"
            >
              {/* The card part is off-screen text: a label that changed width with focus would move the
                  board under the pointer between press and release, and the click would land elsewhere. */}
              Bring everyone here<span className="visually-hidden">{bringCard ? ', to the card you were on' : ''}</span>
            </button>
          </div>
        </>
      )}
      <div className="bar-group" role="group" aria-label="Facilitators">
        <button type="button" onClick={() => setPeople(true)} data-testid="open-facilitators">
          Co-facilitators…
        </button>
      </div>
      {editing && <AgendaEditor onClose={() => setEditing(false)} />}
      {people && <FacilitatorsDialog onClose={() => setPeople(false)} />}
    </div>
  );
}
