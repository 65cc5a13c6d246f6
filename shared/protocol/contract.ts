// The IPC contract: every channel between renderer and main, with its request and response
// schema. The main process's handler table, the preload's API and the renderer's types are all
// derived from this object, so a channel cannot exist on one side only.
import { z } from 'zod';
import type { ChannelName } from './channels';
import { MAX_FILE_BYTES, bytesSchema, fileNameSchema, workshopIdSchema, workshopSummarySchema } from './schemas';
import { certificateChoiceSchema, lanAddressSchema, lanSignalingStatusSchema, lanStartRequestSchema, trustCertificateRequestSchema } from './signalingSchemas';
import { vaultEntriesSchema, vaultKeySchema, vaultValueSchema } from './vaultSchemas';
import { actionSigningInputSchema, ballotSigningInputSchema, publicIdentitySchema, sealInputSchema, signatureValueSchema, signingInputSchema } from './identitySchemas';

const idRequest = z.object({ id: workshopIdSchema }).strict();
// Bounded so a runaway renderer cannot make the main process buffer gigabytes.
// The `tooLarge` param lets the main side answer 'too-large' rather than 'invalid-request'.
const boundedBytes = bytesSchema.refine((b) => b.byteLength <= MAX_FILE_BYTES, {
  message: `larger than the limit of ${MAX_FILE_BYTES / 1024 / 1024} MB`,
  params: { tooLarge: true },
});
const done = z.null();

export const contract = {
  'storage:list': { request: z.object({}).strict(), response: z.array(workshopSummarySchema) },
  'storage:create': {
    request: z.object({ summary: workshopSummarySchema, state: boundedBytes }).strict(),
    response: done,
  },
  'storage:load': {
    request: idRequest,
    response: z.object({ state: bytesSchema, skippedBytes: z.number().int().nonnegative() }),
  },
  'storage:append': {
    request: z.object({ id: workshopIdSchema, update: boundedBytes.refine((u) => u.byteLength > 0, 'an empty update') }).strict(),
    response: done,
  },
  'storage:setSummary': { request: z.object({ summary: workshopSummarySchema }).strict(), response: done },
  'storage:close': { request: idRequest, response: done },
  'storage:remove': { request: idRequest, response: done },
  // Rebuilds a workshop whose log is damaged from every record that still reads.
  'storage:recover': {
    request: idRequest,
    response: z.object({ skippedBytes: z.number().int().nonnegative(), keptUpdates: z.number().int().nonnegative() }),
  },
  // Every stored change kept as the workshop's history (shared/history/historyRecord.ts).
  'storage:history': { request: idRequest, response: z.array(bytesSchema).max(1_000_000) },
  // What this device keeps for a workshop outside its doc (room secret, pinned keys, ballots),
  // encrypted in main like the signing key.
  'vault:read': { request: idRequest, response: vaultEntriesSchema },
  'vault:write': { request: z.object({ id: workshopIdSchema, key: vaultKeySchema, value: vaultValueSchema.nullable() }).strict(), response: done },
  'files:save': {
    request: z
      .object({
        suggestedName: fileNameSchema,
        bytes: boundedBytes,
      })
      .strict(),
    response: z.boolean(),
  },
  'files:open': {
    request: z.object({ kind: z.enum(['workshop', 'charter']).optional() }).strict(),
    response: z.object({ name: z.string(), bytes: bytesSchema }).nullable(),
  },
  // Workshop files the OS opened with the app (double-click, "Open with"), queued in main: the
  // renderer takes the next one (read in main, within the file limit; null when none waits)
  // and imports it. It never names a path: main took the path from the OS, not from the page.
  'files:takeOpened': { request: z.object({}).strict(), response: z.object({ name: z.string().max(255), bytes: bytesSchema }).nullable() },
  // Resolves true once a file waits, or false after a while (the renderer then asks again).
  'files:waitOpened': { request: z.object({}).strict(), response: z.boolean() },
  'shell:openExternal': { request: z.object({ url: z.string().max(2048) }).strict(), response: done },
  // The private key stays in main: the renderer gets the public identity and signatures over
  // messages main builds itself from these fields (docs/charter-format.md, section 3).
  'identity:get': { request: z.object({}).strict(), response: publicIdentitySchema },
  'identity:signCharter': { request: z.object({ input: signingInputSchema }).strict(), response: signatureValueSchema },
  'identity:signSeal': { request: z.object({ input: sealInputSchema }).strict(), response: signatureValueSchema },
  'identity:signFacilitatorAction': { request: z.object({ input: actionSigningInputSchema }).strict(), response: signatureValueSchema },
  'identity:signBallot': { request: z.object({ input: ballotSigningInputSchema }).strict(), response: signatureValueSchema },
  // A new key for a device whose key cannot be used any more; main sets the old one aside.
  'identity:replace': { request: z.object({}).strict(), response: publicIdentitySchema },
  'signaling:addresses': { request: z.object({}).strict(), response: z.array(lanAddressSchema).max(256) },
  'signaling:start': { request: lanStartRequestSchema, response: lanSignalingStatusSchema },
  'signaling:stop': { request: z.object({}).strict(), response: done },
  'signaling:status': { request: z.object({}).strict(), response: lanSignalingStatusSchema },
  // The room port's certificate: a company one (picked in main's dialog; the key stays in main)
  // or this device's self-signed one. The server restarts with it if it is running.
  'signaling:useCertificate': { request: certificateChoiceSchema, response: lanSignalingStatusSchema },
  // A desktop joiner trusts the self-signed certificate its invite names, for that host only.
  'signaling:trustCertificate': { request: trustCertificateRequestSchema, response: done },
} as const satisfies Record<ChannelName, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.infer<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.infer<Contract[C]['response']>;

export { channelNames as channels } from './channels';

// Both directions: the contract has no channel missing from the list, and none extra.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const contractMatchesChannelList: Same<Channel, ChannelName> = true;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}
