// Typed errors for board operations. Each carries a literal code so the UI can explain it and
// tests can assert it; an operation that throws has changed nothing.
// What went wrong is also carried as data (`reason`): a stable id and its values, with no
// words, so the renderer says it in the reader's language from its catalog (one message per
// reason id). `message` stays an English sentence for logs, tests and the CLI.
import { fieldSpec, type SectionId } from './sections';

export type BoardErrorCode =
  | 'unknown-section'
  | 'unknown-field'
  | 'empty-title'
  | 'too-long'
  | 'invalid-choice'
  | 'invalid-side'
  | 'invalid-status'
  | 'invalid-input'
  | 'not-found'
  | 'deleted'
  /** The facilitator's current phase does not open this section for editing. */
  | 'section-closed';

/** The values the board names in its messages, by a stable id. */
export type NamedSubject = 'workshop-title' | 'facilitator-name' | 'author-name' | 'participant-id' | 'participant-name' | 'role';

/** What a message is about: a field of a section's cards (by its key), or a named value. */
export type BoardSubject = { readonly section: SectionId; readonly field: string } | NamedSubject;

/** Reasons that need no values. */
export type PlainReasonId =
  | 'invalid-side'
  | 'invalid-status'
  | 'fields-missing'
  | 'card-missing'
  | 'card-unreadable'
  | 'card-deleted'
  | 'invalid-time'
  | 'invalid-position'
  | 'invalid-card-id'
  | 'invalid-participant-id'
  | 'invalid-public-key'
  | 'roster-unreadable'
  | 'vote-without-voter'
  | 'invalid-dots'
  | 'no-votes';

export type BoardErrorReason =
  | { readonly id: 'unknown-section'; readonly section: string }
  | { readonly id: 'unknown-field'; readonly section: SectionId; readonly field: string }
  | { readonly id: 'not-text' | 'empty'; readonly subject: BoardSubject }
  | { readonly id: 'too-long'; readonly subject: BoardSubject; readonly length: number; readonly max: number }
  | { readonly id: 'invalid-choice'; readonly subject: BoardSubject; readonly value: string }
  | { readonly id: 'board-full'; readonly max: number }
  | { readonly id: PlainReasonId };

export class BoardError extends Error {
  override readonly name = 'BoardError';
  constructor(
    readonly code: BoardErrorCode,
    message: string,
    /** Absent where the words come from elsewhere (a phase's closed-section reason). */
    readonly reason?: BoardErrorReason,
  ) {
    super(message);
  }
}

export const isBoardError = (e: unknown): e is BoardError => e instanceof BoardError;

const NAMED_SUBJECTS: Readonly<Record<NamedSubject, string>> = {
  'workshop-title': 'Workshop title',
  'facilitator-name': 'Facilitator name',
  'author-name': 'Author name',
  'participant-id': 'Participant id',
  'participant-name': 'Name',
  role: 'Role',
};

/** The subject in English, for `message`. */
export function subjectLabel(subject: BoardSubject): string {
  if (typeof subject === 'string') return NAMED_SUBJECTS[subject];
  return fieldSpec(subject.section, subject.field)?.label ?? subject.field;
}
