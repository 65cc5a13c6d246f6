// The invite drop's messages, spoken on the signaling WebSocket beside y-webrtc's own (which
// has no such types, so stock clients and servers ignore them). The facilitator's app leaves a
// sealed invite under its lookup id; a joiner asks for it by that id. Both sides parse with the
// schemas here; the server never receives K, only `id` and the sealed `box`.
import { z } from 'zod';
import { inviteIdPattern, maxInviteBoxLength } from './shortInviteBox';

export const inviteDropRefusals = ['not-found', 'malformed', 'too-large', 'bad-ttl', 'exists', 'address-full', 'store-full', 'rate', 'unavailable'] as const;
export type InviteDropRefusal = (typeof inviteDropRefusals)[number];

/** Longest a box may be kept: a week, the longest invite validity the app offers. */
export const maxInviteDropTtlSeconds = 7 * 24 * 3600;

const id = z.string().regex(inviteIdPattern);

export const inviteDropRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('invite-put'),
    id,
    box: z.string().min(1).max(maxInviteBoxLength).regex(/^[A-Za-z0-9_-]+$/),
    ttl: z.number().int().positive().max(maxInviteDropTtlSeconds),
  }),
  z.strictObject({ type: z.literal('invite-get'), id }),
]);
export type InviteDropRequest = z.infer<typeof inviteDropRequestSchema>;

export const inviteDropReplySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('invite-stored'), id, expiresAt: z.number().int().nonnegative() }),
  z.strictObject({ type: z.literal('invite-found'), id, box: z.string().min(1).max(maxInviteBoxLength) }),
  z.strictObject({ type: z.literal('invite-refused'), id: z.string().max(64), reason: z.enum(inviteDropRefusals) }),
]);
export type InviteDropReply = z.infer<typeof inviteDropReplySchema>;

export const isInviteDropType = (type: unknown): boolean => type === 'invite-put' || type === 'invite-get';
