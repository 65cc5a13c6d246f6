// Schemas for the identity channels: what the renderer may ask the main process to sign, and the
// public identity it gets back. Fields are bounded and single-line, as the signed message needs.
import { z } from 'zod';

const line = (max: number) => z.string().min(1).max(max).regex(/^[^\n]*$/, 'a single line');
const digest = z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex characters');

export const signingInputSchema = z
  .object({
    charterId: line(200),
    version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    digest,
    signedAt: z.iso.datetime(),
  })
  .strict();

export const sealInputSchema = signingInputSchema
  .extend({ signatureCount: z.number().int().min(0).max(10_000), signaturesDigest: digest })
  .strict();

/** What a facilitator's device signs for one action (shared/facilitation/actionMessage.ts). */
export const actionSigningInputSchema = z
  .object({
    workshopId: line(200),
    seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    actionDigest: digest,
  })
  .strict();

/** What a voter's device signs for one ballot (shared/facilitation/ballots.ts). */
export const ballotSigningInputSchema = z
  .object({
    workshopId: line(200),
    roundId: line(40),
    voterId: line(100),
    n: z.number().int().min(1).max(10_000),
    boxDigest: digest,
  })
  .strict();

/** base64url of a 64-byte Ed25519 signature. */
export const signatureValueSchema = z.string().regex(/^[A-Za-z0-9_-]{86}$/);

export const publicIdentitySchema = z
  .object({
    publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    fingerprint: z.string().max(100),
    createdAt: z.string().max(100),
    /** How well this device protects the private key; `warning` is shown to the user as is. */
    protection: z.object({ weak: z.boolean(), backend: z.string().max(40), warning: z.string().max(1000).nullable() }).strict(),
  })
  .strict();

export type PublicIdentityData = z.infer<typeof publicIdentitySchema>;
