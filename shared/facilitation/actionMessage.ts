// The exact bytes a facilitator signs for one action. A fixed domain prefix keeps these
// signatures apart from charter signatures and seals made with the same identity key; the
// workshop id stops an action being replayed in another workshop, the sequence number stops
// it being replayed in this one, and the digest binds every field of the action.
import { utf8 } from '../crypto/bytes';

export const ACTION_DOMAIN = 'bridgeboard-facilitator-action-v1';

export interface ActionSigningInput {
  readonly workshopId: string;
  /** 1, 2, 3…: each action of a workshop has its own. */
  readonly seq: number;
  /** Lower-case hex SHA-256 of the RFC 8785 canonical JSON of the action. */
  readonly actionDigest: string;
}

/** UTF-8 of: domain "\n" workshopId "\n" seq (decimal) "\n" actionDigest — no trailing newline. */
export function actionMessage(input: ActionSigningInput): Uint8Array {
  if (input.workshopId.length === 0 || input.workshopId.includes('\n')) throw new Error('workshop id must be one non-empty line');
  if (!Number.isSafeInteger(input.seq) || input.seq < 1) throw new Error('seq must be a positive integer');
  if (!/^[0-9a-f]{64}$/.test(input.actionDigest)) throw new Error('action digest must be 64 lower-case hex characters');
  return utf8([ACTION_DOMAIN, input.workshopId, String(input.seq), input.actionDigest].join('\n'));
}
