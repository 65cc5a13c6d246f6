// The room's refusals in the reader's language: an invite error by its code, STUN/TURN problems
// from the schema's issues (shared/room keeps its English for logs and the CLI).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInvite } from '../../../shared/room';
import { setLocale, t } from '../../../renderer/src/core/i18n';
import { iceErrorText, iceInputFrom, inviteErrorText } from '../../../renderer/src/features/room';

const draft = (over: Partial<{ urls: string; username: string; credential: string; relayOnly: boolean }>) =>
  iceInputFrom({ urls: '', username: '', credential: '', relayOnly: false, ...over });

describe('in German', () => {
  beforeAll(() => setLocale('de'));
  afterAll(() => setLocale('en'));

  it('says why an invite was refused, by its code', () => {
    const garbage = parseInvite('javascript:alert(1)', Date.now());
    expect(garbage.ok).toBe(false);
    if (garbage.ok) return;
    expect(inviteErrorText(t, garbage.error, garbage.message)).toBe('Das ist keine Bridgeboard-Einladung, oder ein Teil davon fehlt.');
    expect(inviteErrorText(t, 'expired', 'English')).toBe('Diese Einladung ist abgelaufen. Bitten Sie die Moderation um eine neue.');
    // A code this build does not know keeps shared/room's sentence rather than saying nothing.
    expect(inviteErrorText(t, 'from-the-future', 'Something new.')).toBe('Something new.');
  });

  it('says what is wrong with STUN/TURN settings', () => {
    expect(iceErrorText(t, draft({ urls: 'http://turn.example.com' }))).toBe(
      'Jede Server-URL muss eine stun:-, turn:- oder turns:-URL sein, z. B. turn:turn.example.com:443?transport=tcp.',
    );
    expect(iceErrorText(t, draft({ urls: 'turn:turn.example.com' }))).toBe('TURN-Server brauchen einen Benutzernamen und Zugangsdaten.');
    expect(iceErrorText(t, draft({ urls: 'stun:stun.example.com', relayOnly: true }))).toBe('„Nur Relay“ braucht mindestens einen TURN-Server.');
    expect(iceErrorText(t, draft({ urls: Array.from({ length: 9 }, (_, i) => `stun:s${i}.example.com`).join('\n') }))).toBe('Geben Sie höchstens 8 Server-URLs ein.');
    expect(iceErrorText(t, draft({ urls: 'stun:stun.example.com' }))).toBe('');
  });
});
