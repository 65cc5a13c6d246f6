// The charter's part of the document schema: flat keys with string values. Versions, signatures
// and seals are named by what they hold (a digest, a signature), so they are written once and
// never changed or removed; the draft settings change freely; an in-person check may be cleared.
import { z } from 'zod';
import { patternShape, value } from '../doc/shape';

/** A bound on what one entry may hold, so a hostile peer cannot make every reader parse megabytes. */
export const MAX_ENTRY_CHARS = 2_000_000;
export const DRAFT_TEXT_MAX = 10_000;

const HEX64 = '[0-9a-f]{64}';
const SIG86 = '[A-Za-z0-9_-]{86}';

export const charterShape = patternShape('charter', 'the charter', [
  // Absent means the default, so a restore may take a draft setting away again.
  [/^draft\.(purpose|scope|reviewDate|quorum)$/, value(z.string().max(DRAFT_TEXT_MAX), { deletable: true })],
  [new RegExp(`^version\\.${HEX64}$`), value(z.string().max(MAX_ENTRY_CHARS), { immutable: true })],
  [new RegExp(`^(sig|seal)\\.${HEX64}\\.${SIG86}$`), value(z.string().max(DRAFT_TEXT_MAX), { immutable: true })],
  [/^check\.[A-Za-z0-9_-]{1,100}$/, value(z.string().max(1000), { deletable: true })],
]);
