// A participant's modified app, holding the room secret, writes facilitator actions straight
// into the doc: a phase change forged in the facilitator's name, a replay, a tampered copy, an
// unsigned one, a claim of the workshop with its own key, and an erasure of the facilitator's
// last phase change. Every honest peer refuses each one, says so, and stays in the phase the
// facilitator chose.
import { expect, test } from '@playwright/test';
import { parseInvite } from '../../shared/room';
import { IT_PERSON, expectConnected, hostWorkshop, join, useRoomSuite } from './room/roomHarness';
import { goToPhase, phaseTitle } from './facilitation/facilitationHelpers';
import { launchForger, type Forgery } from './facilitation/forgerPeer';

const room = useRoomSuite();

const CASES: [Forgery, string][] = [
  ['forged', 'its signature does not match (forged or altered)'],
  ['replayed', 'it repeats an earlier action (replay)'],
  ['tampered', 'its signature does not match (forged or altered)'],
  ['unsigned', 'it was not signed'],
  ['own-claim', 'it was not signed by the facilitator'],
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
  // The pinned key still decides: the self-claim changed the doc's claim but no peer's trust,
  // and the facilitator's app writes its own claim back.
  await expect(it.page.getByText('Follow Fiona Facilitator')).toBeVisible();
  await expect(it.page.getByText('Follow Mallory')).toHaveCount(0);
  await expect(fac.page.getByTestId('facilitator-bar')).toBeVisible();
  await expect(fac.page.getByTestId('not-facilitator-warning')).toHaveCount(0);

  // Erasing the facilitator's last phase change: peers keep it; the facilitator writes it back.
  await forger.forge('erased');
  for (const p of [fac, it]) await expect(phaseTitle(p.page)).toHaveText('Common goals');
  await expect.poll(() => forger.genuineInDoc(), { timeout: 20_000 }).toBe(3);

  // And the real facilitator still runs the room.
  await fac.page.getByTestId('phase-next').click();
  for (const p of [fac, it]) await expect(phaseTitle(p.page)).toHaveText('Trade-offs');
  for (const p of [fac, it]) expect(p.problems).toEqual([]);
});
