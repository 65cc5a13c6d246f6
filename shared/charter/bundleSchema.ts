// The charter bundle: the frozen version, its digest and the signatures collected on it. This
// is what travels (PDF attachment, JSON export, room messages) and what verifiers parse.
import { z } from 'zod';
import { frozenCharterSchema, HEX_DIGEST } from './charterSchema';

export const BUNDLE_FORMAT = 'bridgeboard-charter-bundle';
/**
 * 2: the version names its document language, and the PDF is layout 2 (embedded Unicode fonts,
 * a summary first). 1: no language; English, and the PDF is layout 1 (standard fonts, WinAnsi).
 * The format follows from the signed charter (createBundle), so a verifier picks the renderer by
 * what was signed, and a bundle whose number disagrees with its charter is refused.
 */
export const BUNDLE_FORMAT_VERSION = 2;
export type BundleFormatVersion = 1 | 2;

/** The bundle format a frozen version travels in. */
export const bundleFormatOf = (charter: { readonly language?: string }): BundleFormatVersion => (charter.language === undefined ? 1 : 2);

export const charterSignatureSchema = z
  .object({
    signerId: z.string().min(1).max(200),
    /** base64url of the raw 32-byte Ed25519 public key. */
    publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    /** base64url of the 64-byte Ed25519 signature over signingMessage(). */
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
    signedAt: z.iso.datetime().regex(/^[^\n]*$/),
    version: z.number().int().min(1),
    digest: z.string().regex(HEX_DIGEST),
  })
  .strict();
export type CharterSignature = z.infer<typeof charterSignatureSchema>;

/** A facilitator's signature over the final set of signatures (charterSeal.ts). */
export const charterSealSchema = z
  .object({
    signerId: z.string().min(1).max(200),
    publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
    signedAt: z.iso.datetime().regex(/^[^\n]*$/),
    signatureCount: z.number().int().min(0),
    signaturesDigest: z.string().regex(HEX_DIGEST),
  })
  .strict();
export type CharterSeal = z.infer<typeof charterSealSchema>;

export const charterBundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.union([z.literal(1), z.literal(2)]),
    charter: frozenCharterSchema,
    /** SHA-256 (hex) of the RFC 8785 form of `charter`. */
    digest: z.string().regex(HEX_DIGEST),
    /** Diagnostic digests of each part (partDigests.ts); unsigned, but checked. */
    partDigests: z.record(z.string(), z.string().regex(HEX_DIGEST)),
    signatures: z.array(charterSignatureSchema).max(10_000),
    seal: charterSealSchema.optional(),
  })
  .strict()
  .refine((bundle) => bundle.formatVersion === bundleFormatOf(bundle.charter), {
    path: ['formatVersion'],
    message: 'format 2 is exactly the bundles whose charter names a document language (charter.language), format 1 the others',
  });
export type CharterBundle = z.infer<typeof charterBundleSchema>;

export type ParseResult = { readonly ok: true; readonly bundle: CharterBundle } | { readonly ok: false; readonly error: string };

export function parseBundle(value: unknown): ParseResult {
  const result = charterBundleSchema.safeParse(value);
  if (result.success) return { ok: true, bundle: result.data };
  const first = result.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return { ok: false, error: `not a charter bundle: ${first.join('; ')}` };
}
