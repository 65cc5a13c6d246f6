// Storage tests write plain keys; recovery checks every stored change against the workshop
// schema (as a change from the room is checked), so their keys go where the schema takes any
// short name: the history root's pins. These helpers read and write them by name.
import type * as Y from 'yjs';
import { docRoot } from '../../shared/doc';

export const setKey = (doc: Y.Doc, key: string, value = key): void => void docRoot(doc, 'history').set(`pin.${key}`, value);
export const hasKey = (doc: Y.Doc, key: string): boolean => docRoot(doc, 'history').has(`pin.${key}`);
export const keysIn = (doc: Y.Doc): string[] => [...docRoot(doc, 'history').keys()].map((k) => k.slice('pin.'.length)).sort();
export const valueOf = (doc: Y.Doc, key: string): unknown => docRoot(doc, 'history').get(`pin.${key}`);
