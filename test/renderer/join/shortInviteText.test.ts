// Why a short code could not be looked up, in the reader's language: a server that keeps no
// short codes right now (its shared store is down, or it keeps none) is told apart from one that
// limits the reader's rate, so the joiner knows to use the invite link rather than just wait.
import { afterAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../../renderer/src/core/i18n';
import { shortInviteErrorText } from '../../../renderer/src/features/join/shortInviteLookup';

describe('short code lookup failures', () => {
  afterAll(() => setLocale('en'));

  it('says the server cannot look up short codes right now, apart from being busy', async () => {
    await setLocale('en');
    expect(shortInviteErrorText('unavailable')).toBe('The room’s server cannot look up short codes right now. Try again in a few minutes, or use the invite link.');
    expect(shortInviteErrorText('busy')).toBe('The room’s server is busy. Try again in a minute.');
    await setLocale('de');
    expect(shortInviteErrorText('unavailable')).toBe('Der Server des Raums kann Kurzcodes gerade nicht nachschlagen. Versuchen Sie es in einigen Minuten erneut oder verwenden Sie den Einladungslink.');
  });
});
