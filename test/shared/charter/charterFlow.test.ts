// The whole flow with the APIs the hosts and the charter UI will call: identity keys in the key
// store, draft, freeze, each person signs through their store, the facilitator seals, PDF export,
// and the CLI verdict on the file and on an altered copy.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultVerifyIo, runVerify } from '../../../cli/verifyCommand';
import { IdentityStore, identityFilePath } from '../../../electron/main/identity';
import type { Side } from '../../../shared/board/sections';
import {
  addSignature,
  applySeal,
  buildCharterDraft,
  createBundle,
  freezeCharter,
  makeSeal,
  makeSignature,
  renderCharterPdf,
  sealInputFor,
  signingInputFor,
  type CharterBundle,
  type Participant,
} from '../../../shared/charter';
import { fakeSafeStorage } from '../../support/fakeSafeStorage';
import { sampleCards, snapshotOf } from './charterFixtures';

async function person(dir: string, id: string, name: string, side: Side) {
  const store = new IdentityStore({ filePath: identityFilePath(dir, id), safeStorage: fakeSafeStorage(), platform: 'linux' });
  const identity = await store.ensure();
  const participant: Participant = { id, name, side, role: side === 'facilitator' ? 'Facilitator' : `${side} lead`, publicKey: identity.publicKey, fingerprint: identity.fingerprint, checkedInPerson: true };
  return { store, participant };
}

describe('freeze, sign, seal, export, verify', () => {
  it('produces a PDF the CLI accepts, and rejects an altered copy saying what changed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-flow-'));
    const people = [await person(dir, 'it', 'Ana', 'IT'), await person(dir, 'ot', 'Bo', 'OT'), await person(dir, 'fac', 'Cy', 'facilitator')];
    const draft = buildCharterDraft({ snapshot: snapshotOf(sampleCards()), roster: people.map((p) => p.participant), purpose: 'p', scope: 's', reviewDate: '2027-01-01' });
    expect(draft.findings).toEqual([]);
    let bundle: CharterBundle = createBundle(freezeCharter({ charterId: 'ws-9', content: draft.content, roster: draft.roster, quorum: draft.quorum, frozenAt: new Date('2026-11-24T22:00:00Z') }));

    for (const { store, participant } of people) {
      const input = signingInputFor(bundle, '2026-11-24T22:05:00Z');
      const result = addSignature(bundle, makeSignature(participant, input, store.signCharter(input)));
      if (!result.ok) throw new Error(result.reason);
      bundle = result.bundle;
    }
    const facilitator = people[2];
    if (!facilitator) throw new Error('facilitator');
    const sealInput = sealInputFor(bundle, '2026-11-24T22:10:00Z');
    const sealed = applySeal(bundle, makeSeal(facilitator.participant, sealInput, facilitator.store.signSeal(sealInput)));
    if (!sealed.ok) throw new Error(sealed.reason);

    const pdf = await renderCharterPdf(sealed.bundle);
    const file = join(dir, 'charter.pdf');
    await writeFile(file, pdf);
    let out = '';
    const io = { ...defaultVerifyIo, out: (t: string) => (out += t), err: (t: string) => (out += t) };
    expect(await runVerify([file], io)).toBe(0);
    expect(out).toContain('Sealed by Cy');

    const altered = structuredClone(sealed.bundle);
    altered.charter.content.scope = 'Every line in every plant';
    const copy = join(dir, 'altered.pdf');
    await writeFile(copy, await renderCharterPdf(altered));
    out = '';
    expect(await runVerify([copy], io)).toBe(1);
    expect(out).toContain('Changed: the title, purpose, scope or review date');
  });
});
