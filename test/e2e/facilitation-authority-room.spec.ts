// One facilitator, by key, across separate browsers over real WebRTC: the facilitator makes a
// neutral participant co-facilitator; a vote is started, and the facilitator's browser is
// closed in the middle of it; the co-facilitator reveals the vote, freezes the charter, and
// seals it after IT and OT sign; the CLI verifies the PDF and names the co-facilitator. Then a
// new workshop is handed over: the new facilitator runs it, the old one no longer can.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { expect, test } from '@playwright/test';
import { FACILITATOR, IT_PERSON, OT_PERSON, addTitledCard, expectConnected, hostWorkshop, join, useRoomSuite, type Person } from './room/roomHarness';
import { bar, goToPhase, phaseTitle } from './facilitation/facilitationHelpers';
import { exportAs, fillDraft, freeze, openCharter, version } from './charter/charterPage';
import { startApp } from './fixtures/boardPage';
import { cliVerify } from './charter/cliVerify';

test.describe.configure({ mode: 'serial' });
const room = useRoomSuite();
const NORA: Person = { name: 'Nora Neutral', side: 'facilitator', role: 'Co-facilitator' };

test('a co-facilitator reveals the vote and seals the charter after the facilitator’s browser is closed', async () => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(joinPath(tmpdir(), 'bb-authority-'));
  const [fac, it, ot, nora] = await Promise.all([room.peer(), room.peer(), room.peer(), room.peer()]);
  const invite = await hostWorkshop(fac.page, 'Line 4 authority', room.server().url);
  for (const [p, who] of [[it, IT_PERSON], [ot, OT_PERSON], [nora, NORA]] as const) await join(p.page, { webLink: invite.webLink }, who);
  await expectConnected(fac.page, [IT_PERSON.name, OT_PERSON.name, NORA.name]);
  // Everyone's key reaches the roster when they open the charter once.
  for (const p of [fac, it, ot, nora]) {
    await openCharter(p.page);
    await p.page.getByTestId('back-to-board').click();
  }
  await expect(bar(nora.page)).toHaveCount(0);

  // The facilitator names Nora co-facilitator, with every right, for two hours.
  await fac.page.getByTestId('open-facilitators').click();
  const dialog = fac.page.getByTestId('facilitators-dialog');
  await dialog.getByTestId('delegation-hours').fill('2');
  const noraRow = dialog.getByTestId('facilitator-row').filter({ hasText: NORA.name });
  await noraRow.getByTestId('delegate').click();
  await expect(noraRow.getByTestId('delegation-state')).toContainText('Co-facilitator (run, votes, charter) until');
  await dialog.getByTestId('facilitators-close').click();
  await expect(nora.page.getByTestId('co-facilitator-note')).toContainText(`You co-facilitate for ${FACILITATOR.name}`);
  await expect(bar(nora.page)).toBeVisible();
  await expect(it.page.getByTestId('facilitator-key')).toContainText(`co-facilitating: ${NORA.name}`);

  // A vote, started by the facilitator; IT and OT vote.
  await goToPhase(fac.page, 'Trade-offs');
  await addTitledCard(fac.page, 'tradeoffs', 'Tension', 'Patch window');
  await addTitledCard(fac.page, 'tradeoffs', 'Tension', 'Remote access');
  await fac.page.getByTestId('vote-start').click();
  for (const [p, title] of [[it, 'Patch window'], [ot, 'Remote access']] as const) {
    const row = p.page.getByTestId('vote-row').filter({ hasText: title });
    await row.getByTestId('vote-plus').click();
    await row.getByTestId('vote-plus').click();
  }
  await expect(nora.page.getByTestId('vote-panel')).toContainText('IT 1, OT 1');

  // The facilitator's laptop dies in the middle of the vote.
  await fac.close();
  await expect(nora.page.getByTestId('vote-reveal')).toBeVisible();
  await nora.page.getByTestId('vote-reveal').click();
  for (const p of [it, ot, nora]) {
    const results = p.page.getByTestId('results-panel');
    await expect(results).toContainText('2 ballots counted (IT 1, OT 1)', { timeout: 20_000 });
    await expect(results.getByTestId('result-row')).toHaveCount(2);
  }

  // Nora freezes the charter; it names Fiona as facilitator and Nora as co-facilitator.
  await openCharter(nora.page);
  await fillDraft(nora.page, { purpose: 'How IT and OT run AI on line 4.', scope: 'Line 4', reviewDate: '2027-05-01' });
  await freeze(nora.page);
  for (const p of [it, ot]) await openCharter(p.page);
  for (const p of [it, ot, nora]) {
    const v1 = version(p.page, 1);
    await expect(v1).toHaveAttribute('data-standing', 'facilitator', { timeout: 20_000 });
    await expect(v1.getByTestId('verdict-facilitator')).toContainText(`Facilitator: ${FACILITATOR.name}`);
    await expect(v1.getByTestId('verdict-facilitator')).toContainText(`co-facilitator: ${NORA.name}`);
  }
  // IT and OT sign, and Nora signs for the facilitator's part of the quorum.
  for (const p of [it, ot, nora]) await version(p.page, 1).getByTestId('sign').click();
  await expect(version(nora.page, 1).getByTestId('quorum-status')).toHaveText('Quorum met', { timeout: 20_000 });
  await expect(version(it.page, 1).getByTestId('seal')).toHaveCount(0);
  await version(nora.page, 1).getByTestId('seal').click();
  for (const p of [it, ot, nora]) await expect(version(p.page, 1).getByTestId('verdict-summary')).toContainText('Valid: version 1', { timeout: 20_000 });

  const pdf = await exportAs(it.page, 1, 'export-pdf', joinPath(dir, 'charter.pdf'));
  const verdict = cliVerify(pdf);
  expect(verdict.code, verdict.output).toBe(0);
  expect(verdict.output).toContain(`Facilitator: ${FACILITATOR.name}`);
  expect(verdict.output).toContain(`Co-facilitators: ${NORA.name}`);
  expect(verdict.output).toMatch(new RegExp(`Sealed by ${NORA.name}`));
  for (const p of [it, ot, nora]) expect(p.problems.filter((m) => !/WebSocket|ERR_CONNECTION/.test(m))).toEqual([]);
});

test('a handed-over workshop is run by its new facilitator, and no longer by the old one', async () => {
  test.setTimeout(180_000);
  const [ivan, olga] = await Promise.all([room.peer(), room.peer()]);
  // Ivan creates a workshop: he is its facilitator. Olga joins it.
  await startApp(ivan.page, { name: IT_PERSON.name, side: IT_PERSON.side });
  const invite = await hostWorkshop(ivan.page, 'Line 5 handover', room.server().url, undefined, IT_PERSON);
  await join(olga.page, { webLink: invite.webLink }, OT_PERSON);
  await expectConnected(ivan.page, [OT_PERSON.name]);
  await expect(bar(olga.page)).toHaveCount(0);
  await goToPhase(ivan.page, 'Frame');

  await ivan.page.getByTestId('open-facilitators').click();
  const dialog = ivan.page.getByTestId('facilitators-dialog');
  await dialog.getByTestId('facilitator-row').filter({ hasText: OT_PERSON.name }).getByTestId('hand-over').click();
  await ivan.page.getByTestId('confirm-dialog').getByRole('button', { name: `Hand over to ${OT_PERSON.name}` }).click();
  await expect(dialog).toBeHidden();

  await expect(olga.page.getByTestId('facilitator-bar')).toBeVisible({ timeout: 20_000 });
  await expect(bar(ivan.page)).toHaveCount(0);
  await expect(ivan.page.getByTestId('facilitator-key')).toContainText(`Facilitator: ${OT_PERSON.name}`);
  await olga.page.getByTestId('phase-next').click();
  for (const p of [ivan, olga]) await expect(phaseTitle(p.page)).toHaveText('Shared language');
});
