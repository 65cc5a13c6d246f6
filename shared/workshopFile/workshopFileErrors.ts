// Typed errors for reading a .bridgeboard file. Each code maps to one kind of bad file so the UI
// can say what went wrong and tests can assert it; a file that fails to decode imports nothing.

export type WorkshopFileErrorCode =
  | 'too-large'
  | 'not-a-workshop-file'
  | 'truncated'
  | 'unsupported-version'
  | 'malformed'
  | 'invalid-state';

export class WorkshopFileError extends Error {
  override readonly name = 'WorkshopFileError';
  constructor(
    readonly code: WorkshopFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const isWorkshopFileError = (e: unknown): e is WorkshopFileError => e instanceof WorkshopFileError;
