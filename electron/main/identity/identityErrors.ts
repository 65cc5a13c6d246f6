// Why the identity key cannot be used, as a code the UI can turn into plain advice.
export type IdentityErrorCode =
  /** No key file yet for this profile: create one. */
  | 'missing-key'
  /** The file is there but this OS keyring cannot decrypt it (other backend, other user, keyring reset). */
  | 'undecryptable'
  /** The file is not a key file we wrote, or its parts do not fit together. */
  | 'corrupt-file'
  /** safeStorage cannot encrypt on this system, and we never store a key unencrypted. */
  | 'encryption-unavailable'
  | 'already-exists'
  /** The key file exists but could not be read just now (permissions, a busy disk): try again. */
  | 'unreadable'
  /** A replacement was asked for a key that still works: refused, so no one rotates it silently. */
  | 'key-works'
  /** The user declined the replacement in main's own confirmation dialog. */
  | 'replace-cancelled';

export class IdentityError extends Error {
  override readonly name = 'IdentityError';
  constructor(
    readonly code: IdentityErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
