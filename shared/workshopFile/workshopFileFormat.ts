// The .bridgeboard file layout, shared by the encoder and the decoder:
//   magic (8 bytes) | format version (u16 BE) | metadata length (u32 BE) | metadata (UTF-8 JSON)
//   | state length (u32 BE) | Yjs state (an update from Y.encodeStateAsUpdate)
// Lengths are explicit so a truncated or padded file is detected rather than half-read.
import * as z from 'zod';

/** PNG-style magic: a non-ASCII first byte and a newline catch text-mode transfers. */
export const MAGIC = Uint8Array.from([0x89, 0x42, 0x52, 0x44, 0x42, 0x52, 0x44, 0x0a]);
export const FORMAT_VERSION = 1;
export const FILE_EXTENSION = '.bridgeboard';
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
export const MAX_METADATA_BYTES = 64 * 1024;
export const HEADER_BYTES = MAGIC.length + 2 + 4;

export const workshopFileMetadataSchema = z.strictObject({
  title: z.string().min(1).max(200),
  createdAt: z.number().int().nonnegative(),
  exportedAt: z.number().int().nonnegative(),
  appVersion: z.string().min(1).max(64),
});

export type WorkshopFileMetadata = z.infer<typeof workshopFileMetadataSchema>;

export interface WorkshopFile {
  readonly metadata: WorkshopFileMetadata;
  /** Yjs state that applies cleanly to an empty doc. */
  readonly state: Uint8Array;
}
