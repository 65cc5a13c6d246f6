// The snapshot file: the merged Yjs state of a workshop plus the log generation it covers up
// to. Everything in logs with a lower generation is already inside the snapshot.
import { crc32 } from 'node:zlib';

const MAGIC = new TextEncoder().encode('BBSNAP01');
const HEADER_BYTES = MAGIC.byteLength + 12;

export interface Snapshot {
  /** Logs numbered below this are merged into `state` and may be deleted. */
  readonly nextLogGen: number;
  readonly state: Uint8Array;
}

export function encodeSnapshot(snapshot: Snapshot): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES + snapshot.state.byteLength);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, snapshot.nextLogGen, true);
  view.setUint32(12, snapshot.state.byteLength, true);
  out.set(snapshot.state, HEADER_BYTES);
  view.setUint32(16, checksum(out), true);
  return out;
}

function checksum(file: Uint8Array): number {
  // Covers the generation and length as well as the state, so a flipped generation is caught.
  return crc32(file.subarray(HEADER_BYTES), crc32(file.subarray(8, 16)));
}

/** The snapshot, or null if the bytes are not an intact snapshot file. */
export function decodeSnapshot(bytes: Uint8Array): Snapshot | null {
  if (bytes.byteLength < HEADER_BYTES) return null;
  if (!MAGIC.every((byte, i) => bytes[i] === byte)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(12, true);
  if (HEADER_BYTES + length !== bytes.byteLength) return null;
  if (view.getUint32(16, true) !== checksum(bytes)) return null;
  return { nextLogGen: view.getUint32(8, true), state: bytes.subarray(HEADER_BYTES) };
}
