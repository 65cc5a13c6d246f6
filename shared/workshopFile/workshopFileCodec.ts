// Encodes and decodes .bridgeboard workshop files. Decoding trusts nothing: sizes, magic,
// version, metadata (zod) and the Yjs state (applied to a fresh doc) are all checked, and any
// failure is a WorkshopFileError with a message a user can act on.
import * as Y from 'yjs';
import { decodeUtf8, encodeUtf8 } from 'lib0/string';
import { WorkshopFileError } from './workshopFileErrors';
import { checkWorkshopUpdate } from '../schema';
import { docRoot } from '../doc/roots';
import {
  FORMAT_VERSION,
  HEADER_BYTES,
  MAGIC,
  MAX_FILE_BYTES,
  MAX_METADATA_BYTES,
  workshopFileMetadataSchema,
  type WorkshopFile,
  type WorkshopFileMetadata,
} from './workshopFileFormat';

const mb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export function encodeWorkshopFile(metadata: WorkshopFileMetadata, state: Uint8Array): Uint8Array {
  const meta = encodeUtf8(JSON.stringify(workshopFileMetadataSchema.parse(metadata)));
  if (meta.length > MAX_METADATA_BYTES) throw new WorkshopFileError('too-large', 'The workshop metadata is too large to export.', { exporting: true });
  const total = HEADER_BYTES + meta.length + 4 + state.length;
  if (total > MAX_FILE_BYTES) throw new WorkshopFileError('too-large', `The workshop is ${mb(total)}; files are limited to ${mb(MAX_FILE_BYTES)}.`, { exporting: true, bytes: total, limit: MAX_FILE_BYTES });
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  let at = MAGIC.length;
  view.setUint16(at, FORMAT_VERSION);
  view.setUint32((at += 2), meta.length);
  out.set(meta, (at += 4));
  view.setUint32((at += meta.length), state.length);
  out.set(state, (at += 4));
  return out;
}

function readMetadata(bytes: Uint8Array): WorkshopFileMetadata {
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(bytes));
  } catch {
    throw new WorkshopFileError('malformed', 'The file is damaged: its description is not readable.');
  }
  const parsed = workshopFileMetadataSchema.safeParse(json);
  if (!parsed.success) throw new WorkshopFileError('malformed', 'The file is damaged: its description is incomplete or invalid.');
  return parsed.data;
}

/**
 * The state must pass the checks a change from the room passes (the document schema and the
 * guard's limits), apply completely, and contain a workshop.
 */
function checkState(state: Uint8Array): void {
  const doc = new Y.Doc();
  const verdict = checkWorkshopUpdate(doc, state);
  if (!verdict.ok && verdict.reason.includes('does not decode')) throw new WorkshopFileError('invalid-state', 'The file is damaged: its board data cannot be read.');
  if (!verdict.ok) throw new WorkshopFileError('invalid-state', `The file holds data that does not fit a Bridgeboard board (${verdict.reason}); nothing was imported.`, { reason: verdict.reason });
  try {
    Y.applyUpdate(doc, state);
  } catch {
    throw new WorkshopFileError('invalid-state', 'The file is damaged: its board data cannot be read.');
  }
  try {
    // Missing structs mean the update depends on data the file does not contain.
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
      throw new WorkshopFileError('invalid-state', 'The file is damaged: its board data is incomplete.');
    }
    if (typeof docRoot(doc, 'meta').get('title') !== 'string') {
      throw new WorkshopFileError('invalid-state', 'The file holds no workshop board.');
    }
  } finally {
    doc.destroy();
  }
}

export function decodeWorkshopFile(input: unknown): WorkshopFile {
  if (!(input instanceof Uint8Array)) throw new WorkshopFileError('malformed', 'The file could not be read.');
  if (input.length > MAX_FILE_BYTES) {
    throw new WorkshopFileError('too-large', `The file is ${mb(input.length)}; workshop files are limited to ${mb(MAX_FILE_BYTES)}.`, { bytes: input.length, limit: MAX_FILE_BYTES });
  }
  const magicPart = input.subarray(0, MAGIC.length);
  const magicMatches = MAGIC.every((byte, i) => magicPart[i] === byte);
  if (!magicMatches) {
    // A file shorter than the magic that matches as far as it goes was cut off, not foreign.
    const isPrefix = input.length < MAGIC.length && input.length > 0 && magicPart.every((byte, i) => MAGIC[i] === byte);
    if (isPrefix) throw new WorkshopFileError('truncated', 'The file is incomplete: it ends too early.');
    throw new WorkshopFileError('not-a-workshop-file', 'This is not a Bridgeboard workshop file.');
  }
  if (input.length < HEADER_BYTES) throw new WorkshopFileError('truncated', 'The file is incomplete: it ends too early.');
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const version = view.getUint16(MAGIC.length);
  if (version > FORMAT_VERSION) {
    throw new WorkshopFileError('unsupported-version', `The file was made by a newer Bridgeboard (format ${version}); update the app to open it.`, { version });
  }
  if (version < 1) throw new WorkshopFileError('malformed', 'The file is damaged: its format version is invalid.');
  const metaLength = view.getUint32(MAGIC.length + 2);
  if (metaLength > MAX_METADATA_BYTES) throw new WorkshopFileError('malformed', 'The file is damaged: its description is too large.');
  const metaEnd = HEADER_BYTES + metaLength;
  if (input.length < metaEnd + 4) throw new WorkshopFileError('truncated', 'The file is incomplete: it ends too early.');
  const metadata = readMetadata(input.subarray(HEADER_BYTES, metaEnd));
  const stateLength = view.getUint32(metaEnd);
  const stateEnd = metaEnd + 4 + stateLength;
  if (input.length < stateEnd) throw new WorkshopFileError('truncated', 'The file is incomplete: it ends too early.');
  if (input.length > stateEnd) throw new WorkshopFileError('malformed', 'The file is damaged: it has unexpected data at the end.');
  const state = input.slice(metaEnd + 4, stateEnd);
  checkState(state);
  return { metadata, state };
}
