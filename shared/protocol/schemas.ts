// Schemas for the values that cross IPC. Platform-free: both the main process and the
// renderer parse with them.
import { z } from 'zod';

/**
 * Workshop ids become folder names in the main process, so they are restricted to characters
 * that cannot form a path ('..', '/', '\\', drive letters) or a reserved name.
 */
export const workshopIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'a workshop id is 1-64 letters, digits, - or _');

/**
 * Checked by tag rather than `instanceof`: a Uint8Array that crossed a context or process
 * boundary may come from another realm, and Node's Buffer (a subclass) is fine too.
 */
export const bytesSchema = z.custom<Uint8Array>(
  (value) => Object.prototype.toString.call(value) === '[object Uint8Array]',
  { message: 'expected a Uint8Array' },
);

const timestamp = z.number().int().nonnegative();

export const workshopSummarySchema = z.object({
  id: workshopIdSchema,
  title: z.string().max(500),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export type WorkshopSummaryData = z.infer<typeof workshopSummarySchema>;

/** Large enough for any real board, small enough that a bad file cannot exhaust memory. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export const fileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[\\/\0]/.test(name), 'a file name, not a path');
