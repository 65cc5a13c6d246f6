// Why a peer was dropped: a code with its data, which the app words in the reader's language
// (the room feature's catalog keys room.dropped.*), and describePeerDrop, which words it in
// English for logs and tests. The codes cover the peer message guard (a data-channel or relayed
// y-webrtc message), the update guard behind it (shared/doc), and the relay's own refusals.
import type { UpdateProblem } from '../doc/updateRefusal';

/** What of a relay message was malformed (English wording only; the app says "malformed"). */
export type RelayMalformed = 'body' | 'empty' | 'hello' | 'sync-request' | 'sync-reply' | 'state-vector' | 'orphan-part' | 'duplicate-part';

export type PeerDropReason =
  | { readonly code: 'not-binary' }
  | { readonly code: 'empty' }
  | { readonly code: 'too-large'; readonly bytes: number; readonly limit: number }
  | { readonly code: 'undecodable' }
  | { readonly code: 'trailing-bytes'; readonly after: 'sync' | 'presence' | 'presence-query' }
  | { readonly code: 'unknown-type'; readonly type: number }
  | { readonly code: 'unknown-sync'; readonly type: number }
  | { readonly code: 'tab-message' }
  | { readonly code: 'presence-too-many'; readonly count: number; readonly limit: number }
  | { readonly code: 'presence-too-large'; readonly bytes: number; readonly limit: number }
  | { readonly code: 'presence-not-object' }
  | { readonly code: 'presence-not-json' }
  /** The update guard refused the update; `where` is a schema path, `detail` its English sentence. */
  | { readonly code: 'update'; readonly problem: UpdateProblem; readonly where?: string; readonly detail: string }
  /** Passed the guards, then threw while being applied. */
  | { readonly code: 'unapplicable' }
  | { readonly code: 'relay-malformed'; readonly what: RelayMalformed }
  | { readonly code: 'relay-out-of-turn' }
  | { readonly code: 'relay-unsupported' }
  | { readonly code: 'relay-backlog' };

export type PeerDropCode = PeerDropReason['code'];

/** Every code, for checks that each one is worded (a Record so that a new code must be listed). */
const CODES: Record<PeerDropCode, true> = {
  'not-binary': true,
  empty: true,
  'too-large': true,
  undecodable: true,
  'trailing-bytes': true,
  'unknown-type': true,
  'unknown-sync': true,
  'tab-message': true,
  'presence-too-many': true,
  'presence-too-large': true,
  'presence-not-object': true,
  'presence-not-json': true,
  update: true,
  unapplicable: true,
  'relay-malformed': true,
  'relay-out-of-turn': true,
  'relay-unsupported': true,
  'relay-backlog': true,
};
export const peerDropCodes = Object.keys(CODES) as PeerDropCode[];

const AFTER: Record<'sync' | 'presence' | 'presence-query', string> = { sync: 'a sync message', presence: 'a presence message', 'presence-query': 'a presence query' };
const MALFORMED: Record<RelayMalformed, string> = {
  body: 'a relay message that does not decode',
  empty: 'an empty relay message',
  hello: 'a malformed hello',
  'sync-request': 'a malformed sync request',
  'sync-reply': 'a malformed sync reply',
  'state-vector': 'a malformed state vector',
  'orphan-part': 'a message part without its beginning',
  'duplicate-part': 'a message part twice',
};

/** What the peer sent, in English ("an oversized message (5000000 bytes)"): for logs and tests. */
export function describePeerDrop(reason: PeerDropReason): string {
  switch (reason.code) {
    case 'not-binary':
      return 'a message that is not binary';
    case 'empty':
      return 'an empty message';
    case 'too-large':
      return `an oversized message (${reason.bytes} bytes)`;
    case 'undecodable':
      return 'a message that does not decode';
    case 'trailing-bytes':
      return `trailing bytes after ${AFTER[reason.after]}`;
    case 'unknown-type':
      return `an unknown message type (${reason.type})`;
    case 'unknown-sync':
      return `an unknown sync message (${reason.type})`;
    case 'tab-message':
      return 'a tab-to-tab message over the network';
    case 'presence-too-many':
      return 'an awareness message for too many clients';
    case 'presence-too-large':
      return 'an oversized presence state';
    case 'presence-not-object':
      return 'a presence state that is not an object';
    case 'presence-not-json':
      return 'a presence state that is not JSON';
    case 'update':
      return reason.detail;
    case 'unapplicable':
      return 'a message the board could not apply';
    case 'relay-malformed':
      return MALFORMED[reason.what];
    case 'relay-out-of-turn':
      return 'a sync message out of turn';
    case 'relay-unsupported':
      return 'a message the relay does not carry';
    case 'relay-backlog':
      return 'more unfinished long messages than the relay keeps';
  }
}
