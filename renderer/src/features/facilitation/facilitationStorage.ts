// What facilitation keeps on this device only. Per workshop, in the workshop's vault (which the
// host keeps encrypted, and removes with the workshop): the facilitator key this device pinned
// and the claim that came with it, the secret key of a vote round this device started (until
// the reveal publishes it), my own dots per round (my ballot is encrypted, so I could not read it
// back) and the ballot entries I wrote. For every workshop, in localStorage: my agenda templates
// and the mute switch (preferences, not secrets); storage may refuse (private mode), then they
// last for the session.
import { z } from 'zod';
import { BALLOT_MAX_BYTES, parseTemplates, type Agenda, type Dots } from '../../../../shared/facilitation';
import type { WorkshopVault } from '../../core/workshopVault';

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

const parse = (raw: string | null): unknown => {
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
};
const json = (key: string): unknown => parse(read(key));

const PREFIX = 'bridgeboard.facilitation';
const keyPattern = /^[A-Za-z0-9_-]{43}$/;

export function pinnedKey(vault: WorkshopVault): string | null {
  const value = vault.get('facilitation.pin');
  return value !== null && keyPattern.test(value) ? value : null;
}

export const pinKey = (vault: WorkshopVault, publicKey: string): void => vault.set('facilitation.pin', publicKey);

const claimSchema = z.object({ publicKey: z.string().regex(keyPattern), participantId: z.string().min(1).max(100), name: z.string().min(1).max(80) }).strict();

/** The claim (name, participant id) that came with the pinned key, to show it when the doc's claim is overwritten. */
export function pinnedClaim(vault: WorkshopVault): z.infer<typeof claimSchema> | null {
  const parsed = claimSchema.safeParse(parse(vault.get('facilitation.claim')));
  return parsed.success ? parsed.data : null;
}

export const keepPinnedClaim = (vault: WorkshopVault, claim: z.infer<typeof claimSchema>): void => {
  const entry = JSON.stringify(claim);
  if (vault.get('facilitation.claim') !== entry) vault.set('facilitation.claim', entry);
};

export function roundSecret(vault: WorkshopVault, roundId: string): string | null {
  const value = vault.get(`facilitation.round.${roundId}`);
  return value !== null && keyPattern.test(value) ? value : null;
}

export const keepRoundSecret = (vault: WorkshopVault, roundId: string, secret: string): void => vault.set(`facilitation.round.${roundId}`, secret);

const dotsSchema = z.record(z.string().max(100), z.number().int().min(1).max(100));

export function myDots(vault: WorkshopVault, roundId: string): Dots {
  const parsed = dotsSchema.safeParse(parse(vault.get(`facilitation.dots.${roundId}`)));
  return parsed.success ? parsed.data : {};
}

export const keepMyDots = (vault: WorkshopVault, roundId: string, dots: Dots): void => vault.set(`facilitation.dots.${roundId}`, JSON.stringify(dots));

/** The ballot entry a voter of this device wrote in a round, exactly as stored, to notice if someone replaces it. */
export function myBallot(vault: WorkshopVault, roundId: string, voterId: string): string | null {
  const value = vault.get(`facilitation.ballot.${roundId}.${voterId}`);
  return value !== null && value.length <= BALLOT_MAX_BYTES * 2 ? value : null;
}

export const keepMyBallot = (vault: WorkshopVault, roundId: string, voterId: string, entry: string): void => vault.set(`facilitation.ballot.${roundId}.${voterId}`, entry);

export const loadTemplates = (): Agenda[] => parseTemplates(json(`${PREFIX}.templates`));
export const storeTemplates = (templates: readonly Agenda[]): void => write(`${PREFIX}.templates`, JSON.stringify(templates));

export const isMuted = (): boolean => read(`${PREFIX}.mute`) === '1';
export const setMuted = (muted: boolean): void => write(`${PREFIX}.mute`, muted ? '1' : '0');
