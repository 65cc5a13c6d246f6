// Typed errors for board operations. Each carries a literal code so the UI can explain it and
// tests can assert it; an operation that throws has changed nothing.

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

export class BoardError extends Error {
  override readonly name = 'BoardError';
  constructor(
    readonly code: BoardErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const isBoardError = (e: unknown): e is BoardError => e instanceof BoardError;
