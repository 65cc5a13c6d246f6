// The workshop roster: who took part, their side and role. It lives in the doc, so it syncs
// with the board and is part of what a charter freezes. Presence (who is online right now)
// is awareness state, not this.
import * as Y from 'yjs';
import { docRoot } from '../doc/roots';
import { asMap, ignoreProblems, readFixed, type Report } from '../doc/readShape';
import { BoardError, subjectLabel, type NamedSubject } from './boardErrors';
import { NAME_MAX, PARTICIPANT_ID, ROLE_MAX, rosterEntryShape } from './boardShapes';
import { isSide, type Side } from './sections';

export const PARTICIPANT_NAME_MAX = NAME_MAX;

export interface Participant {
  /** Stable per device and profile. */
  readonly id: string;
  readonly name: string;
  readonly side: Side;
  readonly role: string;
  readonly joinedAt: number;
  /** Ed25519 public key (base64url, raw 32 bytes) once the participant has an identity. */
  readonly publicKey: string | null;
}

export const rosterMap = (doc: Y.Doc): Y.Map<unknown> => docRoot(doc, 'roster');

function cleanText(value: unknown, max: number, subject: NamedSubject, required: boolean): string {
  const what = subjectLabel(subject);
  if (typeof value !== 'string') throw new BoardError('invalid-input', `${what} must be text.`, { id: 'not-text', subject });
  const trimmed = value.trim();
  if (required && trimmed.length === 0) throw new BoardError('empty-title', `${what} cannot be empty.`, { id: 'empty', subject });
  if (trimmed.length > max) throw new BoardError('too-long', `${what} is ${trimmed.length} characters; the limit is ${max}.`, { id: 'too-long', subject, length: trimmed.length, max });
  return trimmed;
}

/** Adds the participant, or updates their name, side and role if they are already listed. */
export function upsertParticipant(
  doc: Y.Doc,
  input: { id: string; name: string; side: Side; role: string; publicKey?: string | null },
  now: number,
  origin: unknown = null,
): void {
  const id = cleanText(input.id, 100, 'participant-id', true);
  if (!PARTICIPANT_ID.test(id)) throw new BoardError('invalid-input', 'A participant id is letters, digits, - and _ only.', { id: 'invalid-participant-id' });
  const name = cleanText(input.name, PARTICIPANT_NAME_MAX, 'participant-name', true);
  const role = cleanText(input.role, ROLE_MAX, 'role', false);
  if (!isSide(input.side)) throw new BoardError('invalid-side', 'Side must be IT, OT or facilitator.', { id: 'invalid-side' });
  const publicKey = input.publicKey ?? null;
  if (publicKey !== null && !/^[A-Za-z0-9_-]{43}$/.test(publicKey)) throw new BoardError('invalid-input', 'That is not an Ed25519 public key.', { id: 'invalid-public-key' });
  doc.transact(() => {
    const roster = rosterMap(doc);
    const existing = roster.get(id);
    if (existing !== undefined && !(existing instanceof Y.Map)) throw new BoardError('invalid-input', 'Your roster entry cannot be read: it was written in a shape this board does not know.', { id: 'roster-unreadable' });
    let entry = existing as Y.Map<unknown> | undefined;
    if (!entry) {
      entry = new Y.Map<unknown>();
      entry.set('id', id);
      entry.set('joinedAt', now);
      roster.set(id, entry);
    }
    if (entry.get('name') !== name) entry.set('name', name);
    if (entry.get('side') !== input.side) entry.set('side', input.side);
    if (entry.get('role') !== role) entry.set('role', role);
    if (publicKey !== null && entry.get('publicKey') !== publicKey) entry.set('publicKey', publicKey);
  }, origin);
}

/** The roster in join order; entries that do not fit the schema are skipped and reported. */
export function readRoster(doc: Y.Doc, report: Report = ignoreProblems): Participant[] {
  const list: Participant[] = [];
  rosterMap(doc).forEach((value, id) => {
    const path = `roster › ${id.slice(0, 12)}`;
    const map = asMap(value, path, report);
    if (!map) return;
    const entry = readFixed(rosterEntryShape, map, path, report);
    if (entry.name === undefined || entry.side === undefined) return report({ where: path, reason: 'an entry without a name or side is not listed' });
    list.push({ id, name: entry.name, side: entry.side, role: entry.role ?? '', joinedAt: entry.joinedAt ?? 0, publicKey: entry.publicKey ?? null });
  });
  return list.sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1));
}
