// What facilitation keeps on this device only, in localStorage: the facilitator key this device
// pinned per workshop, the secret key of a vote round this device started (until the reveal
// publishes it), my own dots per round (my ballot is encrypted, so I could not read it back),
// my agenda templates, and the mute switch. Storage may refuse (private mode); then it lasts
// for the session.
import { z } from 'zod';
import { BALLOT_MAX_BYTES, parseTemplates, type Agenda, type Dots } from '../../../../shared/facilitation';

const memory = new Map<string, string>();

function read(key: string): string | null {
  try {
    return localStorage.getItem(key) ?? memory.get(key) ?? null;
  } catch {
    return memory.get(key) ?? null;
  }
}

function write(key: string, value: string): void {
  memory.set(key, value);
  try {
    localStorage.setItem(key, value);
  } catch {
    // Kept in memory for this session.
  }
}

const json = (key: string): unknown => {
  const raw = read(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
};

const PREFIX = 'bridgeboard.facilitation';
const keyPattern = /^[A-Za-z0-9_-]{43}$/;

export function pinnedKey(workshopId: string): string | null {
  const value = read(`${PREFIX}.pin.${workshopId}`);
  return value !== null && keyPattern.test(value) ? value : null;
}

export const pinKey = (workshopId: string, publicKey: string): void => write(`${PREFIX}.pin.${workshopId}`, publicKey);

const claimSchema = z.object({ publicKey: z.string().regex(keyPattern), participantId: z.string().min(1).max(100), name: z.string().min(1).max(80) }).strict();

/** The claim (name, participant id) that came with the pinned key, to show it when the doc's claim is overwritten. */
export function pinnedClaim(workshopId: string): z.infer<typeof claimSchema> | null {
  const parsed = claimSchema.safeParse(json(`${PREFIX}.claim.${workshopId}`));
  return parsed.success ? parsed.data : null;
}

export const keepPinnedClaim = (workshopId: string, claim: z.infer<typeof claimSchema>): void => write(`${PREFIX}.claim.${workshopId}`, JSON.stringify(claim));

export function roundSecret(workshopId: string, roundId: string): string | null {
  const value = read(`${PREFIX}.round.${workshopId}.${roundId}`);
  return value !== null && keyPattern.test(value) ? value : null;
}

export const keepRoundSecret = (workshopId: string, roundId: string, secret: string): void => write(`${PREFIX}.round.${workshopId}.${roundId}`, secret);

const dotsSchema = z.record(z.string().max(100), z.number().int().min(1).max(100));

export function myDots(workshopId: string, roundId: string): Dots {
  const parsed = dotsSchema.safeParse(json(`${PREFIX}.dots.${workshopId}.${roundId}`));
  return parsed.success ? parsed.data : {};
}

export const keepMyDots = (workshopId: string, roundId: string, dots: Dots): void => write(`${PREFIX}.dots.${workshopId}.${roundId}`, JSON.stringify(dots));

/** The ballot entry a voter of this device wrote in a round, exactly as stored, to notice if someone replaces it. */
export function myBallot(workshopId: string, roundId: string, voterId: string): string | null {
  const value = read(`${PREFIX}.ballot.${workshopId}.${roundId}.${voterId}`);
  return value !== null && value.length <= BALLOT_MAX_BYTES * 2 ? value : null;
}

export const keepMyBallot = (workshopId: string, roundId: string, voterId: string, entry: string): void =>
  write(`${PREFIX}.ballot.${workshopId}.${roundId}.${voterId}`, entry);

export const loadTemplates = (): Agenda[] => parseTemplates(json(`${PREFIX}.templates`));
export const storeTemplates = (templates: readonly Agenda[]): void => write(`${PREFIX}.templates`, JSON.stringify(templates));

export const isMuted = (): boolean => read(`${PREFIX}.mute`) === '1';
export const setMuted = (muted: boolean): void => write(`${PREFIX}.mute`, muted ? '1' : '0');
