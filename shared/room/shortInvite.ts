// Short invites end to end: the facilitator's app seals the full invite under a fresh key K and
// leaves it on the room's signaling servers (`leaveShortInvite`); a joiner types the 35-character
// code, and `lookUpShortInvite` checks it, asks the servers for the box by its lookup id, opens
// it with K and reads the full invite with every check parseInvite makes. Requests go over the
// signaling WebSocket (inviteDropProtocol.ts): a browser's CSP allows ws/wss to the room's
// servers, and the desktop app reaches the same servers the same way. K never leaves the device.
import { parseInvite, type Invite } from './invite';
import { InviteError, type InviteErrorCode } from './inviteErrors';
import { inviteDropReplySchema, maxInviteDropTtlSeconds, type InviteDropRefusal, type InviteDropReply, type InviteDropRequest } from './inviteDropProtocol';
import type { RandomBytes } from './roomSecret';
import { deriveShortInviteKeys, openInviteBox, sealInvite } from './shortInviteBox';
import { createShortInviteKey, formatShortInviteCode, parseShortInviteCode } from './shortInviteCode';

/** The slice of the WebSocket API used here (browsers, Node 22, or `ws` in tests). */
export interface WebSocketLike {
  onopen: (() => void) | null;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onerror: (() => void) | null;
  onclose: (() => void) | null;
  send(data: string): void;
  close(): void;
}
export type OpenWebSocket = (url: string) => WebSocketLike;

export interface InviteDropClientOptions {
  readonly openSocket?: OpenWebSocket;
  /** Per server; a LAN host that is not there fails fast, a slow company server gets time. */
  readonly timeoutMs?: number;
}

/** Timers exist in every runtime this runs in; shared/ has neither DOM nor Node types. */
const timers = globalThis as unknown as { setTimeout(run: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };

const defaultOpenSocket: OpenWebSocket = (url) => {
  const WS = (globalThis as { WebSocket?: new (url: string) => WebSocketLike }).WebSocket;
  if (!WS) throw new Error('no WebSocket here');
  return new WS(url);
};

/** One request to one server: its reply, or null when it could not be reached or said nothing. */
export function askInviteDrop(url: string, request: InviteDropRequest, options: InviteDropClientOptions = {}): Promise<InviteDropReply | null> {
  return new Promise((resolve) => {
    let ws: WebSocketLike;
    try {
      ws = (options.openSocket ?? defaultOpenSocket)(url);
    } catch {
      resolve(null);
      return;
    }
    let done = false;
    const finish = (reply: InviteDropReply | null) => {
      if (done) return;
      done = true;
      timers.clearTimeout(timer);
      ws.onopen = ws.onmessage = ws.onerror = ws.onclose = null;
      try {
        ws.close();
      } catch {
        // already closed
      }
      resolve(reply);
    };
    const timer = timers.setTimeout(() => finish(null), options.timeoutMs ?? 8_000);
    ws.onopen = () => ws.send(JSON.stringify(request));
    ws.onerror = () => finish(null);
    ws.onclose = () => finish(null);
    ws.onmessage = (event) => {
      if (typeof event.data !== 'string' || event.data.length > 8192) return;
      let value: unknown;
      try {
        value = JSON.parse(event.data);
      } catch {
        return;
      }
      // Other frames (a pong, a topic's publish) are not ours; a reply for another id is wrong.
      const parsed = inviteDropReplySchema.safeParse(value);
      if (parsed.success && (parsed.data.id === request.id || parsed.data.id === '')) finish(parsed.data);
    };
  });
}

export interface LeftShortInvite {
  /** What the facilitator reads aloud. */
  readonly code: string;
  /** Servers that keep the box, and until when (ms). */
  readonly stored: readonly { readonly url: string; readonly expiresAt: number }[];
  /** Servers that refused it or did not answer (reason 'unreachable'). */
  readonly failed: readonly { readonly url: string; readonly reason: InviteDropRefusal | 'unreachable' }[];
}

/** A short code and its sealed box, made once per invite and left again (renewed) on each show. */
export interface ShortInviteDraft {
  readonly key: Uint8Array;
  readonly id: string;
  readonly box: string;
  readonly code: string;
}

export async function draftShortInvite(invite: Invite, randomBytes?: RandomBytes): Promise<ShortInviteDraft> {
  const key = createShortInviteKey(randomBytes);
  const box = await sealInvite(invite, key, randomBytes);
  return { key, id: deriveShortInviteKeys(key).id, box, code: formatShortInviteCode(key) };
}

/** How long a server keeps the box: until the invite expires, at most a week. */
export function shortInviteTtlSeconds(invite: Invite, now: number): number {
  if (invite.expiresAt === undefined) return maxInviteDropTtlSeconds;
  return Math.max(1, Math.min(maxInviteDropTtlSeconds, Math.ceil((invite.expiresAt - now) / 1000)));
}

/** Leaves the box on every server in `urls` (the room's signaling servers), in parallel. */
export async function leaveShortInvite(draft: ShortInviteDraft, ttlSeconds: number, urls: readonly string[], options: InviteDropClientOptions = {}): Promise<LeftShortInvite> {
  const replies = await Promise.all(urls.map(async (url) => ({ url, reply: await askInviteDrop(url, { type: 'invite-put', id: draft.id, box: draft.box, ttl: ttlSeconds }, options) })));
  const stored: { url: string; expiresAt: number }[] = [];
  const failed: { url: string; reason: InviteDropRefusal | 'unreachable' }[] = [];
  for (const { url, reply } of replies) {
    if (reply?.type === 'invite-stored') stored.push({ url, expiresAt: reply.expiresAt });
    else failed.push({ url, reason: reply?.type === 'invite-refused' ? reply.reason : 'unreachable' });
  }
  return { code: draft.code, stored, failed };
}

/** 'busy': the server limits this client's rate; 'unavailable': it keeps no short codes right now
 * (its invite drop is off, or the store it shares with other instances is down). */
export type ShortInviteLookupError = InviteErrorCode | 'not-found' | 'unreachable' | 'unopenable' | 'busy' | 'unavailable';
export type ShortInviteLookup = { readonly ok: true; readonly invite: Invite; readonly server: string } | { readonly ok: false; readonly error: ShortInviteLookupError };

/** Which failure to report when several servers fail differently: the most telling. */
const lookupRank: Partial<Record<ShortInviteLookupError, number>> & Record<'unreachable' | 'unavailable' | 'busy' | 'not-found', number> = {
  unreachable: 0, unavailable: 1, busy: 2, 'not-found': 3,
};

/**
 * The full invite behind a typed short code, from the first of `urls` that has it. A typo is
 * caught before any request ('tampered'); a box that does not open under K ('unopenable':
 * altered, or another code's) is never read; the opened invite is parsed as if pasted, so an
 * expired one reads 'expired'.
 */
export async function lookUpShortInvite(input: string, urls: readonly string[], now: number, options: InviteDropClientOptions = {}): Promise<ShortInviteLookup> {
  let key: Uint8Array;
  try {
    key = parseShortInviteCode(input);
  } catch (e) {
    if (e instanceof InviteError) return { ok: false, error: e.code };
    throw e;
  }
  const { id } = deriveShortInviteKeys(key);
  let worst: ShortInviteLookupError = 'unreachable';
  for (const url of urls) {
    const reply = await askInviteDrop(url, { type: 'invite-get', id }, options);
    if (reply?.type === 'invite-found') {
      const code = await openInviteBox(reply.box, key);
      if (code === null) {
        worst = 'unopenable';
        continue;
      }
      const parsed = parseInvite(code, now);
      return parsed.ok ? { ok: true, invite: parsed.invite, server: url } : { ok: false, error: parsed.error };
    }
    if (reply?.type === 'invite-refused') {
      const error: ShortInviteLookupError = reply.reason === 'rate' ? 'busy' : reply.reason === 'unavailable' ? 'unavailable' : 'not-found';
      // A server that answered says more than one that did not; a broken box says the most.
      if (worst !== 'unopenable' && lookupRank[error] > lookupRank[worst]) worst = error;
    }
  }
  return { ok: false, error: worst };
}
