// Invites to a room: create one, and write or read it as a typed code, a bridgeboard:// link,
// a web link for the browser host, or (see inviteQr.ts) a QR code. All forms carry the same
// checksummed bytes (inviteCodec.ts). The checksum detects typos and tampering; it does not
// authenticate, since anyone holding the invite also holds the room secret.
import { decodeBase32, encodeBase32 } from './base32';
import { InviteError, inviteErrorMessage, type InviteErrorCode } from './inviteErrors';
import { decodeInviteBytes, encodeInviteBytes, maxSignalingUrls, workshopIdPattern } from './inviteCodec';
import { parseIceSettings, type IceSettings } from './iceConfig';
import { createRoomSecret, roomSecretToBytes, type RandomBytes } from './roomSecret';
import { normaliseSignalingUrl } from './signalingUrl';
import { fingerprintFromBytes, fingerprintToBytes, parseCertificateFingerprint, type CertificateFingerprint } from './certificateFingerprint';

export interface Invite {
  readonly workshopId: string;
  /** y-webrtc's `password`: base32 of at least 128 random bits. */
  readonly secret: string;
  /** ws:// or wss:// URLs, normalised; 1 to 4 of them. */
  readonly signaling: readonly string[];
  /** Milliseconds since the epoch, whole seconds. */
  readonly expiresAt?: number;
  /**
   * The room's STUN/TURN settings, so a remote joiner connects without typing them. It holds the
   * TURN credential: an invite is as secret as the room secret it already carries.
   */
  readonly ice?: IceSettings;
  /**
   * SHA-256 of the TLS certificate the room's server presents (the facilitator's app or
   * `bridgeboard serve`), 64 hex digits: what the join page tells a participant to compare, and
   * what the desktop app trusts a self-signed certificate by.
   */
  readonly certificate?: CertificateFingerprint;
}

export type InviteResult = { readonly ok: true; readonly invite: Invite } | { readonly ok: false; readonly error: InviteErrorCode; readonly message: string };

export interface CreateInviteInput {
  readonly workshopId: string;
  readonly signaling: readonly string[];
  /** Omit to draw a fresh secret. */
  readonly secret?: string;
  readonly expiresAt?: number;
  /** Carried only when it names a server; the default (none) keeps LAN invites short. */
  readonly ice?: IceSettings;
  /** The room server's certificate fingerprint, in any spelling a browser shows. */
  readonly certificate?: string;
  readonly randomBytes?: RandomBytes;
}

/** Longest input we look at: a few URLs fit easily; anything bigger is not an invite. */
export const maxInviteInputLength = 2048;
/**
 * Most bytes an invite may encode to: as base32 (1,760 characters) behind a web origin of up to
 * 280 characters it stays under maxInviteInputLength, and its link fits a QR code at level M
 * (2,331 bytes). Four long signaling URLs without ICE settings still fit.
 */
export const maxInviteBytes = 1100;
const groupSize = 5;
export const inviteScheme = 'bridgeboard:';

/** Validates and normalises; throws InviteError ('malformed' or 'bad-address'). */
export function createInvite(input: CreateInviteInput): Invite {
  if (!workshopIdPattern.test(input.workshopId)) throw new InviteError('malformed', 'workshop id');
  const secret = input.secret ?? createRoomSecret(input.randomBytes);
  if (!roomSecretToBytes(secret)) throw new InviteError('malformed', 'secret');
  if (input.signaling.length < 1 || input.signaling.length > maxSignalingUrls) throw new InviteError('bad-address', 'count');
  const signaling = input.signaling.map(normaliseSignalingUrl);
  let ice: IceSettings | undefined;
  if (input.ice && input.ice.urls.length > 0) {
    const parsed = parseIceSettings(input.ice);
    if (!parsed.ok) throw new InviteError('malformed', 'ICE settings');
    ice = parsed.value;
  }
  let certificate: CertificateFingerprint | undefined;
  if (input.certificate !== undefined) {
    certificate = parseCertificateFingerprint(input.certificate) ?? undefined;
    if (!certificate) throw new InviteError('malformed', 'certificate fingerprint');
  }
  const base = { workshopId: input.workshopId, secret, signaling, ...(ice ? { ice } : {}), ...(certificate ? { certificate } : {}) };
  let invite: Invite = base;
  if (input.expiresAt !== undefined) {
    const seconds = Math.ceil(input.expiresAt / 1000);
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > 0xffffffff) throw new InviteError('malformed', 'expiry');
    invite = { ...base, expiresAt: seconds * 1000 };
  }
  if (inviteBytes(invite).length > maxInviteBytes) throw new InviteError('too-long');
  return invite;
}

function inviteBytes(invite: Invite): Uint8Array {
  const secretBytes = roomSecretToBytes(invite.secret);
  if (!secretBytes) throw new InviteError('malformed', 'secret');
  const expiresAtSeconds = invite.expiresAt === undefined ? undefined : Math.ceil(invite.expiresAt / 1000);
  return encodeInviteBytes({
    workshopId: invite.workshopId,
    secretBytes,
    signaling: invite.signaling,
    ...(expiresAtSeconds === undefined ? {} : { expiresAtSeconds }),
    ...(invite.ice ? { ice: invite.ice } : {}),
    ...(invite.certificate ? { certificate: fingerprintToBytes(invite.certificate) } : {}),
  });
}

function payload(invite: Invite): string {
  return encodeBase32(inviteBytes(invite));
}

/** The code to type or read aloud, in dash-separated groups of five. */
export function formatInviteCode(invite: Invite): string {
  return payload(invite).match(new RegExp(`.{1,${groupSize}}`, 'g'))?.join('-') ?? '';
}

/** Opens the desktop app. */
export function formatInviteLink(invite: Invite): string {
  return `${inviteScheme}//join?invite=${payload(invite)}`;
}

/** Opens the browser host at `origin` (e.g. https://board.example.com), hash-routed so the
 * invite never reaches the web server's logs. */
export function formatInviteWebLink(invite: Invite, origin: string): string {
  if (!/^https?:\/\/[A-Za-z0-9.\-[\]:]+(\/[A-Za-z0-9._~/-]*)?$/.test(origin)) throw new InviteError('bad-address', 'origin');
  return `${origin.replace(/\/+$/, '')}/#/join/${payload(invite)}`;
}

/** The code inside any accepted form; anything else (javascript:, data:, ...) is malformed. */
function extractPayload(input: string): string {
  const text = input.trim();
  const app = /^bridgeboard:\/\/join\/?\?invite=([A-Za-z0-9-]+)$/i.exec(text);
  if (app) return app[1] ?? '';
  const web = /^https?:\/\/[^\s#?/]+(?:\/[^\s#?]*)?(?:\?[^\s#]*)?#\/join\/([A-Za-z0-9-]+)$/i.exec(text);
  if (web) return web[1] ?? '';
  // The browser host's router hands over just its hash route.
  const route = /^#?\/join\/([A-Za-z0-9-]+)$/.exec(text);
  if (route) return route[1] ?? '';
  if (/^[A-Za-z0-9\s-]+$/.test(text)) return text;
  throw new InviteError('malformed');
}

/** Decodes any form; throws InviteError. `now` is in milliseconds. */
export function decodeInvite(input: unknown, now: number): Invite {
  if (typeof input !== 'string' || input.length === 0 || input.length > maxInviteInputLength) throw new InviteError('malformed');
  const code = extractPayload(input).replace(/[\s-]+/g, '');
  const decoded = decodeBase32(code);
  if (!decoded.ok) throw new InviteError(decoded.reason === 'padding' ? 'tampered' : 'malformed');
  const fields = decodeInviteBytes(decoded.bytes);
  if (!workshopIdPattern.test(fields.workshopId)) throw new InviteError('malformed', 'workshop id');
  if (fields.secretBytes.length < 16 || fields.secretBytes.length > 32) throw new InviteError('malformed', 'secret');
  if (fields.signaling.length < 1 || fields.signaling.length > maxSignalingUrls) throw new InviteError('bad-address', 'count');
  const signaling = fields.signaling.map(normaliseSignalingUrl);
  const base = {
    workshopId: fields.workshopId,
    secret: encodeBase32(fields.secretBytes),
    signaling,
    ...(fields.ice ? { ice: fields.ice } : {}),
    ...(fields.certificate ? { certificate: fingerprintFromBytes(fields.certificate) } : {}),
  };
  if (fields.expiresAtSeconds === undefined) return base;
  const expiresAt = fields.expiresAtSeconds * 1000;
  if (now >= expiresAt) throw new InviteError('expired');
  return { ...base, expiresAt };
}

/** Like decodeInvite, as a Result for the UI. */
export function parseInvite(input: unknown, now: number): InviteResult {
  try {
    return { ok: true, invite: decodeInvite(input, now) };
  } catch (e) {
    if (e instanceof InviteError) return { ok: false, error: e.code, message: inviteErrorMessage(e.code) };
    throw e;
  }
}
