// What facilitation keeps on this device only. Per workshop, in the workshop's vault (which the
// host keeps encrypted, and removes with the workshop): the facilitator key this device pinned,
// the secret key of a vote round this device started (until the reveal publishes it), the box
// key pair vote secrets are sealed to, and my own dots per round (my ballot is sealed, so I
// could not read it back). For every workshop, in localStorage: my agenda templates
// and the mute switch (preferences, not secrets); storage may refuse (private mode), then they
// last for the session.
import { z } from 'zod';
import { parseTemplates, type Agenda, type Dots } from '../../../../shared/facilitation';
import { boxKeysMatch, createBoxKeys, type BoxKeys } from '../../../../shared/crypto';
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

const boxSchema = z.object({ publicKey: z.string().regex(keyPattern), secretKey: z.string().regex(keyPattern) }).strict();

/**
 * This device's box key pair for this workshop (X25519), made on first use: vote secrets are
 * sealed to its public half for whoever holds the facilitator's authority here.
 */
export function myBoxKeys(vault: WorkshopVault): BoxKeys {
  const parsed = boxSchema.safeParse(parse(vault.get('facilitation.box')));
  if (parsed.success && boxKeysMatch(parsed.data.publicKey, parsed.data.secretKey)) return parsed.data;
  const keys = createBoxKeys();
  vault.set('facilitation.box', JSON.stringify(keys));
  return keys;
}

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

export const loadTemplates = (): Agenda[] => parseTemplates(json(`${PREFIX}.templates`));
export const storeTemplates = (templates: readonly Agenda[]): void => write(`${PREFIX}.templates`, JSON.stringify(templates));

export const isMuted = (): boolean => read(`${PREFIX}.mute`) === '1';
export const setMuted = (muted: boolean): void => write(`${PREFIX}.mute`, muted ? '1' : '0');
