// Per-workshop ICE settings. The default is no servers at all: peers use host candidates only,
// so nothing leaves the building. STUN/TURN are opt-in for remote rooms; relay-only forces
// every connection through TURN, for OT networks that allow nothing else.
import { z } from 'zod';
import { utf8 } from '../crypto/bytes';

// Limits that always fit an invite's length-prefixed fields (inviteCodec.ts): 255 bytes each.
const FIELD_BYTES = 255;
const inviteField = z.string().refine((s) => utf8(s).length <= FIELD_BYTES, `at most ${FIELD_BYTES} bytes`);

const iceUrl = z
  .string()
  .max(FIELD_BYTES)
  // RFC 7064/7065 URIs: scheme, host, optional port and ?transport=udp|tcp; nothing else.
  .regex(/^(stun|turns?):(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?(\?transport=(udp|tcp))?$/, 'stun:, turn: or turns: URL');

export const iceSettingsSchema = z
  .strictObject({
    urls: z.array(iceUrl).max(8).default([]),
    username: inviteField.optional(),
    credential: inviteField.optional(),
    relayOnly: z.boolean().default(false),
  })
  .superRefine((s, ctx) => {
    const hasTurn = s.urls.some((u) => u.startsWith('turn'));
    if (hasTurn && (!s.username || !s.credential)) {
      ctx.addIssue({ code: 'custom', message: 'TURN servers need a username and credential', path: ['username'] });
    }
    if (s.relayOnly && !hasTurn) {
      ctx.addIssue({ code: 'custom', message: 'relay-only needs at least one TURN server', path: ['relayOnly'] });
    }
  });

export type IceSettings = z.infer<typeof iceSettingsSchema>;

export const defaultIceSettings: IceSettings = Object.freeze({ urls: [], relayOnly: false });

/** RTCIceServer / RTCConfiguration shapes, declared here because shared/ has no DOM types. */
export interface IceServer {
  readonly urls: string | string[];
  readonly username?: string;
  readonly credential?: string;
}
export interface RtcConfigurationLike {
  readonly iceServers: IceServer[];
  readonly iceTransportPolicy: 'all' | 'relay';
}

export function parseIceSettings(input: unknown): { ok: true; value: IceSettings } | { ok: false; error: string } {
  const r = iceSettingsSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: r.error.issues.map((i) => i.message).join('; ') };
}

export function toRtcConfiguration(settings: IceSettings): RtcConfigurationLike {
  const stun = settings.urls.filter((u) => u.startsWith('stun:'));
  const turn = settings.urls.filter((u) => u.startsWith('turn'));
  const iceServers: IceServer[] = [];
  if (stun.length > 0 && !settings.relayOnly) iceServers.push({ urls: stun });
  if (turn.length > 0) iceServers.push({ urls: turn, username: settings.username ?? '', credential: settings.credential ?? '' });
  return { iceServers, iceTransportPolicy: settings.relayOnly ? 'relay' : 'all' };
}
