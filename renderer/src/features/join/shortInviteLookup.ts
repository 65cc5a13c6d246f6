// Joining with a short code: which servers to ask (the browser host's own; the server a desktop
// joiner types, remembered for next time) and the sentence for each way a lookup fails.
import { inviteErrorMessage, lookUpShortInvite, ownServerUrl, serverCandidates, type Invite, type ShortInviteLookupError } from '../../../../shared/room';
import { t } from '../../core/i18n';

const SERVER_KEY = 'bridgeboard.shortInviteServer';

export function rememberedServer(): string {
  try {
    return localStorage.getItem(SERVER_KEY)?.slice(0, 200) ?? '';
  } catch {
    return '';
  }
}

function remember(server: string): void {
  try {
    localStorage.setItem(SERVER_KEY, server.trim());
  } catch {
    // Private mode: nothing to remember with.
  }
}

export function shortInviteErrorText(error: ShortInviteLookupError | 'no-server'): string {
  switch (error) {
    case 'not-found':
      return t('shortInvite.error.notFound');
    case 'unreachable':
      return t('shortInvite.error.unreachable');
    case 'unopenable':
      return t('shortInvite.error.unopenable');
    case 'busy':
      return t('shortInvite.error.busy');
    case 'unavailable':
      return t('shortInvite.error.unavailable');
    case 'no-server':
      return t('shortInvite.error.noServer');
    default:
      return inviteErrorMessage(error);
  }
}

/** The full invite behind `code`, or the sentence saying why there is none. */
export async function lookUpTypedShortInvite(code: string, hostKind: 'browser' | 'electron', typedServer: string): Promise<{ ok: true; invite: Invite } | { ok: false; message: string }> {
  const own = hostKind === 'browser' ? ownServerUrl(window.location.origin) : null;
  const urls = hostKind === 'browser' ? (own ? [own] : []) : serverCandidates(typedServer);
  if (urls.length === 0) return { ok: false, message: shortInviteErrorText(hostKind === 'browser' ? 'unreachable' : 'no-server') };
  const found = await lookUpShortInvite(code, urls, Date.now());
  if (!found.ok) return { ok: false, message: shortInviteErrorText(found.error) };
  if (hostKind === 'electron') remember(typedServer);
  return { ok: true, invite: found.invite };
}
