// What everyone sees above the board: the current phase, its prompts, which sections are open,
// the timer, whether ideation is anonymous, and a switch to follow the facilitator.
import { SECTIONS } from '../../../../shared/board';
import { currentPhase, sectionOpen } from '../../../../shared/facilitation';
import { useFacilitation, useFacilitationContext } from './facilitationContext';
import { TimerDisplay } from './TimerDisplay';

export function PhaseBanner() {
  const facilitation = useFacilitationContext();
  const state = useFacilitation((v) => v.state);
  const facilitator = useFacilitation((v) => v.facilitator);
  const isFacilitator = useFacilitation((v) => v.isFacilitator);
  const isPrimary = useFacilitation((v) => v.isPrimary);
  const coFacilitators = useFacilitation((v) => v.state.coFacilitators);
  const following = useFacilitation((v) => v.following);
  const facilitatorHere = useFacilitation((v) => v.facilitatorHere);
  const contested = useFacilitation((v) => v.authority.contested);
  if (!facilitation || !state) return null;
  const phase = currentPhase(state);
  const index = phase ? state.agenda.phases.indexOf(phase) : -1;
  const open = SECTIONS.filter((s) => sectionOpen(state, s.id)).map((s) => s.title);
  return (
    <section className="phase-banner" aria-labelledby="phase-title" data-testid="phase-banner">
      <div className="phase-head">
        <h2 id="phase-title" data-testid="phase-title">
          {phase ? `${phase.title}` : 'Agenda not started'}
        </h2>
        {phase && (
          <span className="phase-step">
            Phase {index + 1} of {state.agenda.phases.length} · suggested {phase.minutes} min
          </span>
        )}
        {state.anonymous && (
          <span className="badge anonymous-badge" data-testid="anonymous-badge" title="New cards store your side but not your name">
            Anonymous ideation
          </span>
        )}
        <TimerDisplay />
        {facilitator && !isPrimary && (
          <span className="muted" data-testid="facilitator-key">
            Facilitator: {facilitator.name}, key {facilitator.fingerprint}
            {coFacilitators && coFacilitators.length > 0 && ` · co-facilitating: ${coFacilitators.map((c) => c.name).join(', ')}`}
          </span>
        )}
        {facilitator && !isPrimary && (
          <label className="follow-toggle">
            <input type="checkbox" checked={following ?? false} onChange={(e) => facilitation.controller.setFollowing(e.target.checked)} data-testid="follow-toggle" />
            Follow {facilitator.name}
            {!facilitatorHere && <span className="muted"> (not here now)</span>}
          </label>
        )}
      </div>
      {contested && (
        <p className="facilitator-warning" role="note" data-testid="authority-contested">
          Someone wrote another key into this workshop as its facilitator. This device keeps the key it first saw{facilitator ? ` (${facilitator.name}'s)` : ''}; actions signed with the other key are refused.
        </p>
      )}
      {phase && phase.prompts.length > 0 && (
        <ul className="phase-prompts" aria-label="Prompts for this phase" data-testid="phase-prompts">
          {phase.prompts.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <p className="phase-open" data-testid="phase-open">
        {phase ? `Open for editing: ${open.join(', ')}.` : 'Every section is open until the facilitator starts the agenda.'}
        {isFacilitator && phase && ' Facilitating, you can edit every section.'}
      </p>
    </section>
  );
}
