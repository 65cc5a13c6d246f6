// Editing the agenda: phases with title, minutes, prompts and open sections; loading a template
// (the built-in one or the facilitator's own), saving the edit as one's own template, and
// applying it to the workshop (a signed action, so every peer gets the same agenda).
import { useState } from 'react';
import { SECTIONS, type SectionId } from '../../../../shared/board';
import { allTemplates, checkAgenda, newPhaseId, saveTemplate, type Agenda, type Phase } from '../../../../shared/facilitation';
import { announce, notifyError } from '../../core/notices';
import { Dialog } from '../../ui/Dialog';
import { describeError } from '../../core/describeError';
import { useFacilitation, useFacilitationContext } from './facilitationContext';
import { loadTemplates, storeTemplates } from './facilitationStorage';

export function AgendaEditor({ onClose }: { readonly onClose: () => void }) {
  const facilitation = useFacilitationContext();
  const current = useFacilitation((v) => v.state.agenda);
  const [agenda, setAgenda] = useState<Agenda | null>(current);
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
    const checked = checkAgenda(agenda);
    if (!checked.ok) return setError(checked.error);
    facilitation.actions.setAgenda(checked.agenda).then(
      () => {
        announce('Agenda applied for everyone.');
        onClose();
      },
      (e: unknown) => notifyError(describeError(e, 'Applying the agenda')),
    );
  };
  const saveMine = () => {
    try {
      const next = saveTemplate(templates, agenda, name);
      storeTemplates(next);
      setTemplates(next);
      setError(null);
      announce(`Saved as your template “${name.trim()}”.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'That template could not be saved.');
    }
  };
  return (
    <Dialog title="Agenda" onClose={onClose} testId="agenda-editor">
      <div className="agenda-templates">
        <label>
          Start from a template{' '}
          {/* Shows the agenda in effect by its name (the template it came from, or a blank or
              edited one that is no template here). */}
          <select
            value={agenda.name}
            onChange={(e) => {
              const chosen = allTemplates(templates).find((t) => t.name === e.target.value);
              if (chosen) setAgenda(chosen);
            }}
            data-testid="agenda-template"
          >
            {!allTemplates(templates).some((t) => t.name === agenda.name) && <option value={agenda.name}>{agenda.name}</option>}
            {allTemplates(templates).map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ol className="agenda-phases">
        {agenda.phases.map((p, i) => (
          <li key={p.id} className="agenda-phase" data-testid="agenda-phase">
            <fieldset>
              <legend>Phase {i + 1}</legend>
              <label>
                Title <input value={p.title} onChange={(e) => setPhase(i, { title: e.target.value })} maxLength={80} data-testid="agenda-phase-title" />
              </label>
              <label>
                Minutes <input type="number" min={1} max={480} value={p.minutes} onChange={(e) => setPhase(i, { minutes: Number(e.target.value) || 1 })} className="budget-input" />
              </label>
              <label>
                Prompts (one per line)
                <textarea rows={3} value={p.prompts.join('\n')} onChange={(e) => setPhase(i, { prompts: e.target.value.split('\n').filter((l) => l.trim().length > 0) })} />
              </label>
              <fieldset className="agenda-sections">
                <legend>Open sections</legend>
                {SECTIONS.map((s) => (
                  <label key={s.id}>
                    <input type="checkbox" checked={p.openSections.includes(s.id)} onChange={(e) => toggleSection(i, s.id, e.target.checked)} /> {s.title}
                  </label>
                ))}
              </fieldset>
              <div className="agenda-phase-tools">
                <button type="button" onClick={() => movePhase(i, -1)} disabled={i === 0} aria-label={`Move phase ${p.title} up`}>
                  ↑
                </button>
                <button type="button" onClick={() => movePhase(i, 1)} disabled={i === agenda.phases.length - 1} aria-label={`Move phase ${p.title} down`}>
                  ↓
                </button>
                <button type="button" className="danger" onClick={() => setAgenda({ ...agenda, phases: agenda.phases.filter((_, j) => j !== i) })} aria-label={`Remove phase ${p.title}`}>
                  Remove
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => setAgenda({ ...agenda, phases: [...agenda.phases, { id: newPhaseId(agenda), title: 'New phase', minutes: 15, prompts: [], openSections: ['parking'] }] })} data-testid="agenda-add-phase">
        + Add phase
      </button>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="agenda-save">
        <label>
          Template name <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} data-testid="agenda-template-name" />
        </label>
        <button type="button" onClick={saveMine} disabled={name.trim().length === 0} data-testid="agenda-save-template">
          Save as my template
        </button>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={apply} data-testid="agenda-apply">
          Apply to this workshop
        </button>
      </div>
    </Dialog>
  );
}
