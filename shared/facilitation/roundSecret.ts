// A vote's secret for everyone who may reveal it. The app that starts a round keeps its secret
// key, and seals a copy to the box key (X25519) of each holder of the facilitator's authority
// with the right to run votes, so if that laptop dies a co-facilitator can still reveal the
// vote. A copy is bound to the workshop, round and recipient's signing key: it opens for that
// recipient only, and a copy moved to another round or person does not open.
import { fromUtf8, utf8 } from '../crypto/bytes';
import { openBox, sealBox, type SealedBox } from '../crypto/sealedBox';
import { keysMatch } from './ballots';
import { roundSecretContext, type VoteRound } from './facilitationState';

export function sealRoundSecret(workshopId: string, round: Pick<VoteRound, 'roundId'>, to: { readonly signingKey: string; readonly boxKey: string }, secretKey: string): SealedBox {
  return sealBox(to.boxKey, utf8(secretKey), roundSecretContext(workshopId, round.roundId, to.signingKey));
}

/** The round's secret key from the copy sealed to me, or null (none, or it does not open to the round's key). */
export function openRoundSecret(workshopId: string, round: VoteRound, me: { readonly signingKey: string; readonly boxKey: string; readonly boxSecret: string }): string | null {
  const sealed = round.sealedFor[me.signingKey];
  if (!sealed) return null;
  const plain = openBox(me.boxSecret, me.boxKey, sealed, roundSecretContext(workshopId, round.roundId, me.signingKey));
  if (!plain) return null;
  const secret = fromUtf8(plain);
  return keysMatch(round.publicKey, secret) ? secret : null;
}
