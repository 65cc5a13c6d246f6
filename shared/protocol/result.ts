// The shape every IPC reply takes, so that errors cross the process boundary as data
// (a thrown Error loses its code when Electron serialises it).
import { z } from 'zod';

export const errorCodes = [
  'not-found',
  'invalid-request',
  'storage-failed',
  // Damaged stored data; recovering what still reads can help.
  'corrupt',
  // Damaged beyond what recovery can rebuild (e.g. the snapshot itself).
  'unrecoverable',
  'too-large',
  'cancelled',
  'forbidden',
  'unavailable',
  'unknown-channel',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const errorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
});

export type ProtocolError = z.infer<typeof errorSchema>;

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ProtocolError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** A schema for `Result<T>`, used by the receiving side to parse what came back. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: errorSchema }),
  ]);
}
