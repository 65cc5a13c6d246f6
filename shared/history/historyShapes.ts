// The history's part of the document schema. `clients` says which participant each Yjs client
// id belongs to: an entry may be written only by the client it names (the guard checks the
// struct's own client id), once, so nobody can put their changes in someone else's name or
// rename someone else's. `history` holds the points the facilitator pinned.
import { z } from 'zod';
import { patternShape, value } from '../doc/shape';

export const CLIENT_ENTRY_MAX = 400;
export const PIN_ENTRY_MAX = 600;

export const clientsShape = patternShape('clients', 'the client list', [[/^\d{1,10}$/, value(z.string().max(CLIENT_ENTRY_MAX), { immutable: true, selfAuthored: true })]]);

export const historyShape = patternShape('history', 'the history', [[/^pin\.[A-Za-z0-9_-]{1,40}$/, value(z.string().max(PIN_ENTRY_MAX), { deletable: true })]]);
