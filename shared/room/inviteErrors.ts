// Why an invite was refused, as a literal code the UI turns into a clear message.

export type InviteErrorCode = 'malformed' | 'expired' | 'tampered' | 'unsupported-version' | 'bad-address' | 'too-long';

export class InviteError extends Error {
  override readonly name = 'InviteError';
  constructor(readonly code: InviteErrorCode, detail?: string) {
    super(detail ? `${inviteErrorMessage(code)} (${detail})` : inviteErrorMessage(code));
  }
}

export function inviteErrorMessage(code: InviteErrorCode): string {
  switch (code) {
    case 'malformed':
      return 'This is not a Bridgeboard invite, or part of it is missing.';
    case 'expired':
      return 'This invite has expired. Ask the facilitator for a new one.';
    case 'tampered':
      return 'This invite does not check out: a character was mistyped or changed. Check it against the original.';
    case 'unsupported-version':
      return 'This invite was made by a newer version of Bridgeboard. Update the app to join.';
    case 'bad-address':
      return 'This invite points to a signaling address Bridgeboard does not accept (only ws:// and wss:// are allowed).';
    case 'too-long':
      return 'The room settings are too long to fit in an invite (link, code and QR code). Use fewer or shorter STUN/TURN entries.';
  }
}
