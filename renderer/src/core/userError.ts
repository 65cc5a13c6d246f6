// An error whose message is written for the person using the app: something they asked for
// cannot be done, and the sentence says why (describeError shows it as it is).
export class UserError extends Error {
  override readonly name = 'UserError';
}
