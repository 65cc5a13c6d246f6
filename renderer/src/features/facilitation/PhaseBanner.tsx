// What everyone sees above the board: the current phase, its prompts, which sections are open,
// the timer, whether ideation is anonymous, and a switch to follow the facilitator.
import { SECTIONS } from '../../../../shared/board';
import { currentPhase, sectionOpen } from '../../../../shared/facilitation';
import { useFacilitation, useFacilitationContext } from './facilitationContext';
import { sectionTitle, useFormat, useT } from '../../core/i18n';
import { TimerDisplay } from './TimerDisplay';
import { phaseInLanguage } from './builtInAgenda';

export function PhaseBanner() {
  const t = useT();
  const format = useFormat();
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
  const current = currentPhase(state);
  const phase = current ? phaseInLanguage(t, current) : undefined;
  const index = current ? state.agenda.phases.indexOf(current) : -1;
  const open = SECTIONS.filter((s) => sectionOpen(state, s.id)).map((s) => sectionTitle(t, s.id));
  return (
    <section className="phase-banner" aria-labelledby="phase-title" data-testid="phase-banner">
      <div className="phase-head">
        <h2 id="phase-title" data-testid="phase-title">
          {phase ? phase.title : t('facilitation.phase.notStarted')}
        </h2>
        {phase && (
          <span className="phase-step">
            {t('facilitation.phase.step', { n: index + 1, total: state.agenda.phases.length, minutes: phase.minutes })}
          </span>
        )}
        {state.anonymous && (
          <span className="badge anonymous-badge" data-testid="anonymous-badge" title={t('facilitation.phase.anonymousHint')}>
            {t('facilitation.phase.anonymous')}
          </span>
        )}
        <TimerDisplay />
        {facilitator && !isPrimary && (
          <span className="muted" data-testid="facilitator-key">
            {t('facilitation.phase.facilitator', { name: facilitator.name, key: facilitator.fingerprint })}
            {coFacilitators && coFacilitators.length > 0 && ` · ${t('facilitation.phase.coFacilitating', { names: format.list(coFacilitators.map((c) => c.name)) })}`}
          </span>
        )}
        {facilitator && !isPrimary && (
          <label className="follow-toggle">
            <input type="checkbox" checked={following ?? false} onChange={(e) => facilitation.controller.setFollowing(e.target.checked)} data-testid="follow-toggle" />
            {t('facilitation.phase.follow', { name: facilitator.name })}
            {!facilitatorHere && <span className="muted"> {t('facilitation.phase.notHere')}</span>}
          </label>
        )}
      </div>
      {contested && (
        <p className="facilitator-warning" role="note" data-testid="authority-contested">
          {facilitator ? t('facilitation.phase.contestedNamed', { name: facilitator.name }) : t('facilitation.phase.contested')}
        </p>
      )}
      {phase && phase.prompts.length > 0 && (
        <ul className="phase-prompts" aria-label={t('facilitation.phase.prompts')} data-testid="phase-prompts">
          {phase.prompts.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <p className="phase-open" data-testid="phase-open">
        {phase ? t('facilitation.phase.open', { sections: format.list(open, 'unit') }) : t('facilitation.phase.allOpen')}
        {isFacilitator && phase && ` ${t('facilitation.phase.facilitating')}`}
      </p>
    </section>
  );
}
