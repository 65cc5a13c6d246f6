// Checks every message a peer sends over a data channel before y-webrtc reads it. A peer who
// holds the room secret can still be broken or hostile: garbage bytes, malformed sync or
// awareness messages, oversized updates, and updates that do not fit the document schema
// (checked struct by struct by the update guard, shared/doc) must neither crash the app nor
// reach the doc. A message that fails here gets its peer dropped.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { checkWorkshopUpdate } from '../schema';
import type { PeerDropReason } from './peerDropReason';

/** y-webrtc's message types (y-webrtc/src/y-webrtc.js). */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;
const MESSAGE_BC_PEER_ID = 4;
/** y-protocols/sync message types. */
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export const MAX_PEER_MESSAGE_BYTES = 4 * 1024 * 1024;
export const MAX_AWARENESS_STATE_BYTES = 16 * 1024;
export const MAX_AWARENESS_CLIENTS = 256;

export type GuardVerdict = { ok: true } | { ok: false; reason: PeerDropReason };

const fail = (reason: PeerDropReason): GuardVerdict => ({ ok: false, reason });

/** What the guard needs of the doc a message would change. */
export interface GuardTarget {
  readonly doc: Y.Doc;
  /** The doc's encoded size, or an upper bound of it. */
  docBytes(): number;
}

function checkAwareness(bytes: Uint8Array): GuardVerdict {
  const decoder = decoding.createDecoder(bytes);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_AWARENESS_CLIENTS) return fail({ code: 'presence-too-many', count, limit: MAX_AWARENESS_CLIENTS });
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder); // client id
    decoding.readVarUint(decoder); // clock
    const json = decoding.readVarString(decoder);
    if (json.length > MAX_AWARENESS_STATE_BYTES) return fail({ code: 'presence-too-large', bytes: json.length, limit: MAX_AWARENESS_STATE_BYTES });
    try {
      const state: unknown = JSON.parse(json);
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) return fail({ code: 'presence-not-object' });
    } catch {
      return fail({ code: 'presence-not-json' });
    }
  }
  return decoding.hasContent(decoder) ? fail({ code: 'trailing-bytes', after: 'presence' }) : { ok: true };
}

/** The update guard's verdict on a sync update, as a reason to drop its sender. */
function checkSyncUpdate(target: GuardTarget, update: Uint8Array): GuardVerdict {
  const verdict = checkWorkshopUpdate(target.doc, update, target.docBytes());
  if (verdict.ok) return { ok: true };
  const { problem, where, reason: detail } = verdict;
  return fail(where === undefined ? { code: 'update', problem, detail } : { code: 'update', problem, where, detail });
}

/** Decides whether a data-channel message from a peer may be passed to y-webrtc. */
export function inspectPeerMessage(data: unknown, target: GuardTarget): GuardVerdict {
  if (!(data instanceof Uint8Array)) return fail({ code: 'not-binary' });
  if (data.byteLength === 0) return fail({ code: 'empty' });
  if (data.byteLength > MAX_PEER_MESSAGE_BYTES) return fail({ code: 'too-large', bytes: data.byteLength, limit: MAX_PEER_MESSAGE_BYTES });
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (decoding.hasContent(decoder)) return fail({ code: 'trailing-bytes', after: 'sync' });
        if (syncType === SYNC_STEP1) {
          Y.decodeStateVector(payload);
          return { ok: true };
        }
        if (syncType === SYNC_STEP2 || syncType === SYNC_UPDATE) return checkSyncUpdate(target, payload);
        return fail({ code: 'unknown-sync', type: syncType });
      }
      case MESSAGE_AWARENESS:
        return checkAwareness(decoding.readVarUint8Array(decoder));
      case MESSAGE_QUERY_AWARENESS:
        return decoding.hasContent(decoder) ? fail({ code: 'trailing-bytes', after: 'presence-query' }) : { ok: true };
      case MESSAGE_BC_PEER_ID:
        // Only ever sent over BroadcastChannel; a data channel has no business carrying it.
        return fail({ code: 'tab-message' });
      default:
        return fail({ code: 'unknown-type', type });
    }
  } catch {
    return fail({ code: 'undecodable' });
  }
}
