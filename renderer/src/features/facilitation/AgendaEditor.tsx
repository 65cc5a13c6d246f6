// Editing the agenda: phases with title, minutes, prompts and open sections; loading a template
// (the built-in one or the facilitator's own), saving the edit as one's own template, and
// applying it to the workshop (a signed action, so every peer gets the same agenda).
import { useState } from 'react';
import { SECTIONS, type SectionId } from '../../../../shared/board';
import { allTemplates, BUILT_IN_AGENDA, checkAgenda, MAX_PHASES, MAX_PROMPTS, MAX_TEMPLATES, newPhaseId, PROMPT_MAX, saveTemplate, type Agenda, type Phase } from '../../../../shared/facilitation';
import { sectionTitle, useT, type Translate } from '../../core/i18n';
import { announce, notifyError } from '../../core/notices';
import { Dialog } from '../../ui/Dialog';
import { describeError } from '../../core/describeError';
import { useFacilitation, useFacilitationContext } from './facilitationContext';
import { loadTemplates, storeTemplates } from './facilitationStorage';
import { agendaInLanguage } from './builtInAgenda';

/** What stops an edited agenda from being applied, in the reader's words; null when nothing does. */
function agendaProblem(t: Translate, agenda: Agenda): string | null {
  if (agenda.phases.length === 0) return t('facilitation.agenda.error.noPhases');
  if (agenda.phases.length > MAX_PHASES) return t('facilitation.agenda.error.tooManyPhases', { max: MAX_PHASES });
  const untitled = agenda.phases.findIndex((p) => p.title.trim() === '');
  if (untitled >= 0) return t('facilitation.agenda.error.untitled', { phase: untitled + 1 });
  const prompts = agenda.phases.findIndex((p) => p.prompts.length > MAX_PROMPTS || p.prompts.some((line) => line.trim().length > PROMPT_MAX));
  if (prompts >= 0) return t('facilitation.agenda.error.prompts', { phase: prompts + 1, max: MAX_PROMPTS, length: PROMPT_MAX });
  return null;
}

/** The built-in template's name in the reader's language; a facilitator's own as they named it. */
const templateName = (t: Translate, name: string): string => (name === BUILT_IN_AGENDA.name ? t('facilitation.agenda.builtIn') : name);

export function AgendaEditor({ onClose }: { readonly onClose: () => void }) {
  const t = useT();
  const facilitation = useFacilitationContext();
  const current = useFacilitation((v) => v.state.agenda);
  const [agenda, setAgenda] = useState<Agenda | null>(() => (current ? agendaInLanguage(t, current) : null));
  const [templates, setTemplates] = useState(loadTemplates);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!facilitation || !agenda) return null;
  const setPhase = (i: number, patch: Partial<Phase>) => setAgenda({ ...agenda, phases: agenda.phases.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const movePhase = (i: number, delta: -1 | 1) => {
    const phases = [...agenda.phases];
    const [moved] = phases.splice(i, 1);
    if (moved) phases.splice(i + delta, 0, moved);
    setAgenda({ ...agenda, phases });
  };
  const toggleSection = (i: number, section: SectionId, on: boolean) => {
    const open = agenda.phases[i]?.openSections ?? [];
    setPhase(i, { openSections: on ? [...open, section] : open.filter((s) => s !== section) });
  };
  const apply = () => {
    const problem = agendaProblem(t, agenda);
    if (problem) return setError(problem);
    const checked = checkAgenda(agenda);
    if (!checked.ok) return setError(t('facilitation.agenda.error.invalid', { detail: checked.error }));
    facilitation.actions.setAgenda(checked.agenda).then(
      () => {
        announce(t('facilitation.agenda.applied'));
        onClose();
      },
      (e: unknown) => notifyError(describeError(e, t('facilitation.doing.agenda'))),
    );
  };
  const saveMine = () => {
    const clean = name.trim();
    if (clean === BUILT_IN_AGENDA.name || clean === t('facilitation.agenda.builtIn')) return setError(t('facilitation.agenda.error.builtInName'));
    if (templates.length >= MAX_TEMPLATES && !templates.some((x) => x.name === clean)) return setError(t('facilitation.agenda.error.tooManyTemplates', { max: MAX_TEMPLATES }));
    const problem = agendaProblem(t, agenda);
    if (problem) return setError(problem);
    try {
      const next = saveTemplate(templates, agenda, name);
      storeTemplates(next);
      setTemplates(next);
      setError(null);
      announce(t('facilitation.agenda.saved', { name: clean }));
    } catch {
      setError(t('facilitation.agenda.error.notSaved'));
    }
  };
  return (
    <Dialog title={t('facilitation.agenda.title')} onClose={onClose} testId="agenda-editor">
      <div className="agenda-templates">
        <label>
          {t('facilitation.agenda.template')}{' '}
          {/* Shows the agenda in effect by its name (the template it came from, or a blank or
              edited one that is no template here). */}
          <select
            value={agenda.name}
            onChange={(e) => {
              const chosen = allTemplates(templates).find((x) => x.name === e.target.value);
              if (chosen) setAgenda(agendaInLanguage(t, chosen));
            }}
            data-testid="agenda-template"
          >
            {!allTemplates(templates).some((x) => x.name === agenda.name) && <option value={agenda.name}>{templateName(t, agenda.name)}</option>}
            {allTemplates(templates).map((x) => (
              <option key={x.name} value={x.name}>
                {templateName(t, x.name)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ol className="agenda-phases">
        {agenda.phases.map((p, i) => (
          <li key={p.id} className="agenda-phase" data-testid="agenda-phase">
            <fieldset>
              <legend>{t('facilitation.agenda.phase', { n: i + 1 })}</legend>
              <label>
                {t('facilitation.agenda.phaseTitle')} <input value={p.title} onChange={(e) => setPhase(i, { title: e.target.value })} maxLength={80} data-testid="agenda-phase-title" />
              </label>
              <label>
                {t('facilitation.agenda.minutes')} <input type="number" min={1} max={480} value={p.minutes} onChange={(e) => setPhase(i, { minutes: Number(e.target.value) || 1 })} className="budget-input" />
              </label>
              <label>
                {t('facilitation.agenda.prompts')}
                <textarea rows={3} value={p.prompts.join('\n')} onChange={(e) => setPhase(i, { prompts: e.target.value.split('\n').filter((l) => l.trim().length > 0) })} />
              </label>
              <fieldset className="agenda-sections">
                <legend>{t('facilitation.agenda.openSections')}</legend>
                {SECTIONS.map((s) => (
                  <label key={s.id}>
                    <input type="checkbox" checked={p.openSections.includes(s.id)} onChange={(e) => toggleSection(i, s.id, e.target.checked)} /> {sectionTitle(t, s.id)}
                  </label>
                ))}
              </fieldset>
              <div className="agenda-phase-tools">
                <button type="button" onClick={() => movePhase(i, -1)} disabled={i === 0} aria-label={t('facilitation.agenda.up', { title: p.title })}>
                  ↑
                </button>
                <button type="button" onClick={() => movePhase(i, 1)} disabled={i === agenda.phases.length - 1} aria-label={t('facilitation.agenda.down', { title: p.title })}>
                  ↓
                </button>
                <button type="button" className="danger" onClick={() => setAgenda({ ...agenda, phases: agenda.phases.filter((_, j) => j !== i) })} aria-label={t('facilitation.agenda.remove', { title: p.title })}>
                  {t('facilitation.agenda.removeButton')}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => setAgenda({ ...agenda, phases: [...agenda.phases, { id: newPhaseId(agenda), title: t('facilitation.agenda.newPhase'), minutes: 15, prompts: [], openSections: ['parking'] }] })} data-testid="agenda-add-phase">
        {t('facilitation.agenda.add')}
      </button>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="agenda-save">
        <label>
          {t('facilitation.agenda.templateName')} <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} data-testid="agenda-template-name" />
        </label>
        <button type="button" onClick={saveMine} disabled={name.trim().length === 0} data-testid="agenda-save-template">
          {t('facilitation.agenda.save')}
        </button>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={apply} data-testid="agenda-apply">
          {t('facilitation.agenda.apply')}
        </button>
      </div>
    </Dialog>
  );
}
