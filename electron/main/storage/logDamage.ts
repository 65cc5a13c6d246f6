// What the user is told when a workshop log is damaged: which file, which byte, and what is
// wrong there. The renderer shows this message beside "Recover what can be read".
import { CodedError } from '../codedError';
import type { LogDamage } from './recordFormat';

/** Loading refuses with this; WorkshopStore.salvage accepts exactly such a workshop. */
export function damagedLog(path: string, offset: number, what: string): CodedError {
  return new CodedError(
    'corrupt',
    `The workshop log ${path} is damaged at byte ${offset}: ${what}. Saved changes may be lost there, so the workshop was not opened and nothing was changed.`,
  );
}

/** A plain account of framing damage found by scanLog in the log `bytes`. */
export function describeDamage(bytes: Uint8Array, damage: Extract<LogDamage, { kind: 'corrupt' }>): string {
  switch (damage.reason) {
    case 'zeroed': {
      // Zeros begin at the header, or after it when only the payload is zeroed.
      let start = damage.offset;
      while (start < bytes.byteLength && bytes[start] !== 0) start += 1;
      let end = start;
      while (end < bytes.byteLength && bytes[end] === 0) end += 1;
      // Said plainly: the same zeros come from a failing disk and from a power cut mid-save.
      return `bytes ${start} to ${end - 1} are zeros where saved changes were (a disk fault, or a power cut while a change was being saved)`;
    }
    case 'bad-header':
      return 'the header of the change stored there fails its checksum';
    case 'bad-checksum':
      return 'the change stored there fails its checksum';
  }
}
