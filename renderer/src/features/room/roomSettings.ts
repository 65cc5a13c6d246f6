// A workshop's room settings (secret, signaling URLs, ICE servers, who I am in this room), kept
// on this device only, in the workshop's vault (core/workshopVault.ts): never in the Y.Doc, so
// an exported workshop file cannot leak the secret.
import { z } from 'zod';
import { SIDES } from '../../../../shared/board';
import { defaultIceSettings, iceSettingsSchema, roomSecretToBytes, normaliseSignalingUrl, type IceSettings } from '../../../../shared/room';

const signalingUrl = z.string().max(200).transform((url, ctx) => {
  try {
    return normaliseSignalingUrl(url);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not a ws:// or wss:// address' });
    return z.NEVER;
  }
});

export const memberSchema = z.object({
  name: z.string().trim().min(1).max(80),
  side: z.enum(SIDES),
  role: z.string().trim().max(80),
});
export type Member = z.infer<typeof memberSchema>;

const roomSettingsSchema = z.object({
  /** 'host' opened the room (facilitator); 'guest' joined it from an invite. */
  kind: z.enum(['host', 'guest']),
  secret: z.string().refine((s) => roomSecretToBytes(s) !== undefined, 'not a room secret'),
  signaling: z.array(signalingUrl).min(1).max(4),
  ice: iceSettingsSchema.default(defaultIceSettings),
  /** The LAN address the facilitator's app serves signaling on, to restart it on reopening. */
  lan: z.object({ host: z.string().max(64), port: z.number().int().min(0).max(65535) }).nullable().default(null),
  /** Where the web build is served, for the invite's web link; null when there is none. */
  webOrigin: z.string().max(200).nullable().default(null),
  /** SHA-256 of the room server's TLS certificate (64 hex digits), for the invite and for
   * trusting a self-signed one; null when the room names none. */
  certificate: z.string().regex(/^[0-9A-F]{64}$/).nullable().default(null),
  member: memberSchema,
  /** False after "Go offline": the room is not joined again until "Reconnect". */
  online: z.boolean().default(true),
});
export type RoomSettings = z.infer<typeof roomSettingsSchema>;
export type RoomSettingsInput = z.input<typeof roomSettingsSchema>;

/** The vault entry that holds a workshop's room settings (secret included). */
export const ROOM_SETTINGS_KEY = 'room';

/** The settings kept in a workshop's vault, or null when there are none that parse. */
export function readRoomSettings(raw: string | null): RoomSettings | null {
  if (raw === null) return null;
  try {
    const parsed = roomSettingsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Validates the settings (throws on ones that do not parse) and gives what the vault keeps. */
export function roomSettingsEntry(input: RoomSettingsInput): { settings: RoomSettings; entry: string } {
  const settings = roomSettingsSchema.parse(input);
  return { settings, entry: JSON.stringify(settings) };
}

export const noIce: IceSettings = defaultIceSettings;


