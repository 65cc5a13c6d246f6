// Schema versions and migrations: a workshop written by the last release (schema 1) reads whole
// and is brought to this version by one transaction that changes nothing it held; a doc with no
// workshop yet is left alone; a newer one is recognised; migrations run in order, once, and two
// peers migrating at once converge.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildSnapshot, readRoster } from '../../../shared/board';
import { readCharterLedger } from '../../../shared/charter';
import { docRoot } from '../../../shared/doc';
import { checkWorkshopUpdate, MIGRATIONS, migrate, schemaState, SCHEMA_VERSION, storedSchemaVersion, type Migration } from '../../../shared/schema';
import { facilitationMap, readAuthorityClaim, readFacilitatorKey } from '../../../shared/facilitation';

const fixture = () => new Uint8Array(readFileSync(new URL('../../fixtures/docs/release-v1-state.bin', import.meta.url)));
const releaseDoc = () => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fixture());
  return doc;
};

describe('schema versions', () => {
  it('reads the version a doc was written at', () => {
    expect(storedSchemaVersion(releaseDoc())).toBe(1);
    expect(schemaState(releaseDoc())).toEqual({ kind: 'older', version: 1 });
    expect(schemaState(new Y.Doc())).toEqual({ kind: 'empty' });
    const newer = releaseDoc();
    docRoot(newer, 'meta').set('schema', SCHEMA_VERSION + 3);
    expect(schemaState(newer)).toEqual({ kind: 'newer', version: SCHEMA_VERSION + 3 });
  });

  it('migrates the last release’s workshop to this version in one transaction, and everything it held reads the same', () => {
    const doc = releaseDoc();
    const before = { board: buildSnapshot(doc), roster: readRoster(doc), charter: readCharterLedger(doc).versions.map((v) => v.frozen.digest) };
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(migrate(doc, 'migration')).toEqual(MIGRATIONS.map((m) => m.id));
    expect(transactions).toBe(1);
    expect(schemaState(doc)).toEqual({ kind: 'current' });
    expect(buildSnapshot(doc).cards).toEqual(before.board.cards);
    expect(buildSnapshot(doc).problems).toEqual({});
    expect(readRoster(doc)).toEqual(before.roster);
    expect(readCharterLedger(doc).versions.map((v) => v.frozen.digest)).toEqual(before.charter);
    // Once is enough.
    expect(migrate(doc, 'migration')).toEqual([]);
  });

  it('makes the facilitator the key the last release’s claim named, fixed in the meta', () => {
    const doc = releaseDoc();
    const claim = readAuthorityClaim(doc);
    expect(claim).not.toBeNull();
    expect(readFacilitatorKey(doc)).toEqual({ publicKey: claim?.publicKey, participantId: claim?.participantId });
    migrate(doc, 'migration');
    expect(docRoot(doc, 'meta').get('facilitatorKey')).toBe(claim?.publicKey);
    expect(docRoot(doc, 'meta').get('facilitatorId')).toBe(claim?.participantId);
    // The guard then refuses any peer's change to it.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    peer.on('update', (u: Uint8Array) => updates.push(u));
    docRoot(peer, 'meta').set('facilitatorKey', 'M'.repeat(43));
    expect(updates.map((u) => checkWorkshopUpdate(doc, u).ok)).toEqual([false]);
    // A later claim overwrite changes nothing either: the meta decides.
    facilitationMap(doc).set('authority', JSON.stringify({ publicKey: 'M'.repeat(43), participantId: 'p-mal', name: 'Mallory' }));
    expect(readFacilitatorKey(doc)?.publicKey).toBe(claim?.publicKey);
  });

  it('runs steps in order from the stored version, and two peers migrating at once converge', () => {
    const steps: Migration[] = [
      { id: 'test.meta/3', to: 3, describe: 'adds a marker', up: (d) => docRoot(d, 'meta').set('facilitator', 'migrated') },
      { id: 'test.meta/2', to: 2, describe: 'nothing', up: () => undefined },
    ];
    const a = releaseDoc();
    const b = releaseDoc();
    expect(migrate(a, 'm', steps, 3)).toEqual(['test.meta/2', 'test.meta/3']);
    expect(migrate(b, 'm', steps, 3)).toEqual(['test.meta/2', 'test.meta/3']);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const d of [a, b]) {
      expect(storedSchemaVersion(d)).toBe(3);
      expect(docRoot(d, 'meta').get('facilitator')).toBe('migrated');
    }
  });

  it('leaves a doc with no workshop in it alone', () => {
    const doc = new Y.Doc();
    expect(migrate(doc, 'migration')).toEqual([]);
    expect(docRoot(doc, 'meta').size).toBe(0);
  });
});
