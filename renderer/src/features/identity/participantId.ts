// This device's participant id, the roster key. The room (which re-exports it), the charter
// and facilitation all use this one id, so joining a room and signing a charter name one person.
import { uuidv4 } from 'lib0/random';

const KEY = 'bridgeboard.participantId';
let sessionId: string | null = null;

export function myParticipantId(): string {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored && /^[\w-]{8,100}$/.test(stored)) return stored;
    const id = uuidv4();
    localStorage.setItem(KEY, id);
    return id;
  } catch {
    sessionId ??= uuidv4();
    return sessionId;
  }
}
