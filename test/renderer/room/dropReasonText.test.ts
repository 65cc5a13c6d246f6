// Why a peer was dropped, as the facilitator reads it: every code the guards and the relay can
// give has a message in every catalog, and each is worded in the reader's language with its data
// (sizes in their format, a schema path kept as the identifier it is, marked translate="no").
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { updateProblems } from '../../../shared/doc';
import { describePeerDrop, peerDropCodes, type PeerDropReason } from '../../../shared/sync/peerDropReason';
import { CATALOG_LOCALES, currentFormat, setLocale, t, type CatalogLocale } from '../../../renderer/src/core/i18n';
import { DROP_REASON_KEYS, droppedPeerText, UPDATE_PROBLEM_KEYS } from '../../../renderer/src/features/room/dropReasonText';

const catalog = (locale: CatalogLocale): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../../../renderer/src/core/i18n/locales/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;

/** One reason of each code (and each update problem), with data. */
const SAMPLES: PeerDropReason[] = [
  ...peerDropCodes.filter((c) => c !== 'update').map((code): PeerDropReason => {
    switch (code) {
      case 'too-large':
        return { code, bytes: 5 * 1_048_576, limit: 4 * 1_048_576 };
      case 'presence-too-large':
        return { code, bytes: 20_480, limit: 16_384 };
      case 'presence-too-many':
        return { code, count: 300, limit: 256 };
      case 'trailing-bytes':
        return { code, after: 'sync' };
      case 'unknown-type':
      case 'unknown-sync':
        return { code, type: 104 };
      case 'relay-malformed':
        return { code, what: 'hello' };
      default:
        return { code } as PeerDropReason;
    }
  }),
  ...updateProblems.map((problem): PeerDropReason => ({ code: 'update', problem, where: 'cards › c1 › fields', detail: 'an English sentence' })),
];

const html = (reason: PeerDropReason, via: 'direct' | 'relay' = 'direct'): string => renderToStaticMarkup(createElement(Fragment, null, droppedPeerText(t, currentFormat(), { peerId: 'p', reason, via, at: 0 })));

describe('every drop reason has a message in every language', () => {
  it('maps every code and every update problem to a message', () => {
    expect(Object.keys(DROP_REASON_KEYS).sort()).toEqual(peerDropCodes.filter((c) => c !== 'update').sort());
    expect(Object.keys(UPDATE_PROBLEM_KEYS).sort()).toEqual([...updateProblems].sort());
  });

  it.each(CATALOG_LOCALES)('%s has each of them, worded', (locale) => {
    const messages = catalog(locale);
    for (const key of [...Object.values(DROP_REASON_KEYS), ...Object.values(UPDATE_PROBLEM_KEYS), 'room.dropped.item', 'room.dropped.where']) {
      expect(messages[key], `${locale}: ${key}`).toMatch(/\S/);
    }
  });
});

describe('a dropped peer in the reader’s language', () => {
  afterAll(() => setLocale('en'));

  it('reads in English as a sentence, with the schema path untranslated', async () => {
    await setLocale('en');
    expect(html({ code: 'too-large', bytes: 5 * 1_048_576, limit: 4 * 1_048_576 })).toBe('A peer was disconnected because it sent a message of 5 MB, more than the 4 MB allowed.');
    expect(html({ code: 'update', problem: 'never-changes', where: 'cards › c1', detail: 'x' }, 'relay')).toBe(
      'A peer was disconnected (through the relay) because it changed or removed an entry that never changes once written (at <span translate="no">cards › c1</span>).',
    );
    expect(html({ code: 'unknown-type', type: 104 })).toBe('A peer was disconnected because it sent a message of an unknown type (<span translate="no">104</span>).');
  });

  it.each(CATALOG_LOCALES.filter((l) => l !== 'en'))('in %s, no reason reads as the English one', async (locale) => {
    await setLocale('en');
    const english = SAMPLES.map((r) => html(r));
    await setLocale(locale);
    SAMPLES.forEach((reason, i) => {
      const text = html(reason);
      expect(text, describePeerDrop(reason)).not.toBe(english[i]);
      expect(text).not.toContain(describePeerDrop(reason));
      if (reason.code === 'update') expect(text).toContain('<span translate="no">cards › c1 › fields</span>');
    });
  });

  it('formats sizes in the reader’s format (German)', async () => {
    await setLocale('de');
    expect(html({ code: 'presence-too-large', bytes: 20_480 + 512, limit: 16_384 })).toBe('Eine Gegenstelle wurde getrennt: sie hat zu große Anwesenheitsdaten gesendet (20,5 kB; höchstens 16 kB).');
  });
});
