// The shapes of a charter (content, roster, quorum rule, frozen version) as zod schemas: a
// bundle arrives from a file or a peer as `unknown` and is parsed here before anything trusts it.
// Objects are strict, so an added field is a parse error rather than silently dropped data
// the signatures never covered.
import { z } from 'zod';
import { SECTION_IDS, SIDES } from '../board/sections';
import { DOCUMENT_LANGUAGES } from './charterWords';

const text = (max: number) => z.string().max(max);
export const HEX_DIGEST = /^[0-9a-f]{64}$/;
const B64URL_KEY = /^[A-Za-z0-9_-]{43}$/;

export const participantSchema = z
  .object({
    id: z.string().min(1).max(200),
    name: z.string().min(1).max(200),
    side: z.enum(SIDES),
    role: text(200),
    /** base64url (unpadded) of the raw 32-byte Ed25519 public key. */
    publicKey: z.string().regex(B64URL_KEY),
    /** Read-aloud fingerprint of publicKey (crypto/fingerprint.ts); checked, never trusted. */
    fingerprint: z.string().max(100),
    /** The facilitator compared this fingerprint aloud with the person. */
    checkedInPerson: z.boolean(),
  })
  .strict();
export type Participant = z.infer<typeof participantSchema>;

export const quorumRuleSchema = z
  .object({
    minIT: z.number().int().min(0).max(1000),
    minOT: z.number().int().min(0).max(1000),
    /** The facilitator (or a co-facilitator) must sign. */
    facilitator: z.boolean(),
    /** Participant ids who must sign in person, whatever their side. */
    requiredSigners: z.array(z.string().min(1).max(200)).max(1000),
    /**
     * The charter is final only once a facilitator seals the set of signatures. Signatures are
     * independent, so without a seal a signature could be dropped from a copy unnoticed.
     */
    requireSeal: z.boolean(),
    /**
     * Why the rule is below the floor (DEFAULT_QUORUM): required then, frozen with the version, and
     * shown by every verifier as "reduced quorum". A rule at or above the floor has none.
     */
    reducedReason: z.string().trim().min(1).max(1000).regex(/^[^\n]*$/).optional(),
  })
  .strict();
export type QuorumRule = z.infer<typeof quorumRuleSchema>;

/** The default rule, and the floor: at least one IT and one OT signer, the facilitator, and a seal. */
export const DEFAULT_QUORUM: QuorumRule = { minIT: 1, minOT: 1, facilitator: true, requiredSigners: [], requireSeal: true };

/** Where a rule is lower than the floor. */
export type FloorGap = 'IT' | 'OT' | 'facilitator' | 'seal';

export function floorGaps(rule: QuorumRule): FloorGap[] {
  const out: FloorGap[] = [];
  if (rule.minIT < DEFAULT_QUORUM.minIT) out.push('IT');
  if (rule.minOT < DEFAULT_QUORUM.minOT) out.push('OT');
  if (!rule.facilitator) out.push('facilitator');
  if (!rule.requireSeal) out.push('seal');
  return out;
}

const GAP_WORDS: Readonly<Record<FloorGap, string>> = {
  IT: 'no IT signer is required',
  OT: 'no OT signer is required',
  facilitator: 'the facilitator need not sign',
  seal: 'no seal is required',
};

/** What makes a rule lower than the floor, in English words (the CLI, the app, layout 1); empty when it is not. */
export function belowFloor(rule: QuorumRule): string[] {
  return floorGaps(rule).map((gap) => GAP_WORDS[gap]);
}

/** Keys of who holds the facilitator's powers, as a version freezes them. */
export const facilitatorSchema = z
  .object({
    publicKey: z.string().regex(B64URL_KEY),
    fingerprint: z.string().max(100),
    name: z.string().max(200),
    participantId: z.string().max(200),
    /** 'workshop': the key fixed when the workshop was created; 'handover': handed over to it since. */
    established: z.enum(['workshop', 'handover']),
    coFacilitators: z
      .array(
        z
          .object({
            publicKey: z.string().regex(B64URL_KEY),
            fingerprint: z.string().max(100),
            name: z.string().max(200),
            participantId: z.string().max(200),
            /** The co-facilitator's powers end then (the facilitator's clock). */
            expiresAt: z.iso.datetime(),
            /** Only a co-facilitator with the right 'charter' may seal or sign as the facilitator. */
            rights: z.array(z.enum(['run', 'votes', 'charter'])).min(1).max(3),
          })
          .strict(),
      )
      .max(50),
  })
  .strict();
export type CharterFacilitator = z.infer<typeof facilitatorSchema>;

export const charterItemSchema = z
  .object({
    cardId: z.string().min(1).max(200),
    title: text(1000),
    /** Every field of the section spec except the title, '' when the card left it empty. */
    fields: z.record(z.string(), text(10_000)),
  })
  .strict();
export type CharterItem = z.infer<typeof charterItemSchema>;

export const charterSectionSchema = z
  .object({
    id: z.enum(SECTION_IDS),
    title: text(200),
    /** Labels travel with the content so a future verifier renders the same words. */
    fields: z.array(z.object({ key: z.string(), label: text(200) }).strict()),
    items: z.array(charterItemSchema),
  })
  .strict();
export type CharterSection = z.infer<typeof charterSectionSchema>;

export const charterReferenceSchema = z.object({ reference: text(1000), cardIds: z.array(z.string()) }).strict();
export type CharterReference = z.infer<typeof charterReferenceSchema>;

export const charterContentSchema = z
  .object({
    title: text(1000),
    purpose: text(10_000),
    scope: text(10_000),
    /** YYYY-MM-DD, or '' while the draft has none (a weak-charter finding). */
    reviewDate: z.union([z.iso.date(), z.literal('')]),
    sections: z.array(charterSectionSchema),
    references: z.array(charterReferenceSchema),
  })
  .strict();
export type CharterContent = z.infer<typeof charterContentSchema>;

export const FROZEN_FORMAT = 'bridgeboard-charter-version';

export const frozenCharterSchema = z
  .object({
    format: z.literal(FROZEN_FORMAT),
    charterId: z.string().min(1).max(200).regex(/^[^\n]*$/),
    version: z.number().int().min(1),
    frozenAt: z.iso.datetime(),
    previousDigest: z.string().regex(HEX_DIGEST).optional(),
    quorum: quorumRuleSchema,
    content: charterContentSchema,
    roster: z.array(participantSchema),
    /**
     * Who facilitates, by key: whose seal and whose signature count as the facilitator's. Absent
     * in versions frozen before schema 3, where a roster member with side 'facilitator' did.
     */
    facilitator: facilitatorSchema.optional(),
    /**
     * The document language the facilitator chose (charterWords.ts): the PDF's and Markdown's
     * words. Absent in versions frozen before it existed, which render in English with the
     * layout they were exported with (bundle format 1).
     */
    language: z.enum(DOCUMENT_LANGUAGES).optional(),
  })
  .strict();
export type FrozenCharter = z.infer<typeof frozenCharterSchema>;
