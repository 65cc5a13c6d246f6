// The update guard, as a table: each hostile update a peer holding the room secret could send
// is refused with a reason, and every update the app itself makes (and a whole board written by
// the last release) is accepted. Hostile updates are made the way an attacker would: a copy of
// the victim's doc, changed through Yjs (or encoded by hand where Yjs would not write it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { addCard, deleteCard, editField, moveCard, setStatus, upsertParticipant } from '../../../shared/board';
import { initWorkshop } from '../../../shared/schema';
import { checkWorkshopUpdate } from '../../../shared/schema';
import { DEFAULT_GUARD_LIMITS } from '../../../shared/doc';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/docs/${name}`, import.meta.url)));

function victim(): { doc: Y.Doc; cardId: string } {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Line 4', facilitator: 'Cy', createdAt: 1 });
  const cardId = addCard(doc, { section: 'goals', fields: { title: 'Keep line 4 running' }, author: { name: 'Ana', side: 'IT' } }, 2);
  upsertParticipant(doc, { id: 'p-ana', name: 'Ana', side: 'IT', role: '' }, 3);
  return { doc, cardId };
}

/** The update an attacker's copy of `doc` produces when `change` runs on it. */
function attack(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  change(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

/** An update of deletions only, encoded by hand: Yjs never deletes what it has not seen. */
function deletions(ranges: readonly [client: number, clock: number, len: number][]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  const byClient = new Map<number, [number, number][]>();
  for (const [client, clock, len] of ranges) byClient.set(client, [...(byClient.get(client) ?? []), [clock, len]]);
  encoding.writeVarUint(e, byClient.size);
  for (const [client, list] of byClient) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, list.length);
    for (const [clock, len] of list) {
      encoding.writeVarUint(e, clock);
      encoding.writeVarUint(e, len);
    }
  }
  return encoding.toUint8Array(e);
}

const refusal = (doc: Y.Doc, update: Uint8Array): string | null => {
  const verdict = checkWorkshopUpdate(doc, update);
  return verdict.ok ? null : verdict.reason;
};

describe('the update guard refuses', () => {
  const cases: [string, (doc: Y.Doc, cardId: string) => Uint8Array, RegExp][] = [
    ['a card replaced by a string', (d, id) => attack(d, (c) => c.getMap('cards').set(id, 'gone')), /plain value where the cards holds a map/],
    ['a card replaced by a number', (d, id) => attack(d, (c) => c.getMap('cards').set(id, 42)), /plain value/],
    ['a card replaced by null', (d, id) => attack(d, (c) => c.getMap('cards').set(id, null)), /plain value/],
    ['a card replaced by text', (d, id) => attack(d, (c) => c.getMap('cards').set(id, new Y.Text('x'))), /shared type other than a map/],
    ['a card replaced by a new, empty map', (d, id) => attack(d, (c) => c.getMap('cards').set(id, new Y.Map())), /never changes once written/],
    ['a field set to an object', (d, id) => attack(d, (c) => ((c.getMap('cards').get(id) as Y.Map<unknown>).get('fields') as Y.Map<unknown>).set('title', { a: 1 })), /does not fit a card’s fields/],
    ['a field longer than any field may be', (d, id) => attack(d, (c) => ((c.getMap('cards').get(id) as Y.Map<unknown>).get('fields') as Y.Map<unknown>).set('title', 'x'.repeat(5000))), /does not fit/],
    ['a card with an unknown entry', (d, id) => attack(d, (c) => (c.getMap('cards').get(id) as Y.Map<unknown>).set('payload', 'x')), /a card has no entry "payload"/],
    ['a card in an unknown section', (d, id) => attack(d, (c) => (c.getMap('cards').get(id) as Y.Map<unknown>).set('section', 'nowhere')), /does not fit a card/],
    ['a new card that is a string', (d) => attack(d, (c) => c.getMap('cards').set('new-card', 'x')), /plain value/],
    ['a write to an unknown root', (d) => attack(d, (c) => c.getMap('payload').set('a', 1)), /unknown part of the board \("payload"\)/],
    ['list content in a map root', (d) => attack(d, (c) => c.getArray('cards').insert(0, ['x'])), /list content in the cards/],
    ['text in a map root', (d) => attack(d, (c) => c.getText('meta').insert(0, 'x')), /list content|text, binary/],
    ['a charter entry the charter does not have', (d) => attack(d, (c) => c.getMap('charter').set('evil', 'x')), /the charter has no entry "evil"/],
    ['a client entry in another client’s name', (d) => attack(d, (c) => c.getMap('clients').set('12345', '{}')), /another client’s name/],
    ['every card, the roster and the meta removed (the 14-byte erase)', (d) => attack(d, (c) => {
      for (const root of ['cards', 'roster', 'meta']) for (const key of [...c.getMap(root).keys()]) c.getMap(root).delete(key);
    }), /removal of .* which is never removed/],
    ['one card removed', (d, id) => attack(d, (c) => c.getMap('cards').delete(id)), /removal of cards › .* never removed/],
  ];
  for (const [name, make, reason] of cases) {
    it(name, () => {
      const { doc, cardId } = victim();
      expect(refusal(doc, make(doc, cardId))).toMatch(reason);
    });
  }

  // The app words the refusal from its problem code and shows where it happened as it is.
  it.each([
    ['a card replaced by a string', (d: Y.Doc, id: string) => attack(d, (c) => c.getMap('cards').set(id, 'gone')), 'does-not-fit', (id: string) => `cards › ${id}`],
    ['a field set to an object', (d: Y.Doc, id: string) => attack(d, (c) => ((c.getMap('cards').get(id) as Y.Map<unknown>).get('fields') as Y.Map<unknown>).set('title', { a: 1 })), 'does-not-fit', (id: string) => `cards › ${id} › fields › title`],
    ['a write to an unknown root', (d: Y.Doc) => attack(d, (c) => c.getMap('payload').set('a', 1)), 'unknown-part', () => 'payload'],
    ['one card removed', (d: Y.Doc, id: string) => attack(d, (c) => c.getMap('cards').delete(id)), 'never-changes', (id: string) => `cards › ${id}`],
    ['a client entry in another client’s name', (d: Y.Doc) => attack(d, (c) => c.getMap('clients').set('12345', '{}')), 'impersonation', () => 'clients'],
  ] as const)('%s: says its problem and where', (_name, make, problem, where) => {
    const { doc, cardId } = victim();
    expect(checkWorkshopUpdate(doc, make(doc, cardId))).toMatchObject({ ok: false, problem, where: where(cardId) });
  });

  it('a signed version overwritten with other content', () => {
    const { doc } = victim();
    const key = `version.${'a'.repeat(64)}`;
    doc.getMap('charter').set(key, '{"signed":true}');
    expect(refusal(doc, attack(doc, (c) => c.getMap('charter').set(key, '{"signed":false}')))).toMatch(/never changes once written/);
    // Writing the very same content again is what two peers storing one version at once do.
    expect(refusal(doc, attack(doc, (c) => c.getMap('charter').set(key, '{"signed":true}')))).toBeNull();
  });

  it('a deletion of changes this app has not made yet', () => {
    const { doc } = victim();
    const mine = Y.getState(doc.store, doc.clientID);
    expect(refusal(doc, deletions([[doc.clientID, mine, 50]]))).toMatch(/this app has not made yet/);
  });

  it('deletions of many changes of another client that nobody here has seen', () => {
    const { doc } = victim();
    expect(refusal(doc, deletions([[777, 0, 10]]))).toBeNull();
    expect(refusal(doc, deletions([[777, 0, DEFAULT_GUARD_LIMITS.maxFutureDeletes + 1]]))).toMatch(/nobody here has seen/);
  });

  it('many concurrent writes to one key (the quadratic update), but not a long chain of ordinary ones', () => {
    const { doc, cardId } = victim();
    const writers = Array.from({ length: 64 }, (_, i) =>
      attack(doc, (c) => ((c.getMap('cards').get(cardId) as Y.Map<unknown>).get('fields') as Y.Map<unknown>).set('title', `title ${i}`)),
    );
    expect(refusal(doc, Y.mergeUpdates(writers))).toMatch(/too many concurrent writes to one entry/);
    const chain = attack(doc, (c) => {
      for (let i = 0; i < 2000; i++) c.transact(() => ((c.getMap('cards').get(cardId) as Y.Map<unknown>).get('fields') as Y.Map<unknown>).set('title', `t${i}`));
    });
    expect(refusal(doc, chain)).toBeNull();
  });

  it('changes in this app’s own name', () => {
    const { doc } = victim();
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(doc));
    // Set after the sync: Yjs itself picks a new id when a sync shows its own in use.
    forged.clientID = doc.clientID;
    const before = Y.encodeStateVector(forged);
    forged.getMap('meta').set('title', 'mine');
    expect(refusal(doc, Y.encodeStateAsUpdate(forged, before))).toMatch(/own name/);
  });

  it('bytes that are not an update', () => {
    const { doc } = victim();
    expect(refusal(doc, new Uint8Array([1, 2, 3, 250, 250, 250]))).toMatch(/does not decode/);
  });
});

describe('the update guard accepts', () => {
  it('everything the board operations write, one transaction at a time', () => {
    const source = new Y.Doc();
    const mirror = new Y.Doc();
    source.on('update', (u: Uint8Array) => {
      expect(refusal(mirror, u)).toBeNull();
      Y.applyUpdate(mirror, u);
    });
    initWorkshop(source, { title: 'Line 4', facilitator: 'Cy', createdAt: 1 });
    const a = addCard(source, { section: 'goals', fields: { title: 'A', metric: 'x' }, author: { name: 'Ana', side: 'IT' } }, 2);
    const b = addCard(source, { section: 'risks', fields: { title: 'B' }, author: { name: null, side: 'OT' } }, 3);
    editField(source, a, 'metric', 'downtime');
    moveCard(source, b, 'goals', 0);
    setStatus(source, a, 'agreed');
    deleteCard(source, a);
    upsertParticipant(source, { id: 'p1', name: 'Ana', side: 'IT', role: 'lead' }, 4);
    source.getMap('clients').set(String(source.clientID), '{"participantId":"p1"}');
    expect(mirror.getMap('cards').size).toBe(2);
  });

  it('a whole board written by the last release (schema 1), as one sync and change by change', () => {
    expect(refusal(new Y.Doc(), fixture('release-v1-state.bin'))).toBeNull();
    const records = fixture('release-v1-records.bin');
    const doc = new Y.Doc();
    const view = new DataView(records.buffer, records.byteOffset, records.byteLength);
    for (let at = 0; at < records.byteLength; ) {
      const length = view.getUint32(at, true);
      const update = records.subarray(at + 4, at + 4 + length);
      expect(refusal(doc, update)).toBeNull();
      Y.applyUpdate(doc, update);
      at += 4 + length;
    }
  });

  it('two peers changing the same field at once, merged', () => {
    const { doc, cardId } = victim();
    const edits = [1, 2].map((i) => attack(doc, (c) => ((c.getMap('cards').get(cardId) as Y.Map<unknown>).get('fields') as Y.Map<unknown>).set('title', `v${i}`)));
    expect(refusal(doc, Y.mergeUpdates(edits))).toBeNull();
  });
});

describe('the update guard tells an overwrite from a removal', () => {
  it('renaming the workshop and editing a card’s field replace values; removing them is refused', () => {
    const { doc, cardId } = victim();
    expect(refusal(doc, attack(doc, (c) => c.getMap('meta').set('title', 'Renamed')))).toBeNull();
    expect(refusal(doc, attack(doc, (c) => (c.getMap('cards').get(cardId) as Y.Map<unknown>).set('status', 'agreed')))).toBeNull();
    expect(refusal(doc, attack(doc, (c) => c.getMap('meta').delete('title')))).toMatch(/removal of meta › title/);
    expect(refusal(doc, attack(doc, (c) => (c.getMap('cards').get(cardId) as Y.Map<unknown>).delete('status')))).toMatch(/removal of cards › .* › status/);
    // A field may be taken away.
    expect(refusal(doc, attack(doc, (c) => ((c.getMap('cards').get(cardId) as Y.Map<unknown>).get('fields') as Y.Map<unknown>).delete('title')))).toBeNull();
  });
});
