// The short code the invite dialog shows: drafted once per invite (a fresh key, the invite
// sealed under it) and kept for this page's life, so reopening the dialog shows the same code;
// left again on the room's signaling servers on every show, which renews its time there. The
// key stays in this page's memory; the servers receive the lookup id and the sealed box only.
import { useEffect, useState } from 'react';
import { draftShortInvite, formatInviteCode, leaveShortInvite, shortInviteTtlSeconds, typedServerAddress, type Invite, type ShortInviteDraft } from '../../../../shared/room';

export type ShortInviteState =
  | { readonly status: 'leaving' }
  | { readonly status: 'ready'; readonly code: string; readonly expiresAt: number }
  | { readonly status: 'failed' };

/** Drafts by the full invite's code: a changed invite (validity, settings) gets a new code. */
const drafts = new Map<string, Promise<ShortInviteDraft>>();
const maxDrafts = 16;

function draftFor(invite: Invite): Promise<ShortInviteDraft> {
  const key = formatInviteCode(invite);
  let draft = drafts.get(key);
  if (!draft) {
    if (drafts.size >= maxDrafts) drafts.delete(drafts.keys().next().value ?? '');
    draft = draftShortInvite(invite);
    drafts.set(key, draft);
  }
  return draft;
}

export function useShortInvite(invite: Invite | null): ShortInviteState {
  // Kept with the invite it belongs to, so a changed invite reads as 'leaving' until its own
  // code is there, without resetting state inside the effect.
  const [state, setState] = useState<{ readonly of: Invite; readonly value: ShortInviteState } | null>(null);
  useEffect(() => {
    if (!invite) return;
    let live = true;
    void (async () => {
      let value: ShortInviteState = { status: 'failed' };
      try {
        const draft = await draftFor(invite);
        const left = await leaveShortInvite(draft, shortInviteTtlSeconds(invite, Date.now()), invite.signaling);
        const until = left.stored.reduce((latest, s) => Math.max(latest, s.expiresAt), 0);
        if (left.stored.length > 0) value = { status: 'ready', code: left.code, expiresAt: until };
      } catch {
        // A page without WebCrypto or WebSocket: no short code, the link and QR code still work.
      }
      if (live) setState({ of: invite, value });
    })();
    return () => {
      live = false;
    };
  }, [invite]);
  if (!invite) return { status: 'failed' };
  return state?.of === invite ? state.value : { status: 'leaving' };
}

/** The room's first signaling server as a desktop joiner types it beside the short code. */
export function shortInviteServer(invite: Invite): string | null {
  const first = invite.signaling[0];
  try {
    return first === undefined ? null : typedServerAddress(first);
  } catch {
    return null;
  }
}
