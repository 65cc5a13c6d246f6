// Typed errors for reading a .bridgeboard file. Each code maps to one kind of bad file so the UI
// can say what went wrong and tests can assert it; a file that fails to decode imports nothing.

export type WorkshopFileErrorCode =
  | 'too-large'
  | 'not-a-workshop-file'
  | 'truncated'
  | 'unsupported-version'
  | 'malformed'
  | 'invalid-state';

/**
 * The numbers a message needs, as data, so the renderer can word the error in the reader's
 * language from `code` and these; `message` stays English for logs, tests and the CLI.
 */
export interface WorkshopFileErrorDetail {
  /** The size of the file (or of the export) and the limit, in bytes. */
  readonly bytes?: number;
  readonly limit?: number;
  /** The format version a newer app wrote. */
  readonly version?: number;
  /** Why the update guard refused the file's board: its technical words, shown as they are. */
  readonly reason?: string;
  /** The error came while exporting, not reading a file. */
  readonly exporting?: boolean;
}

export class WorkshopFileError extends Error {
  override readonly name = 'WorkshopFileError';
  constructor(
    readonly code: WorkshopFileErrorCode,
    message: string,
    readonly detail: WorkshopFileErrorDetail = {},
  ) {
    super(message);
  }
}

export const isWorkshopFileError = (e: unknown): e is WorkshopFileError => e instanceof WorkshopFileError;
