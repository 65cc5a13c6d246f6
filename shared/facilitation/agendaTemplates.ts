// "Save as my template": a facilitator's own agendas, kept on their device. Pure list operations
// and the parse of what storage hands back (which may be old, edited or corrupt).
import { z } from 'zod';
import { agendaSchema, BUILT_IN_AGENDA, type Agenda } from './agenda';

export const MAX_TEMPLATES = 50;
const templatesSchema = z.array(agendaSchema).max(MAX_TEMPLATES);

/** Stored templates; anything unreadable yields an empty list rather than a crash. */
export function parseTemplates(stored: unknown): Agenda[] {
  const parsed = templatesSchema.safeParse(stored);
  return parsed.success ? parsed.data : [];
}

/** Adds the agenda under `name`, replacing a template of the same name. */
export function saveTemplate(list: readonly Agenda[], agenda: Agenda, name: string): Agenda[] {
  const clean = name.trim();
  if (clean.length === 0) throw new Error('A template needs a name.');
  if (clean === BUILT_IN_AGENDA.name) throw new Error('That name belongs to the built-in template; choose another.');
  const next = agendaSchema.parse({ ...agenda, name: clean });
  const rest = list.filter((t) => t.name !== clean);
  if (rest.length >= MAX_TEMPLATES) throw new Error(`At most ${MAX_TEMPLATES} templates; delete one first.`);
  return [...rest, next];
}

export const removeTemplate = (list: readonly Agenda[], name: string): Agenda[] => list.filter((t) => t.name !== name);

/** The built-in template first, then the facilitator's own. */
export const allTemplates = (own: readonly Agenda[]): Agenda[] => [BUILT_IN_AGENDA, ...own];
