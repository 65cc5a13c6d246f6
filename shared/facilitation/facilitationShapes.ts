// Facilitation's part of the document schema: one flat map of strings. Signed actions are
// written once under a key made of their sequence number and signature, and never changed or
// removed; a ballot may be cast again; the facilitator's claim is the current claim.
import { z } from 'zod';
import { patternShape, value } from '../doc/shape';
import { BALLOT_MAX_BYTES } from './ballots';
import { MAX_ENVELOPE_CHARS } from './signedAction';

export const facilitationShape = patternShape('facilitation', 'facilitation', [
  [/^a:\d{1,16}:[A-Za-z0-9_-]{1,16}$/, value(z.string().max(MAX_ENVELOPE_CHARS), { immutable: true })],
  [/^b:[A-Za-z0-9_-]{8,40}:[A-Za-z0-9_-]{1,100}$/, value(z.string().max(BALLOT_MAX_BYTES * 2))],
  // Signed ballots: one key per revision, written once.
  [/^v:[A-Za-z0-9_-]{8,40}:[A-Za-z0-9_-]{1,100}:\d{1,5}:[A-Za-z0-9_-]{16}$/, value(z.string().max(BALLOT_MAX_BYTES * 3), { immutable: true })],
  [/^authority$/, value(z.string().max(1000))],
]);
