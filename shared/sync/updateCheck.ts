// The check both hosts run before they store a change: the bytes must decode as a Yjs (v1)
// update. Bytes that do not would make the workshop fail to load later, so they are refused at
// the door instead. Y.decodeUpdate is the decoder Yjs itself uses; on board edits it costs a few
// microseconds, next to a millisecond for the fsync that follows (bench/storageBench.ts).
//
// Decoding is a structural check: a crafted update can decode and still fail to apply to a
// particular doc. Loading catches that case too (electron/main/storage/workshopReader.ts).
import * as Y from 'yjs';

/** Why `bytes` are not a Yjs v1 update, or null when they decode as one. */
export function notAnUpdateReason(bytes: Uint8Array): string | null {
  if (bytes.byteLength === 0) return 'they are empty';
  try {
    Y.decodeUpdate(bytes);
    return null;
  } catch (error) {
    return `they do not decode: ${error instanceof Error ? error.message : String(error)}`;
  }
}
