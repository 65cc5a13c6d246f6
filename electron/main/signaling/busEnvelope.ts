// What crosses the bus: one JSON object per publish, `{v, i, c, a, t, m}` (version, sending
// instance, connection and address pseudonyms, topic, the client's publish). A received
// envelope is checked like anything a client sends: size first, then shape; the publish inside
// must name the same topic. Nothing in `m` besides `type` and `topic` is read.
import { z } from 'zod';
import type { BusMessage } from './signalingBus';

const id = z.string().min(1).max(64);
const envelopeSchema = z.strictObject({
  v: z.literal(1),
  i: id,
  c: id,
  a: id,
  t: z.string().min(1),
  m: z.looseObject({ type: z.literal('publish'), topic: z.string().min(1) }),
});

export function encodeEnvelope(message: BusMessage): Buffer {
  const { topic, sender } = message;
  return Buffer.from(JSON.stringify({ v: 1, i: sender.instance, c: sender.connection, a: sender.address, t: topic, m: message.message }));
}

export type DecodeOutcome = { readonly ok: true; readonly message: BusMessage } | { readonly ok: false; readonly reason: 'oversized' | 'malformed' };

export function decodeEnvelope(data: Buffer, maxBytes: number, maxTopicLength: number): DecodeOutcome {
  if (data.length > maxBytes) return { ok: false, reason: 'oversized' };
  let value: unknown;
  try {
    value = JSON.parse(data.toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = envelopeSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const { i, c, a, t, m } = parsed.data;
  if (m.topic !== t || t.length > maxTopicLength) return { ok: false, reason: 'malformed' };
  return { ok: true, message: { topic: t, message: m, sender: { instance: i, connection: c, address: a }, bytes: data.length } };
}
