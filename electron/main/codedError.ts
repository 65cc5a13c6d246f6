// An error that carries a protocol error code, so a service can say *why* it failed and the
// IPC layer can send that reason to the renderer as data.
import type { ErrorCode } from '../../shared/protocol';

export class CodedError extends Error {
  override readonly name = 'CodedError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
