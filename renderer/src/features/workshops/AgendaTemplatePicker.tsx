// The agenda a new workshop starts with, chosen in the create form: the built-in "AI in
// production" agenda, a blank one, or one of the facilitator's own templates. Each shows how many
// phases and minutes it plans, so the choice is made knowingly, never applied silently.
import { useId } from 'react';
import { BUILT_IN_AGENDA, blankAgenda, totalMinutes, type Agenda } from '../../../../shared/facilitation';
import { t, useT } from '../../core/i18n';

export type TemplateChoice = { readonly kind: 'built-in' } | { readonly kind: 'blank' } | { readonly kind: 'own'; readonly name: string };

/** The agenda a choice stands for; the blank one is worded in the creator's language. */
export function agendaFor(choice: TemplateChoice, own: readonly Agenda[]): Agenda {
  if (choice.kind === 'blank') return blankAgenda(t('workshops.template.blankName'), t('workshops.template.blankPhase'));
  if (choice.kind === 'own') return own.find((a) => a.name === choice.name) ?? BUILT_IN_AGENDA;
  return BUILT_IN_AGENDA;
}

const keyOf = (choice: TemplateChoice): string => (choice.kind === 'own' ? `own:${choice.name}` : choice.kind);

interface AgendaTemplatePickerProps {
  readonly value: TemplateChoice;
  readonly own: readonly Agenda[];
  readonly onChange: (choice: TemplateChoice) => void;
}

export function AgendaTemplatePicker({ value, own, onChange }: AgendaTemplatePickerProps) {
  const tr = useT();
  const name = useId();
  // `data`: a name that is content (a facilitator's own template), shown as it is; the built-in
  // agenda is named in the reader's language, as the Agenda dialog names it.
  const options: { choice: TemplateChoice; label: string; detail: string; data?: true }[] = [
    { choice: { kind: 'built-in' }, label: tr('facilitation.agenda.builtIn'), detail: tr('workshops.template.plan', { phases: BUILT_IN_AGENDA.phases.length, minutes: totalMinutes(BUILT_IN_AGENDA) }) },
    { choice: { kind: 'blank' }, label: tr('workshops.template.blankName'), detail: tr('workshops.template.blankDetail') },
    ...own.map((a) => ({ choice: { kind: 'own', name: a.name } as const, label: a.name, data: true as const, detail: tr('workshops.template.ownPlan', { phases: a.phases.length, minutes: totalMinutes(a) }) })),
  ];
  return (
    <fieldset className="template-picker" data-testid="template-picker">
      <legend>{tr('workshops.template.legend')}</legend>
      {options.map(({ choice, label, detail, data }) => (
        <label key={keyOf(choice)} className="template-option">
          <input type="radio" name={name} checked={keyOf(choice) === keyOf(value)} onChange={() => onChange(choice)} />
          <span>
            <span className="template-name" translate={data ? 'no' : undefined}>
              {label}
            </span> <span className="muted">{detail}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
