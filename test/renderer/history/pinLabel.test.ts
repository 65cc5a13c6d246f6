// A pin at the start of a built-in phase still titled as shipped is marked in its id, and every
// reader sees its title in their own language (as the facilitation bar shows it), whatever the
// language of the facilitator who pinned it; any other pin shows the label it was given.
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { phasePinId, pinnedPhase, pinPoint, readPins } from '../../../shared/history';
import { setLocale, t } from '../../../renderer/src/core/i18n';
import { pinLabel } from '../../../renderer/src/features/history/pinLabel';

describe('phase pins', () => {
  afterAll(() => setLocale('en'));

  it('marks a built-in phase in the pin id, and only a phase id that fits', () => {
    expect(pinnedPhase({ id: phasePinId('frame', 'abc123') })).toBe('frame');
    expect(pinnedPhase({ id: 'abc123' })).toBeNull();
    expect(pinnedPhase({ id: phasePinId('x'.repeat(40), 'abc123') })).toBeNull();
  });

  it('words a built-in phase pin in the reader’s language, through the doc', async () => {
    const doc = new Y.Doc();
    await setLocale('de');
    pinPoint(doc, { id: phasePinId('frame', 'n1'), at: 1, label: t('session.phasePin', { title: 'Rahmen' }), by: 'p' });
    pinPoint(doc, { id: phasePinId('no-such-phase', 'n2'), at: 2, label: 'Phase “Mine” began', by: 'p' });
    pinPoint(doc, { id: 'n3', at: 3, label: 'Before the vote', by: 'p' });
    const pins = readPins(doc);
    await setLocale('fr');
    expect(pins.map((p) => pinLabel(t, p))).toEqual(['Début de la phase «\u00a0Cadrage\u00a0»', 'Phase “Mine” began', 'Before the vote']);
    await setLocale('en');
    expect(pinLabel(t, pins[0] ?? { id: '', label: '' })).toBe('Phase “Frame” began');
  });
});
