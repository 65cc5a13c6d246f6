// Why a peer was dropped, in the reader's language: each code of shared/sync/peerDropReason has a
// catalog message (room.dropped.*); a place in the doc (a schema path or root name) is shown as it
// is, marked translate="no", since it is an identifier rather than words.
import type { ReactNode } from 'react';
import type { PeerDropCode, PeerDropReason } from '../../../../shared/sync/peerDropReason';
import type { UpdateProblem } from '../../../../shared/doc/updateRefusal';
import type { Formatter, MessageKey, Translate } from '../../core/i18n';
import type { DroppedPeer } from './guardPeers';

/** The message for each code ('update' is worded by its problem, below). */
export const DROP_REASON_KEYS: Record<Exclude<PeerDropCode, 'update'>, MessageKey> = {
  'not-binary': 'room.dropped.reason.notBinary',
  empty: 'room.dropped.reason.empty',
  'too-large': 'room.dropped.reason.tooLarge',
  undecodable: 'room.dropped.reason.undecodable',
  'trailing-bytes': 'room.dropped.reason.trailingBytes',
  'unknown-type': 'room.dropped.reason.unknownType',
  'unknown-sync': 'room.dropped.reason.unknownSync',
  'tab-message': 'room.dropped.reason.tabMessage',
  'presence-too-many': 'room.dropped.reason.presenceTooMany',
  'presence-too-large': 'room.dropped.reason.presenceTooLarge',
  'presence-not-object': 'room.dropped.reason.presenceMalformed',
  'presence-not-json': 'room.dropped.reason.presenceMalformed',
  unapplicable: 'room.dropped.reason.unapplicable',
  'relay-malformed': 'room.dropped.reason.relayMalformed',
  'relay-out-of-turn': 'room.dropped.reason.relayOutOfTurn',
  'relay-unsupported': 'room.dropped.reason.relayUnsupported',
  'relay-backlog': 'room.dropped.reason.relayBacklog',
};

export const UPDATE_PROBLEM_KEYS: Record<UpdateProblem, MessageKey> = {
  undecodable: 'room.dropped.update.undecodable',
  'board-full': 'room.dropped.update.boardFull',
  'too-many': 'room.dropped.update.tooMany',
  impersonation: 'room.dropped.update.impersonation',
  'unknown-part': 'room.dropped.update.unknownPart',
  'does-not-fit': 'room.dropped.update.doesNotFit',
  'never-changes': 'room.dropped.update.neverChanges',
};

const detail = (chunks: ReactNode[]): ReactNode => <span translate="no">{chunks}</span>;

function size(format: Formatter, bytes: number): string {
  return bytes >= 1_048_576 ? format.megabytes(bytes) : format.number(bytes / 1024, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 });
}

/** What the peer did, as a clause of room.dropped.item. */
export function dropReasonText(t: Translate, format: Formatter, reason: PeerDropReason): ReactNode {
  switch (reason.code) {
    case 'update': {
      const what = t(UPDATE_PROBLEM_KEYS[reason.problem]);
      if (reason.where === undefined) return what;
      return t.rich('room.dropped.where', { what, where: reason.where, detail });
    }
    case 'too-large':
    case 'presence-too-large':
      return t(DROP_REASON_KEYS[reason.code], { size: size(format, reason.bytes), limit: size(format, reason.limit) });
    case 'presence-too-many':
      return t(DROP_REASON_KEYS[reason.code], { count: format.number(reason.count), limit: format.number(reason.limit) });
    case 'unknown-type':
    case 'unknown-sync':
      return t.rich(DROP_REASON_KEYS[reason.code], { type: String(reason.type), detail });
    default:
      return t(DROP_REASON_KEYS[reason.code]);
  }
}

/** One line of the facilitator's list of dropped peers. */
export function droppedPeerText(t: Translate, format: Formatter, dropped: DroppedPeer): ReactNode {
  return t.rich('room.dropped.item', { via: dropped.via, reason: dropReasonText(t, format, dropped.reason) });
}
