// The agenda: phases with a suggested duration, prompts and the sections open while the phase
// runs. The built-in template follows the board of docs/architecture.md; facilitators edit it and keep their own copies.
import { z } from 'zod';
import { SECTION_IDS, type SectionId } from '../board';

export const PHASE_TITLE_MAX = 80;
export const PROMPT_MAX = 300;
export const MAX_PHASES = 30;
export const MAX_PROMPTS = 12;

export const phaseSchema = z
  .object({
    id: z.string().min(1).max(40).regex(/^[a-z0-9-]+$/),
    title: z.string().trim().min(1).max(PHASE_TITLE_MAX),
    minutes: z.number().int().min(1).max(480),
    prompts: z.array(z.string().trim().min(1).max(PROMPT_MAX)).max(MAX_PROMPTS),
    openSections: z.array(z.enum(SECTION_IDS)).max(SECTION_IDS.length),
  })
  .strict();

export const agendaSchema = z
  .object({
    name: z.string().trim().min(1).max(PHASE_TITLE_MAX),
    phases: z.array(phaseSchema).min(1).max(MAX_PHASES),
  })
  .strict()
  .refine((a) => new Set(a.phases.map((p) => p.id)).size === a.phases.length, 'phase ids must be unique');

export type Phase = z.infer<typeof phaseSchema>;
export type Agenda = z.infer<typeof agendaSchema>;

const phase = (id: string, title: string, minutes: number, openSections: readonly SectionId[], prompts: readonly string[]): Phase => ({
  id,
  title,
  minutes,
  // The parking lot stays open throughout: a good idea at the wrong time must still land somewhere.
  openSections: [...openSections, 'parking'],
  prompts: [...prompts],
});

export const BUILT_IN_AGENDA: Agenda = {
  name: 'AI in production: an IT/OT charter',
  phases: [
    phase('frame', 'Frame', 15, [], [
      'Which AI system in production (or about to be) are we here for, and where does it sit: which Purdue level, which zone?',
      'What has blocked scaling it so far: infrastructure, cybersecurity and segmentation, or complexity?',
      'We leave with a charter that named people from IT and OT sign.',
    ]),
    phase('language', 'Shared language', 20, ['language'], [
      'Which words do IT and OT use differently? Start with the Purdue levels and the DMZ.',
      'What does "availability", "patch" or "incident" mean on each side?',
    ]),
    phase('goals', 'Common goals', 25, ['goals'], [
      'What do both sides want from this system: uptime, safety, resilience, performance, security?',
      'For each goal: a metric, a target, and an owner from IT and an owner from OT.',
    ]),
    phase('tradeoffs', 'Trade-offs', 30, ['tradeoffs', 'risks'], [
      'Where do IT and OT priorities collide: patch cadence vs. maintenance windows, segmentation vs. remote vendor access, retraining a model vs. a validated process state?',
      'Which data flows cross a conduit between zones, and who owns each conduit on both sides (IEC 62443)?',
      'Write the IT view and the OT view before the resolution.',
    ]),
    phase('incentives', 'Incentives', 20, ['incentives', 'skills'], [
      'What is each side measured on today, and what shared incentive would align them?',
      'Which skills are missing, and who teaches whom?',
    ]),
    phase('accountability', 'Accountability', 30, ['accountability'], [
      'Who is accountable when an AI-driven system affects operations, e.g. an AI setpoint change causes off-spec product?',
      'Who responds when model performance degrades, and who when a security alert appears on the OT network?',
      'Exactly one Accountable per scenario, responders from both sides, and a response time (NIST AI RMF GOVERN 2.1, MANAGE).',
    ]),
    phase('vote', 'Vote', 15, [], [
      'Spend your dots on the items that most need to be in the charter.',
      'Votes stay hidden until the facilitator reveals them.',
    ]),
    phase('agree', 'Agree', 25, ['goals', 'tradeoffs', 'incentives', 'accountability', 'risks', 'language', 'skills'], [
      'Where IT and OT voted differently, talk about the split before agreeing.',
      'Turn the winners into agreed items; everything agreed goes into the charter.',
    ]),
    phase('sign', 'Sign', 15, [], [
      'Read the frozen charter together, compare fingerprints aloud, and sign.',
    ]),
  ],
};

/**
 * A blank agenda: one phase with every section open and no prompts, for a facilitator who builds
 * their own. Its name and phase title come in the creator's words (the doc keeps them as data).
 */
export function blankAgenda(name: string, phaseTitle: string, minutes = 60): Agenda {
  return { name, phases: [{ id: 'open', title: phaseTitle, minutes, prompts: [], openSections: [...SECTION_IDS] }] };
}

/** A fresh phase id that is not yet used in the agenda. */
export function newPhaseId(agenda: Agenda, base = 'phase'): string {
  const used = new Set(agenda.phases.map((p) => p.id));
  for (let n = agenda.phases.length + 1; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Validates an edited agenda; the error text is one the facilitator can act on. */
export function checkAgenda(value: unknown): { ok: true; agenda: Agenda } | { ok: false; error: string } {
  const parsed = agendaSchema.safeParse(value);
  if (parsed.success) return { ok: true, agenda: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
  return { ok: false, error: `${issue?.message ?? 'This agenda is not valid'}${where}` };
}

export const totalMinutes = (agenda: Agenda): number => agenda.phases.reduce((n, p) => n + p.minutes, 0);
