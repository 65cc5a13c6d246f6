// Facilitation across separate browsers over real WebRTC and the real signaling server: the
// facilitator's phases, agenda edits, timer, votes, anonymity, bring-everyone and follow reach everyone; a
// participant who picked the neutral side gets no facilitator control; and peers whose clocks are
// minutes off show the same remaining time. Actions forced through a modified app:
// facilitation-room-forgery.spec.ts.
import { expect, test } from '@playwright/test';
import type { SignalingServer } from '../../electron/main/signaling/signalingServer';
import { FACILITATOR, IT_PERSON, OT_PERSON, addTitledCard, cardTitled, expectConnected, hostWorkshop, join, launchPeer, startSignaling, type Peer } from './room/roomHarness';
import { goToPhase, phaseTitle, timerSeconds } from './facilitation/facilitationHelpers';
import { skewClock } from './facilitation/skewedClock';

test.describe.configure({ mode: 'serial' });

let server: SignalingServer;
const peers: Peer[] = [];
let fac: Peer;
let it: Peer;
let ot: Peer;
let webLink = '';

test.beforeAll(async () => {
  server = await startSignaling();
});
test.afterAll(async () => {
  await Promise.all(peers.map((p) => p.close()));
  await server.close();
});

async function peer(skewMs = 0): Promise<Peer> {
  const p = await launchPeer();
  peers.push(p);
  if (skewMs !== 0) await skewClock(p.page, skewMs);
  return p;
}

const everyone = () => [fac, it, ot];

test('everyone joins; the facilitator’s key is pinned by every peer', async () => {
  test.setTimeout(120_000);
  // IT's clock is 97 s slow, OT's 4 min 13 s fast.
  [fac, it, ot] = await Promise.all([peer(), peer(-97_000), peer(253_000)]);
  ({ webLink } = await hostWorkshop(fac.page, 'Line 4 facilitation', server.url));
  // Every moment the follow switch says the facilitator is away while the participants panel
  // lists them online, from the first frame on.
  await it.page.addInitScript((name) => {
    const seen: string[] = [];
    (window as unknown as { awayWhileOnline: string[] }).awayWhileOnline = seen;
    const check = () => {
      const away = document.querySelector('.follow-toggle')?.textContent?.includes('(not here now)');
      const online = [...document.querySelectorAll('[data-testid="participant"]')].some((p) => p.textContent?.includes(name) && p.querySelector('[data-testid="participant-state"]')?.textContent === 'online');
      if (away && online) seen.push(new Date().toISOString());
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  }, FACILITATOR.name);
  await join(it.page, { webLink }, IT_PERSON);
  await join(ot.page, { webLink }, OT_PERSON);
  await expectConnected(fac.page, [IT_PERSON.name, OT_PERSON.name]);
  for (const p of [it, ot]) {
    await expect(p.page.getByTestId('phase-title')).toHaveText('Agenda not started');
    // Participants get no controls, and can follow the facilitator by name.
    await expect(p.page.getByRole('toolbar', { name: 'Facilitator controls' })).toHaveCount(0);
    await expect(p.page.getByText(`Follow ${FACILITATOR.name}`)).toBeVisible();
    // The pinned key's fingerprint, to compare aloud with the facilitator.
    await expect(p.page.getByTestId('facilitator-key')).toHaveText(new RegExp(`^Facilitator: ${FACILITATOR.name}, key \\d{5}( \\d{5}){5}$`));
  }
  expect(await it.page.getByTestId('facilitator-key').textContent()).toBe(await ot.page.getByTestId('facilitator-key').textContent());
  await expect(it.page.getByText(`Follow ${FACILITATOR.name}`)).not.toContainText('not here now');
  expect(await it.page.evaluate(() => (window as unknown as { awayWhileOnline: string[] }).awayWhileOnline)).toEqual([]);
});

test('anonymous ideation: a card added by IT reaches OT without any name', async () => {
  await addTitledCard(it.page, 'tradeoffs', 'Tension', 'Patch cadence vs. maintenance windows');
  await addTitledCard(ot.page, 'tradeoffs', 'Tension', 'Remote vendor access');
  await expect(cardTitled(ot.page, 'Patch cadence vs. maintenance windows').locator('.card-author')).toHaveText(IT_PERSON.name);
  await fac.page.getByTestId('anonymous-toggle').click();
  for (const p of everyone()) await expect(p.page.getByTestId('anonymous-badge')).toBeVisible();
  await addTitledCard(it.page, 'goals', 'Goal', 'Joint on-call rota');
  for (const p of everyone()) {
    await expect(cardTitled(p.page, 'Joint on-call rota')).toBeVisible();
    // (IT's presence marker may sit on the card; the author line is what must be absent.)
    await expect(cardTitled(p.page, 'Joint on-call rota').locator('.card-author')).toHaveCount(0);
    await expect(cardTitled(p.page, 'Joint on-call rota').getByTestId('card-side')).toHaveText('IT');
  }
  await fac.page.getByTestId('anonymous-toggle').click();
  for (const p of everyone()) await expect(p.page.getByTestId('anonymous-badge')).toHaveCount(0);
});

test('the facilitator moves everyone through the phases; closed sections are read-only for participants', async () => {
  await goToPhase(fac.page, 'Trade-offs');
  for (const p of [it, ot]) {
    await expect(phaseTitle(p.page)).toHaveText('Trade-offs');
    await expect(p.page.getByTestId('phase-prompts')).toContainText('IEC 62443');
    await expect(p.page.getByTestId('section-closed-goals')).toHaveText('Read-only in this phase');
    await expect(p.page.getByTestId('add-card-goals')).toBeDisabled();
    await expect(p.page.getByTestId('add-card-tradeoffs')).toBeEnabled();
    await expect(cardTitled(p.page, 'Joint on-call rota').getByRole('button', { name: 'Delete' })).toBeDisabled();
  }
  // Keyboard moves into a closed section are refused with the reason.
  await cardTitled(it.page, 'Patch cadence vs. maintenance windows').getByRole('button', { name: 'Patch cadence vs. maintenance windows' }).focus();
  await it.page.keyboard.press('Alt+ArrowLeft');
  await expect(it.page.getByText(/Common goals is closed during the “Trade-offs” phase/)).toBeVisible();
  await expect(cardTitled(fac.page, 'Patch cadence vs. maintenance windows')).toHaveCount(1);
  await expect(fac.page.getByTestId('section-tradeoffs').getByTestId('card')).toHaveCount(2);
});

test('a participant who picked the side “Neutral” (the former “Facilitator”) gets no facilitator control anywhere', async () => {
  test.setTimeout(120_000);
  const mallory = await peer();
  await join(mallory.page, { webLink }, { name: 'Mallory Co-facilitator', side: 'facilitator', role: 'Self-appointed' });
  await expect(phaseTitle(mallory.page)).toHaveText('Trade-offs');
  // No phase, timer, vote or agenda controls: the side grants nothing; the workshop's key decides.
  await expect(mallory.page.getByRole('toolbar', { name: 'Facilitator controls' })).toHaveCount(0);
  await expect(mallory.page.getByTestId('facilitator-key')).toContainText(`Facilitator: ${FACILITATOR.name}`);
  // Nor in the charter: no freeze, no quorum to change, no key to mark checked, nothing to seal.
  await mallory.page.getByTestId('open-charter').click();
  await expect(mallory.page.getByTestId('charter-draft')).toContainText('The facilitator (or a co-facilitator with the right) sets the quorum');
  await expect(mallory.page.getByTestId('freeze')).toHaveCount(0);
  await expect(mallory.page.getByTestId('quorum-settings').getByLabel('IT signers at least')).toBeDisabled();
  await expect(mallory.page.getByRole('button', { name: /^Mark .* checked$/ })).toHaveCount(0);
  await expect(mallory.page.getByTestId('seal')).toHaveCount(0);
  await mallory.close();
  peers.splice(peers.indexOf(mallory), 1);
});

test('the timer shows the same time on peers whose clocks are minutes off', async () => {
  test.setTimeout(90_000);
  await fac.page.getByTestId('timer-start').click();
  // Each peer needs a presence message or two from the facilitator to learn the offset.
  await expect
    .poll(async () => {
      const [f, i, o] = await Promise.all(everyone().map((p) => timerSeconds(p.page)));
      return Math.max(Math.abs((f ?? 0) - (i ?? 0)), Math.abs((f ?? 0) - (o ?? 0)));
    }, { timeout: 20_000 })
    .toBeLessThanOrEqual(1);
  // And it stays so: several readings over a few seconds.
  for (let n = 0; n < 4; n++) {
    const [f, i, o] = await Promise.all(everyone().map((p) => timerSeconds(p.page)));
    expect(Math.abs((f ?? 0) - (i ?? 0)), `IT shows ${i}, facilitator ${f}`).toBeLessThanOrEqual(1);
    expect(Math.abs((f ?? 0) - (o ?? 0)), `OT shows ${o}, facilitator ${f}`).toBeLessThanOrEqual(1);
    expect(f).toBeGreaterThan(29 * 60 - 30);
    await fac.page.waitForTimeout(1_000);
  }
  await fac.page.getByTestId('timer-pause').click();
  for (const p of [it, ot]) await expect(p.page.getByTestId('timer')).toContainText('(paused)');
  await fac.page.getByTestId('timer-stop').click();
  for (const p of [it, ot]) await expect(p.page.getByTestId('timer')).toHaveCount(0);
});

test('bring everyone here, and following the facilitator', async () => {
  await fac.page.getByTestId('bring-section').selectOption('risks');
  await fac.page.getByTestId('bring-everyone').click();
  for (const p of [it, ot]) await expect(p.page.getByTestId('section-risks').locator('h2')).toBeFocused();

  await it.page.getByTestId('follow-toggle').check();
  await cardTitled(fac.page, 'Remote vendor access').getByRole('button', { name: 'Remote vendor access' }).focus();
  await expect(cardTitled(it.page, 'Remote vendor access').getByRole('button', { name: 'Remote vendor access' })).toBeFocused();
  // OT does not follow, so OT stays where it was.
  await expect(ot.page.getByTestId('section-risks').locator('h2')).toBeFocused();
  await it.page.getByTestId('follow-toggle').uncheck();
  await cardTitled(fac.page, 'Joint on-call rota').getByRole('button', { name: 'Joint on-call rota' }).focus();
  await it.page.waitForTimeout(1_500);
  // Having stopped following, IT stays on the switch it just used.
  await expect(cardTitled(it.page, 'Joint on-call rota').getByRole('button', { name: 'Joint on-call rota' })).not.toBeFocused();
  await expect(it.page.getByTestId('follow-toggle')).toBeFocused();
});

test('votes stay hidden until revealed; results show IT and OT apart; the winner becomes agreed everywhere', async () => {
  test.setTimeout(90_000);
  await goToPhase(fac.page, 'Vote');
  await fac.page.getByTestId('vote-budget').fill('3');
  await fac.page.getByTestId('vote-start').click();
  const row = (p: Peer, title: string) => p.page.getByTestId('vote-panel').getByTestId('vote-row').filter({ hasText: title });
  for (let n = 0; n < 3; n++) await row(it, 'Patch cadence vs. maintenance windows').getByTestId('vote-plus').click();
  await expect(it.page.getByTestId('dots-left')).toHaveText('0 of 3 dots left');
  await expect(row(it, 'Remote vendor access').getByTestId('vote-plus')).toBeDisabled();
  await row(ot, 'Remote vendor access').getByTestId('vote-plus').click();
  await row(ot, 'Remote vendor access').getByTestId('vote-plus').click();
  await row(ot, 'Patch cadence vs. maintenance windows').getByTestId('vote-plus').click();
  await expect(fac.page.getByTestId('vote-panel')).toContainText('Ballots so far: IT 1, OT 1');
  // Hidden: nobody has results before the reveal.
  for (const p of everyone()) await expect(p.page.getByTestId('results-panel')).toHaveCount(0);
  await fac.page.getByTestId('vote-reveal').click();
  for (const p of everyone()) {
    const results = p.page.getByTestId('results-panel');
    const patch = results.getByTestId('result-row').filter({ hasText: 'Patch cadence vs. maintenance windows' });
    await expect(patch.getByTestId('result-it')).toHaveText('3');
    await expect(patch.getByTestId('result-ot')).toHaveText('1');
    await expect(patch.getByTestId('split-badge')).toContainText('IT much more');
    await expect(results.getByTestId('result-row').filter({ hasText: 'Remote vendor access' }).getByTestId('result-ot')).toHaveText('2');
    await expect(p.page.getByTestId('vote-panel')).toHaveCount(0);
  }
  await fac.page.getByTestId('results-panel').getByTestId('result-row').filter({ hasText: 'Patch cadence vs. maintenance windows' }).getByTestId('make-agreed').click();
  for (const p of everyone()) await expect(cardTitled(p.page, 'Patch cadence vs. maintenance windows').getByTestId('card-status')).toHaveText(/agreed/i);
});

test('the balance view shows contributions and votes by side on every peer', async () => {
  for (const p of [it, ot]) {
    await p.page.getByTestId('balance-details').locator('summary').click();
    await expect(p.page.getByTestId('chart-contributions').getByRole('img')).toHaveAttribute('aria-label', 'Cards by side: IT 2, OT 1, Neutral 0');
    await expect(p.page.getByTestId('chart-votes').getByRole('img')).toHaveAttribute('aria-label', 'Dots by side (revealed): IT 3, OT 3, Neutral 0');
    await expect(p.page.getByTestId('coverage-gap').filter({ hasText: 'OT is silent in Common goals.' })).toBeVisible();
  }
  for (const p of everyone()) expect(p.problems).toEqual([]);
});

test('an agenda edited by the facilitator applies for everyone', async () => {
  await fac.page.getByTestId('edit-agenda').click();
  const dialog = fac.page.getByTestId('agenda-editor');
  await dialog.getByTestId('agenda-phase-title').nth(6).fill('Dot vote');
  await dialog.getByTestId('agenda-apply').click();
  await expect(dialog).toBeHidden();
  for (const p of everyone()) await expect(phaseTitle(p.page)).toHaveText('Dot vote');
});
