// The secret key of a vote round, where this device has it: kept in the vault by the app that
// started the round, or sealed in the doc to this device's box key for a co-facilitator.
import { openRoundSecret, type VoteRound } from '../../../../shared/facilitation';
import type { FacilitationController } from './facilitationController';
import { myBoxKeys, roundSecret } from './facilitationStorage';

export function roundSecretFor(c: FacilitationController, round: VoteRound): string | null {
  const kept = roundSecret(c.vault, round.roundId);
  if (kept) return kept;
  const myKey = c.store.getState().myKey;
  if (!myKey) return null;
  const box = myBoxKeys(c.vault);
  return openRoundSecret(c.workshopId, round, { signingKey: myKey, boxKey: box.publicKey, boxSecret: box.secretKey });
}
