// The y-webrtc messages relay bodies carry (sync step 1/2/update, awareness), and what the relay
// reads of them and of the doc.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** y-webrtc's message types (y-webrtc/src/y-webrtc.js). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;

export const syncMessage = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
};

export const awarenessMessage = (update: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
};

/** The sync type (step1 0, step2 1, update 2) of a y-webrtc sync message, or -1. */
export function syncTypeOf(message: Uint8Array): number {
  try {
    const decoder = decoding.createDecoder(message);
    return decoding.readVarUint(decoder) === MESSAGE_SYNC ? decoding.readVarUint(decoder) : -1;
  } catch {
    return -1;
  }
}

/** The client ids an awareness update speaks for (already checked by the peer guard). */
export function presenceClients(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const clients: number[] = [];
  for (let i = 0; i < count; i++) {
    clients.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
  }
  return clients;
}

/** How much of the board a doc holds: the sum of its state vector's clocks. */
export function clockSum(doc: Y.Doc): number {
  let sum = 0;
  for (const clock of Y.decodeStateVector(Y.encodeStateVector(doc)).values()) sum += clock;
  return sum;
}

/** An update that changes nothing (no structs, no deletions) encodes as these two bytes. */
export const isEmptyUpdate = (update: Uint8Array): boolean => update.length === 2 && update[0] === 0 && update[1] === 0;
