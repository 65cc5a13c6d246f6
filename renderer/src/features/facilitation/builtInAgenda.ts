// The built-in agenda template in the reader's language. A phase of it that is still as shipped
// (its id, title and prompts unchanged) is worded from the catalog; whatever a facilitator wrote
// or changed is their content and shown as written. The editor starts from the worded copy, so
// an agenda applied from it carries the facilitator's language for everyone.
import { BUILT_IN_AGENDA, type Agenda, type Phase } from '../../../../shared/facilitation';
import { isMessageKey, type Translate } from '../../core/i18n';

const BUILT_IN = new Map(BUILT_IN_AGENDA.phases.map((p) => [p.id, p]));
const sameLines = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((line, i) => line === b[i]);

function word(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

export function phaseInLanguage(t: Translate, phase: Phase): Phase {
  const shipped = BUILT_IN.get(phase.id);
  if (!shipped) return phase;
  const title = phase.title === shipped.title ? word(t, `facilitation.builtIn.${phase.id}.title`, phase.title) : phase.title;
  const prompts = sameLines(phase.prompts, shipped.prompts) ? phase.prompts.map((line, i) => word(t, `facilitation.builtIn.${phase.id}.prompt${i + 1}`, line)) : phase.prompts;
  return { ...phase, title, prompts };
}

/** Whether a phase is one of the built-in agenda's, still titled as shipped (so worded from the catalog). */
export function isBuiltInTitle(phase: Pick<Phase, 'id' | 'title'>): boolean {
  return BUILT_IN.get(phase.id)?.title === phase.title;
}

/** The title of a built-in phase in the reader's language, or null if there is no such phase. */
export function builtInPhaseTitle(t: Translate, phaseId: string): string | null {
  const shipped = BUILT_IN.get(phaseId);
  return shipped ? word(t, `facilitation.builtIn.${phaseId}.title`, shipped.title) : null;
}

export const agendaInLanguage = (t: Translate, agenda: Agenda): Agenda => ({ ...agenda, phases: agenda.phases.map((p) => phaseInLanguage(t, p)) });
