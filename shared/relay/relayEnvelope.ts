// The plaintext inside a relay frame: who sent it, to whom, its sequence number and send time
// (replay checks), its kind, which part of a longer message it is, and the body. Bodies carry
// y-webrtc's own message bytes (sync step 1/2/update, awareness), so the peer guard that checks
// data-channel messages checks relayed ones byte for byte the same way. Decoding never throws.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MAX_MESSAGES_PER_BODY, MAX_PARTS, RELAY_ID } from './relayLimits';

const ENVELOPE_VERSION = 1;

export const RelayKind = {
  /** Broadcast on joining (and reconnecting): "I am here, someone answer". */
  hello: 0,
  /** Broadcast now and then, so rosters keep us. */
  alive: 1,
  /** Answer to a hello, to the newcomer only. */
  here: 2,
  /** Our state vector (sync step 1), to one peer. */
  syncRequest: 3,
  /** What the requester lacks (sync step 2) and our own state vector (step 1), to the requester. */
  syncReply: 4,
  /** Edits (sync update) and presence (awareness), broadcast. */
  data: 5,
  /** Leaving. */
  bye: 6,
} as const;
export type RelayKind = (typeof RelayKind)[keyof typeof RelayKind];
const KINDS = new Set<number>(Object.values(RelayKind));

export interface RelayEnvelope {
  readonly from: string;
  /** '' for the whole room. */
  readonly to: string;
  readonly seq: number;
  readonly sentAt: number;
  /** How much of the board the sender holds (the sum of its state vector's clocks): a receiver
   * that holds less asks the sender for a sync, so a gap (a lost message, a join answered by a
   * peer that knew little) closes with the next message heard. */
  readonly known: number;
  readonly kind: RelayKind;
  readonly part: number;
  readonly parts: number;
  readonly body: Uint8Array;
}

export function encodeEnvelope(e: RelayEnvelope): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, ENVELOPE_VERSION);
  encoding.writeVarString(encoder, e.from);
  encoding.writeVarString(encoder, e.to);
  encoding.writeVarUint(encoder, e.seq);
  encoding.writeVarUint(encoder, e.sentAt);
  encoding.writeVarUint(encoder, e.known);
  encoding.writeVarUint(encoder, e.kind);
  encoding.writeVarUint(encoder, e.part);
  encoding.writeVarUint(encoder, e.parts);
  encoding.writeVarUint8Array(encoder, e.body);
  return encoding.toUint8Array(encoder);
}

/** The envelope, or null when the bytes are not a well-formed one. */
export function decodeEnvelope(bytes: Uint8Array): RelayEnvelope | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarUint(decoder) !== ENVELOPE_VERSION) return null;
    const from = decoding.readVarString(decoder);
    const to = decoding.readVarString(decoder);
    const seq = decoding.readVarUint(decoder);
    const sentAt = decoding.readVarUint(decoder);
    const known = decoding.readVarUint(decoder);
    const kind = decoding.readVarUint(decoder);
    const part = decoding.readVarUint(decoder);
    const parts = decoding.readVarUint(decoder);
    const body = decoding.readVarUint8Array(decoder);
    if (decoding.hasContent(decoder)) return null;
    if (!RELAY_ID.test(from) || (to !== '' && !RELAY_ID.test(to)) || !KINDS.has(kind)) return null;
    if (parts < 1 || parts > MAX_PARTS || part >= parts || !Number.isSafeInteger(seq) || !Number.isSafeInteger(sentAt) || !Number.isSafeInteger(known)) return null;
    return { from, to, seq, sentAt, known, kind: kind as RelayKind, part, parts, body };
  } catch {
    return null;
  }
}

/** A body: a short list of y-webrtc messages. */
export function encodeBody(messages: readonly Uint8Array[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messages.length);
  for (const m of messages) encoding.writeVarUint8Array(encoder, m);
  return encoding.toUint8Array(encoder);
}

export function decodeBody(bytes: Uint8Array): Uint8Array[] | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const count = decoding.readVarUint(decoder);
    if (count > MAX_MESSAGES_PER_BODY) return null;
    const messages: Uint8Array[] = [];
    for (let i = 0; i < count; i++) messages.push(decoding.readVarUint8Array(decoder));
    return decoding.hasContent(decoder) ? null : messages;
  } catch {
    return null;
  }
}
