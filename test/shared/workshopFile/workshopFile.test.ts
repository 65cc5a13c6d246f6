// The .bridgeboard codec: a round trip keeps the board, and each kind of bad file is rejected
// with its own error code.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, buildSnapshot } from '../../../shared/board';
import { initWorkshop } from '../../../shared/schema';
import {
  decodeWorkshopFile,
  encodeWorkshopFile,
  FORMAT_VERSION,
  MAGIC,
  MAX_FILE_BYTES,
  type WorkshopFileErrorCode,
} from '../../../shared/workshopFile';

const metadata = { title: 'Plant 4 kickoff', createdAt: 1_700_000_000_000, exportedAt: 1_700_000_100_000, appVersion: '0.1.0' };

function boardState(): Uint8Array {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: metadata.title, facilitator: 'Ada', createdAt: metadata.createdAt });
  addCard(doc, { section: 'goals', fields: { title: 'Fewer unplanned stops', metric: 'stops/month' }, author: { name: 'Ada', side: 'OT' } }, 1);
  return Y.encodeStateAsUpdate(doc);
}

function codeOf(fn: () => unknown): WorkshopFileErrorCode | 'no error' {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return (e as { code: WorkshopFileErrorCode }).code;
  }
}

/** Builds a file by hand so each header field can be made wrong on its own. */
function rawFile(opts: { version?: number; meta?: string; state?: Uint8Array; magic?: Uint8Array }): Uint8Array {
  const meta = new TextEncoder().encode(opts.meta ?? JSON.stringify(metadata));
  const state = opts.state ?? boardState();
  const out = new Uint8Array(8 + 2 + 4 + meta.length + 4 + state.length);
  const view = new DataView(out.buffer);
  out.set(opts.magic ?? MAGIC, 0);
  view.setUint16(8, opts.version ?? FORMAT_VERSION);
  view.setUint32(10, meta.length);
  out.set(meta, 14);
  view.setUint32(14 + meta.length, state.length);
  out.set(state, 18 + meta.length);
  return out;
}

describe('workshop file codec', () => {
  it('round-trips metadata and the board', () => {
    const file = decodeWorkshopFile(encodeWorkshopFile(metadata, boardState()));
    expect(file.metadata).toEqual(metadata);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, file.state);
    const snap = buildSnapshot(doc);
    expect(snap.meta.title).toBe('Plant 4 kickoff');
    expect(snap.sections.goals.map((c) => c.fields.title)).toEqual(['Fewer unplanned stops']);
  });

  it('accepts a hand-built file of the current version (the layout is what the docs say)', () => {
    expect(codeOf(() => decodeWorkshopFile(rawFile({})))).toBe('no error');
  });

  it('rejects a foreign file (wrong magic)', () => {
    expect(codeOf(() => decodeWorkshopFile(new TextEncoder().encode('%PDF-1.7 not a board at all')))).toBe('not-a-workshop-file');
    expect(codeOf(() => decodeWorkshopFile(rawFile({ magic: new TextEncoder().encode('BRIDGEBD') })))).toBe('not-a-workshop-file');
    expect(codeOf(() => decodeWorkshopFile(new Uint8Array()))).toBe('not-a-workshop-file');
  });

  it('rejects a file truncated anywhere', () => {
    const good = encodeWorkshopFile(metadata, boardState());
    for (const cut of [3, 9, 13, 20, good.length - 40, good.length - 1]) {
      expect(codeOf(() => decodeWorkshopFile(good.slice(0, cut))), `cut at ${cut}`).toBe('truncated');
    }
  });

  it('rejects a file from a future format version', () => {
    expect(codeOf(() => decodeWorkshopFile(rawFile({ version: FORMAT_VERSION + 1 })))).toBe('unsupported-version');
  });

  it('rejects an oversized file before reading it', () => {
    const huge = new Uint8Array(MAX_FILE_BYTES + 1);
    huge.set(MAGIC, 0);
    expect(codeOf(() => decodeWorkshopFile(huge))).toBe('too-large');
  });

  it('rejects malformed metadata and trailing bytes', () => {
    expect(codeOf(() => decodeWorkshopFile(rawFile({ meta: '{"title": ' })))).toBe('malformed');
    expect(codeOf(() => decodeWorkshopFile(rawFile({ meta: JSON.stringify({ ...metadata, title: '' }) })))).toBe('malformed');
    expect(codeOf(() => decodeWorkshopFile(rawFile({ meta: JSON.stringify({ ...metadata, extra: 1 }) })))).toBe('malformed');
    const good = encodeWorkshopFile(metadata, boardState());
    const padded = new Uint8Array(good.length + 3);
    padded.set(good, 0);
    expect(codeOf(() => decodeWorkshopFile(padded))).toBe('malformed');
    expect(codeOf(() => decodeWorkshopFile('not bytes'))).toBe('malformed');
  });

  it('rejects Yjs state that is garbage, incomplete or holds no workshop', () => {
    expect(codeOf(() => decodeWorkshopFile(rawFile({ state: Uint8Array.from([1, 200, 3, 4, 250, 250, 250]) })))).toBe('invalid-state');
    // An update that depends on an earlier one the file lacks.
    const doc = new Y.Doc();
    initWorkshop(doc, { title: 'x', facilitator: 'y', createdAt: 1 });
    const before = Y.encodeStateVector(doc);
    addCard(doc, { section: 'parking', fields: { title: 'later' }, author: { name: 'y', side: 'IT' } }, 2);
    const onlyLater = Y.encodeStateAsUpdate(doc, before);
    expect(codeOf(() => decodeWorkshopFile(rawFile({ state: onlyLater })))).toBe('invalid-state');
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    expect(codeOf(() => decodeWorkshopFile(rawFile({ state: empty })))).toBe('invalid-state');
  });
});
