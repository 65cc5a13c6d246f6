// The identity key as the IPC handlers see it: loaded (or created) once on first use, and every
// key-store failure turned into a coded error whose message the renderer can show as advice.
import type { SealInput, SigningInput } from '../../../shared/crypto';
import type { ActionSigningInput } from '../../../shared/facilitation/actionMessage';
import type { BallotSigningInput } from '../../../shared/facilitation/ballots';
import type { PublicIdentityData } from '../../../shared/protocol/identitySchemas';
import { CodedError } from '../codedError';
import type { ErrorCode } from '../../../shared/protocol';
import { IdentityError, type IdentityErrorCode } from './identityErrors';
import type { IdentityStore, PublicIdentity, ReplacementQuestion } from './identityStore';

export interface IdentityService {
  get(): Promise<PublicIdentityData>;
  signCharter(input: SigningInput): Promise<string>;
  signSeal(input: SealInput): Promise<string>;
  signFacilitatorAction(input: ActionSigningInput): Promise<string>;
  signBallot(input: BallotSigningInput): Promise<string>;
  /** A new key in place of the current one, which is set aside (IdentityStore.replace). */
  replace(): Promise<PublicIdentityData>;
}

/** 'corrupt' means "this key cannot be used as stored", which a replacement can fix. */
const CODES: Partial<Record<IdentityErrorCode, ErrorCode>> = {
  'corrupt-file': 'corrupt',
  undecryptable: 'corrupt',
  'key-works': 'forbidden',
  'replace-cancelled': 'cancelled',
};

function coded(error: unknown): never {
  if (error instanceof IdentityError) throw new CodedError(CODES[error.code] ?? 'unavailable', error.message, { cause: error });
  throw error;
}

const toData = (identity: PublicIdentity): PublicIdentityData => ({
  publicKey: identity.publicKey,
  fingerprint: identity.fingerprint,
  createdAt: identity.createdAt,
  protection: { weak: identity.protection.weak, backend: identity.protection.backend, warning: identity.protection.warning },
});

export interface IdentityServiceOptions {
  /** Main's own yes/no before a key is replaced (a native dialog in the app). */
  readonly confirmReplace?: (question: ReplacementQuestion) => Promise<boolean>;
}

export function createIdentityService(store: IdentityStore, { confirmReplace }: IdentityServiceOptions = {}): IdentityService {
  // One load for all callers: two concurrent first calls must not both try to create a key.
  let loading: Promise<PublicIdentity> | null = null;
  const ready = (): Promise<PublicIdentity> => {
    loading ??= store.ensure().catch((error: unknown) => {
      loading = null; // a keyring unlocked later gets another chance
      throw error;
    });
    return loading;
  };
  return {
    get: () => ready().then(toData, coded),
    signCharter: (input) => ready().then(() => store.signCharter(input), coded),
    signSeal: (input) => ready().then(() => store.signSeal(input), coded),
    signFacilitatorAction: (input) => ready().then(() => store.signFacilitatorAction(input), coded),
    signBallot: (input) => ready().then(() => store.signBallot(input), coded),
    replace: () => {
      // After any load or replacement under way. A failed replacement leaves whatever loads (or
      // its error) for later calls; the caller hears of the failure through the returned promise.
      const replacing = (loading ?? Promise.resolve(null)).catch(() => null).then(() => store.replace(confirmReplace));
      const next: Promise<PublicIdentity> = replacing
        .catch(() => store.ensure())
        .catch((error: unknown) => {
          if (loading === next) loading = null;
          throw error;
        });
      next.catch(() => undefined);
      loading = next;
      return replacing.then(toData, coded);
    },
  };
}

/** Where there is no key store (tests of other channels), identity calls say so. */
export const noIdentityService: IdentityService = {
  get: () => Promise.reject(new CodedError('unavailable', 'This app has no identity key store.')),
  signCharter: () => Promise.reject(new CodedError('unavailable', 'This app has no identity key store.')),
  signSeal: () => Promise.reject(new CodedError('unavailable', 'This app has no identity key store.')),
  signFacilitatorAction: () => Promise.reject(new CodedError('unavailable', 'This app has no identity key store.')),
  signBallot: () => Promise.reject(new CodedError('unavailable', 'This app has no identity key store.')),
  replace: () => Promise.reject(new CodedError('unavailable', 'This app has no identity key store.')),
};
