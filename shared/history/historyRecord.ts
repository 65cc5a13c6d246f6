// A stored change, as a workshop's update log holds it: the Yjs update plus what the history
// needs to show it: when this device stored it, how it came (an edit made here, a change from
// the room, a restore, a migration, an import, or a checkpoint holding a whole state), who
// delivered it, which Yjs clients wrote it and a summary of what it changed. Records written
// before the history existed are bare Yjs updates; they still read, as 'legacy' records.
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { parseSummary, type ChangeSummary } from './changeSummary';
import { notAnUpdateReason } from '../sync/updateCheck';

export const RECORD_KINDS = ['local', 'peer', 'restore', 'migration', 'import', 'checkpoint', 'legacy'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface HistoryRecord {
  /** When this device stored it (ms since 1970, this device's clock); null for legacy records. */
  readonly at: number | null;
  readonly kind: RecordKind;
  /** The participant who delivered it: the author of a local change, the peer it came from. */
  readonly from: string | null;
  /** Yjs client ids whose changes it holds. */
  readonly clients: readonly number[];
  readonly summary: ChangeSummary | null;
  /** A Yjs update; for a checkpoint, the whole state at that point. */
  readonly update: Uint8Array;
}

// Not a Yjs update's first bytes in practice: as a varuint it would announce 9,275 clients.
const MAGIC = [0xbb, 0x48, 0x53, 0x01];
const MAX_CLIENTS = 10_000;

export function encodeHistoryRecord(record: Omit<HistoryRecord, 'kind'> & { readonly kind: Exclude<RecordKind, 'legacy'> }): Uint8Array {
  const e = encoding.createEncoder();
  for (const byte of MAGIC) encoding.writeUint8(e, byte);
  encoding.writeVarUint(e, Math.max(0, Math.round(record.at ?? 0)));
  encoding.writeVarString(e, record.kind);
  encoding.writeVarString(e, record.from ?? '');
  const clients = record.clients.slice(0, MAX_CLIENTS);
  encoding.writeVarUint(e, clients.length);
  for (const client of clients) encoding.writeVarUint(e, client);
  encoding.writeVarString(e, record.summary ? JSON.stringify(record.summary) : '');
  encoding.writeVarUint8Array(e, record.update);
  return encoding.toUint8Array(e);
}

const isKind = (value: string): value is RecordKind => (RECORD_KINDS as readonly string[]).includes(value);

/** Whether the bytes start like a record (rather than a bare Yjs update). */
export const isHistoryRecord = (bytes: Uint8Array): boolean => MAGIC.every((b, i) => bytes[i] === b);

/**
 * The record in `bytes`. Bare Yjs updates (what older versions stored) read as 'legacy'
 * records; bytes that start like a record but do not decode as one are null.
 */
export function decodeHistoryRecord(bytes: Uint8Array): HistoryRecord | null {
  if (!isHistoryRecord(bytes)) return { at: null, kind: 'legacy', from: null, clients: [], summary: null, update: bytes };
  try {
    const d = decoding.createDecoder(bytes.subarray(MAGIC.length));
    const at = decoding.readVarUint(d);
    const kind = decoding.readVarString(d);
    const from = decoding.readVarString(d);
    const count = decoding.readVarUint(d);
    if (!isKind(kind) || kind === 'legacy' || count > MAX_CLIENTS) return null;
    const clients: number[] = [];
    for (let i = 0; i < count; i++) clients.push(decoding.readVarUint(d));
    const summaryText = decoding.readVarString(d);
    const update = decoding.readVarUint8Array(d);
    if (decoding.hasContent(d)) return null;
    return { at, kind, from: from || null, clients, summary: summaryText ? parseSummary(summaryText) : null, update };
  } catch {
    return null;
  }
}

/** The Yjs update a stored record carries (a bare update is its own); null if it does not decode. */
export function updateOfRecord(bytes: Uint8Array): Uint8Array | null {
  return decodeHistoryRecord(bytes)?.update ?? null;
}

/** Whether `update` decodes as a Yjs (v1) update. */
export const decodesAsUpdate = (update: Uint8Array): boolean => notAnUpdateReason(update) === null;

/**
 * The record stored as `bytes` when it can be used: it reads, and its update decodes. Storage
 * refuses to append anything else and treats anything else already stored as damaged.
 */
export function usableRecord(bytes: Uint8Array): HistoryRecord | null {
  const record = decodeHistoryRecord(bytes);
  return record && decodesAsUpdate(record.update) ? record : null;
}

/** A checkpoint record: the whole state `state` as of `at`. */
export const checkpointRecord = (state: Uint8Array, at: number): Uint8Array =>
  encodeHistoryRecord({ at, kind: 'checkpoint', from: null, clients: [], summary: null, update: state });

/**
 * Why `bytes` cannot be stored as a change of a workshop, or null when they can: a history
 * record whose update decodes, or (as older versions stored) a bare Yjs update.
 */
export function notAStoredChangeReason(bytes: Uint8Array): string | null {
  const record = decodeHistoryRecord(bytes);
  if (!record) return 'they start like a history record but do not read as one';
  return notAnUpdateReason(record.update);
}
