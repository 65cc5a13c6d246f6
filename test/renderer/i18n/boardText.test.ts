// Board and workshop file errors, thrown in shared/ with their reason as data, read in the
// user's language; their English `message` (logs, tests, the CLI) stays as it was. Section,
// field and choice names come from the catalog; the stored values stay the stable ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, BoardError, renameWorkshop, upsertParticipant, validateField } from '../../../shared/board';
import { initWorkshop } from '../../../shared/schema';
import { decodeWorkshopFile, WorkshopFileError } from '../../../shared/workshopFile';
import { boardErrorText, choiceLabel, currentFormat, fieldHint, fieldLabel, sectionTitle, setLocale, t, workshopFileErrorText } from '../../../renderer/src/core/i18n';
import { describeError } from '../../../renderer/src/core/describeError';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

const boardError = (fn: () => unknown): BoardError => {
  const e = thrown(fn);
  if (!(e instanceof BoardError)) throw e;
  return e;
};

describe('board words and errors in German', () => {
  beforeAll(() => setLocale('de'));
  afterAll(() => setLocale('en'));

  it('names sections, fields, hints and choices from the catalog', () => {
    expect(sectionTitle(t, 'parking')).toBe('Themenspeicher');
    expect(fieldLabel(t, 'accountability', 'accountable')).toBe('Gesamtverantwortlich – A (genau eine Person)');
    expect(fieldLabel(t, 'risks', 'reference')).toBe('Normbezug');
    expect(fieldHint(t, 'language', 'title')).toBe('z. B. DMZ, Purdue-Ebene 3');
    expect(fieldHint(t, 'goals', 'itOwner')).toBeUndefined();
    expect(choiceLabel(t, 'uptime')).toBe('Verfügbarkeit');
  });

  it('words each reason, and keeps the English message', () => {
    const doc = new Y.Doc();
    initWorkshop(doc, { title: 'Werk', facilitator: 'Anna', createdAt: 1 });
    const empty = boardError(() => renameWorkshop(doc, '  '));
    expect(empty.message).toBe('Workshop title cannot be empty.');
    expect(boardErrorText(t, empty)).toBe('„Titel des Workshops“ darf nicht leer sein.');
    const long = boardError(() => validateField('tradeoffs', 'itView', 'x'.repeat(4001)));
    expect(long.message).toBe('IT view is 4001 characters; the limit is 4000.');
    expect(boardErrorText(t, long)).toBe('„Sicht der IT“ hat 4.001 Zeichen; erlaubt sind höchstens 4.000.');
    const choice = boardError(() => validateField('goals', 'category', 'profit'));
    expect(boardErrorText(t, choice)).toBe('„profit“ ist keine Auswahl für „Kategorie“.');
    const noTitle = boardError(() => addCard(doc, { section: 'goals', fields: {}, author: { name: 'A', side: 'IT' } }, 1));
    expect(boardErrorText(t, noTitle)).toBe('„Ziel“ darf nicht leer sein.');
    const key = boardError(() => upsertParticipant(doc, { id: 'p-1', name: 'Anna', side: 'OT', role: '', publicKey: 'not-a-key' }, 1));
    expect(boardErrorText(t, key)).toBe('Das ist kein öffentlicher Ed25519-Schlüssel.');
    // Without a reason (a phase's closed section, worded by facilitation), its own words.
    expect(boardErrorText(t, new BoardError('section-closed', 'Closed in this phase.'))).toBe('Closed in this phase.');
  });

  it('words workshop file errors, with the size in the language', () => {
    const tooBig = thrown(() => decodeWorkshopFile(new Uint8Array(65 * 1_048_576)));
    expect(tooBig).toBeInstanceOf(WorkshopFileError);
    expect(workshopFileErrorText(t, currentFormat(), tooBig as WorkshopFileError)).toBe('Die Datei ist 65 MB groß; Workshop-Dateien dürfen höchstens 64 MB groß sein.');
    expect(describeError(thrown(() => decodeWorkshopFile(new TextEncoder().encode('%PDF-1.7'))), 'Import')).toBe('Das ist keine Bridgeboard-Workshop-Datei.');
  });
});
