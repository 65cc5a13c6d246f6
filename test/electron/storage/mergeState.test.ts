// Merging for snapshots: same content as applying every update, and nothing dropped even when
// an update arrives before the one it depends on.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeState } from '../../../electron/main/storage/mergeState';

function edits(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('t');
  text.insert(0, 'patch');
  text.insert(5, ' cadence');
  doc.getMap('m').set('owner', 'OT');
  doc.getMap('m').set('owner', 'IT');
  return updates;
}

function read(state: Uint8Array): { text: string; owner: unknown } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return { text: doc.getText('t').toString(), owner: doc.getMap('m').get('owner') };
}

describe('mergeState', () => {
  it('equals applying every update', () => {
    expect(read(mergeState(edits()))).toEqual({ text: 'patch cadence', owner: 'IT' });
  });

  it('keeps an update whose dependency comes later', () => {
    const [first, second, ...rest] = edits();
    if (first === undefined || second === undefined) throw new Error('expected updates');
    const early = mergeState([second, ...rest]);
    expect(read(mergeState([early, first]))).toEqual({ text: 'patch cadence', owner: 'IT' });
  });
});
