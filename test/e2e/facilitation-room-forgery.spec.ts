// A participant's modified app, holding the room secret, writes facilitator actions straight
// into the doc: a phase change forged in the facilitator's name, a replay, a tampered copy, an
// unsigned one, a claim of the workshop with its own key, a delegation to itself, a lowered
// quorum, and an erasure of the facilitator's last phase change. Every honest peer refuses each
// one, says so, and stays in the phase the facilitator chose. Then it casts a ballot in another
// participant's name: the reveal counts only the ballot that participant signed.
import { expectNoSeriousViolations } from './fixtures/axe';
import { expect, test } from '@playwright/test';
import { parseInvite } from '../../shared/room';
import { IT_PERSON, addTitledCard, expectConnected, hostWorkshop, join, useRoomSuite } from './room/roomHarness';
import { goToPhase, phaseTitle } from './facilitation/facilitationHelpers';
import { launchForger, type Forgery } from './facilitation/forgerPeer';

const room = useRoomSuite();

const CASES: [Forgery, string][] = [
  ['forged', 'its signature does not match (forged or altered)'],
  ['replayed', 'it repeats an earlier action (replay)'],
  ['tampered', 'its signature does not match (forged or altered)'],
  ['unsigned', 'it was not signed'],
  ['own-claim', 'it was not signed by the facilitator'],
  ['self-delegation', 'it was not signed by the facilitator'],
  ['lower-quorum', 'it was not signed by the facilitator'],
];

test('forged, replayed, tampered, unsigned and self-claimed phase changes are refused by every peer; an erased one stays', async () => {
  test.setTimeout(150_000);
  const [fac, it] = await Promise.all([room.peer(), room.peer()]);
  const forger = await launchForger();
  room.track(forger);
  const invite = await hostWorkshop(fac.page, 'Forgery test', room.server().url);
  await join(it.page, { webLink: invite.webLink }, IT_PERSON);
  await expectConnected(fac.page, [IT_PERSON.name]);
  await goToPhase(fac.page, 'Common goals');
  await expect(phaseTitle(it.page)).toHaveText('Common goals');

  const parsed = parseInvite(invite.code, Date.now());
  if (!parsed.ok) throw new Error(parsed.message);
  await forger.connect(parsed.invite);
  await expect.poll(() => forger.phaseChanges(), { timeout: 30_000 }).toBe(3);

  for (const [index, [kind, reason]] of CASES.entries()) {
    await forger.forge(kind);
    for (const p of [fac, it]) {
      await expect(p.page.getByTestId('refused-count')).toHaveText(`${index + 1} refused action${index === 0 ? '' : 's'}`);
      await expect(p.page.getByTestId('refused-notice')).toContainText(reason);
      await expect(phaseTitle(p.page)).toHaveText('Common goals');
    }
  }
  await expectNoSeriousViolations(it.page, 'refused actions, as a participant');
  // The workshop's key still decides: the self-claim and the self-delegation changed no peer's trust.
  await expect(it.page.getByText('Follow Fiona Facilitator')).toBeVisible();
  await expect(it.page.getByText('Follow Mallory')).toHaveCount(0);
  await expect(it.page.getByTestId('facilitator-key')).not.toContainText('Mallory');
  await expect(fac.page.getByTestId('facilitator-bar')).toBeVisible();

  // A ballot in IT's name, signed with the forger's key: never counted, whatever its revision.
  await addTitledCard(fac.page, 'tradeoffs', 'Tension', 'Patch window');
  await addTitledCard(fac.page, 'tradeoffs', 'Tension', 'Remote access');
  await fac.page.getByTestId('vote-start').click();
  const row = (title: string) => it.page.getByTestId('vote-row').filter({ hasText: title });
  await row('Patch window').getByTestId('vote-plus').click();
  await row('Patch window').getByTestId('vote-plus').click();
  await expect(fac.page.getByTestId('vote-panel')).toContainText('IT 1');
  await expect.poll(() => forger.forgeBallot(IT_PERSON.name, 'Remote access').then(() => true, () => false), { timeout: 20_000 }).toBe(true);
  await expect(fac.page.getByTestId('vote-panel')).toContainText('IT 1, OT 0');
  await fac.page.getByTestId('vote-reveal').click();
  for (const p of [fac, it]) {
    const results = p.page.getByTestId('results-panel');
    await expect(results).toContainText('1 ballot counted (IT 1, OT 0); 1 not counted');
    await expect(results.getByTestId('result-row')).toHaveCount(1);
    await expect(results.getByTestId('result-row')).toContainText('Patch window');
  }

  // Erasing the facilitator's last phase change: the update guard refuses a change to a logged
  // action, so honest peers keep it (and the forger, which sent it, is dropped).
  await forger.forge('erased');
  for (const p of [fac, it]) await expect(phaseTitle(p.page)).toHaveText('Common goals');

  // And the real facilitator still runs the room.
  await fac.page.getByTestId('phase-next').click();
  for (const p of [fac, it]) await expect(phaseTitle(p.page)).toHaveText('Trade-offs');

  for (const p of [fac, it]) expect(p.problems).toEqual([]);
});
