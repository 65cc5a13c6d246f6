// The eight sections of the board (docs/architecture.md, "The board") and the typed fields of their cards.
// Field definitions drive both validation in boardOps and the editor in the renderer.

export const SECTION_IDS = [
  'goals',
  'tradeoffs',
  'incentives',
  'accountability',
  'risks',
  'language',
  'skills',
  'parking',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SIDES = ['IT', 'OT', 'facilitator'] as const;
export type Side = (typeof SIDES)[number];

export const STATUSES = ['proposed', 'agreed', 'parked'] as const;
export type CardStatus = (typeof STATUSES)[number];

export type FieldKind = 'line' | 'text' | 'choice';

export interface FieldSpec {
  readonly key: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly maxLength: number;
  /** Only for `choice` fields. */
  readonly options?: readonly string[];
  readonly hint?: string;
}

export interface SectionSpec {
  readonly id: SectionId;
  readonly title: string;
  readonly purpose: string;
  /** The first field is the card's title and is required. */
  readonly fields: readonly FieldSpec[];
}

export const TITLE_MAX = 200;
export const LINE_MAX = 300;
export const TEXT_MAX = 4000;

const line = (key: string, label: string, hint?: string): FieldSpec => ({ key, label, kind: 'line', maxLength: LINE_MAX, ...(hint ? { hint } : {}) });
const text = (key: string, label: string, hint?: string): FieldSpec => ({ key, label, kind: 'text', maxLength: TEXT_MAX, ...(hint ? { hint } : {}) });
const title = (label: string, hint?: string): FieldSpec => ({ key: 'title', label, kind: 'line', maxLength: TITLE_MAX, ...(hint ? { hint } : {}) });
const choice = (key: string, label: string, options: readonly string[]): FieldSpec => ({ key, label, kind: 'choice', maxLength: LINE_MAX, options });
const reference = line('reference', 'Standard reference', 'e.g. "GOVERN 2.1", "conduit: historian to cloud"');

export const SECTIONS: readonly SectionSpec[] = [
  {
    id: 'goals',
    title: 'Common goals',
    purpose: 'What both sides are aiming for, with a metric, a target and an owner from each side.',
    fields: [
      title('Goal'),
      choice('category', 'Category', ['uptime', 'safety', 'resilience', 'performance', 'security', 'quality', 'other']),
      line('metric', 'Metric', 'e.g. unplanned downtime per month'),
      line('target', 'Target', 'e.g. under 2 hours'),
      line('itOwner', 'IT owner'),
      line('otOwner', 'OT owner'),
      reference,
    ],
  },
  {
    id: 'tradeoffs',
    title: 'Trade-offs',
    purpose: 'A tension between an IT priority and an OT priority, and how it is resolved together.',
    fields: [
      title('Tension', 'e.g. patch cadence vs. maintenance windows'),
      text('itView', 'IT view'),
      text('otView', 'OT view'),
      text('resolution', 'Agreed resolution'),
      reference,
    ],
  },
  {
    id: 'incentives',
    title: 'Incentives',
    purpose: 'What each side is measured on today, and the shared incentive that aligns them.',
    fields: [
      title('Incentive'),
      text('itMeasure', 'IT is measured on'),
      text('otMeasure', 'OT is measured on'),
      text('shared', 'Shared incentive'),
    ],
  },
  {
    id: 'accountability',
    title: 'Accountability',
    purpose: 'Who is accountable when an AI-driven system affects operations, and who responds.',
    fields: [
      title('Scenario', 'e.g. an AI setpoint change causes off-spec product'),
      line('accountable', 'Accountable (exactly one)'),
      line('responsible', 'Responsible'),
      line('consulted', 'Consulted'),
      line('informed', 'Informed'),
      line('itResponders', 'IT responders'),
      line('otResponders', 'OT responders'),
      line('responseTime', 'Response time', 'e.g. 15 minutes'),
      reference,
    ],
  },
  {
    id: 'risks',
    title: 'Risks and safeguards',
    purpose: 'Cybersecurity, segmentation and safety risks, with the safeguard and its owners.',
    fields: [
      title('Risk'),
      choice('category', 'Category', ['cybersecurity', 'segmentation', 'safety', 'operational', 'other']),
      text('safeguard', 'Safeguard'),
      line('zoneConduit', 'Zone or conduit (IEC 62443)', 'e.g. conduit: historian to cloud, SL 2'),
      line('itOwner', 'IT owner'),
      line('otOwner', 'OT owner'),
      reference,
    ],
  },
  {
    id: 'language',
    title: 'Shared language',
    purpose: 'A term, what it means in IT and what it means in OT.',
    fields: [title('Term', 'e.g. DMZ, Purdue level 3'), text('itMeaning', 'Meaning in IT'), text('otMeaning', 'Meaning in OT')],
  },
  {
    id: 'skills',
    title: 'Skills',
    purpose: 'Skill gaps, and who teaches whom.',
    fields: [title('Skill gap'), line('teacher', 'Taught by'), line('learner', 'Learned by'), text('plan', 'Plan')],
  },
  {
    id: 'parking',
    title: 'Parking lot',
    purpose: 'Questions and ideas to come back to.',
    fields: [title('Item'), text('note', 'Note')],
  },
];

const byId = new Map<string, SectionSpec>(SECTIONS.map((s) => [s.id, s]));

export function isSectionId(value: unknown): value is SectionId {
  return typeof value === 'string' && byId.has(value);
}

export function sectionSpec(id: SectionId): SectionSpec {
  const spec = byId.get(id);
  if (!spec) throw new Error(`no section ${id}`);
  return spec;
}

export function fieldSpec(section: SectionId, key: string): FieldSpec | undefined {
  return sectionSpec(section).fields.find((f) => f.key === key);
}

export const isSide = (value: unknown): value is Side => typeof value === 'string' && (SIDES as readonly string[]).includes(value);
export const isStatus = (value: unknown): value is CardStatus =>
  typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
