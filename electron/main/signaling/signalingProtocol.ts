// Parses client messages of y-webrtc's signaling protocol (node_modules/y-webrtc/bin/server.js):
// subscribe, unsubscribe, publish, ping; and the invite drop's invite-put and invite-get, which
// inviteDrop/ parses itself. Anything else is reported as malformed, never thrown.
import { z } from 'zod';
import { isInviteDropType } from '../../../shared/room/inviteDropProtocol';

// Like the reference server, non-string topic entries are skipped rather than rejecting the message.
const topicList = z.array(z.unknown()).optional();

const subscribeSchema = z.looseObject({ type: z.literal('subscribe'), topics: topicList });
const unsubscribeSchema = z.looseObject({ type: z.literal('unsubscribe'), topics: topicList });
// Extra fields on publish are forwarded untouched: the payload is opaque (encrypted by y-webrtc).
const publishSchema = z.looseObject({ type: z.literal('publish'), topic: z.string().min(1) });
const pingSchema = z.looseObject({ type: z.literal('ping') });

export type ClientMessage =
  | { readonly type: 'subscribe' | 'unsubscribe'; readonly topics: readonly string[] }
  | { readonly type: 'publish'; readonly topic: string; readonly message: Record<string, unknown> }
  | { readonly type: 'ping' }
  | { readonly type: 'invite'; readonly body: unknown };

export type ParseOutcome = { readonly ok: true; readonly message: ClientMessage } | { readonly ok: false };

const malformed: ParseOutcome = { ok: false };

export function parseClientMessage(raw: string): ParseOutcome {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return malformed;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return malformed;
  const type = (value as { type?: unknown }).type;
  if (isInviteDropType(type)) return { ok: true, message: { type: 'invite', body: value } };
  switch (type) {
    case 'subscribe':
    case 'unsubscribe': {
      const parsed = (type === 'subscribe' ? subscribeSchema : unsubscribeSchema).safeParse(value);
      if (!parsed.success) return malformed;
      const topics = (parsed.data.topics ?? []).filter((t): t is string => typeof t === 'string');
      return { ok: true, message: { type, topics } };
    }
    case 'publish': {
      const parsed = publishSchema.safeParse(value);
      if (!parsed.success) return malformed;
      return { ok: true, message: { type, topic: parsed.data.topic, message: parsed.data } };
    }
    case 'ping':
      return pingSchema.safeParse(value).success ? { ok: true, message: { type } } : malformed;
    default:
      return malformed;
  }
}

export const pongMessage = JSON.stringify({ type: 'pong' });

/** The reference server adds the receiver count as `clients`; y-webrtc clients expect it. */
export function publishFrame(message: Record<string, unknown>, clients: number): string {
  return JSON.stringify({ ...message, clients });
}

/** Not in y-webrtc's protocol, which has no way to refuse: stock clients ignore message types
 * they do not know, and a client that knows this one can tell its user why a room stays empty.
 * Sent only to the connection that asked; `reason` is a SubscribeRefusal. */
export function subscribeRefusedFrame(reason: string, topics: readonly string[]): string {
  return JSON.stringify({ type: 'subscribe-refused', reason, topics });
}
