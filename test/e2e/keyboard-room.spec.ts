// A workshop in a room, with the keyboard alone on three machines: the facilitator opens the
// room and reads the invite; an IT participant arrives by the web link, an OT participant types
// the code from the first screen; all add cards and vote; the facilitator checks everyone's key
// and freezes; each signs in their own browser, so the full quorum (an IT signer, an OT signer and the facilitator) is met; the
// facilitator seals. No click anywhere: Tab, Shift+Tab, Enter, Space, arrows, Escape and typing,
// and one page.goto per machine. The participants' views (IT in dark, OT in light) pass axe.
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './fixtures/axe';
import { section } from './fixtures/boardPage';
import { activate, addCardByKeyboard, arrowToRadio, tabTo } from './fixtures/keyboard';
import { FACILITATOR, IT_PERSON, OT_PERSON, expectConnected, useRoomSuite, type Person } from './room/roomHarness';

// Three Chromiums share two cores with whatever else runs: generous waits, same assertions.
const expect = baseExpect.configure({ timeout: 20_000 });
const room = useRoomSuite();

const sideRadio = (page: Page, person: Person) => page.getByRole('radio', { name: person.side === 'facilitator' ? 'Neutral' : person.side, exact: true });
const version1 = (page: Page) => page.locator('[data-testid="charter-version"][data-version="1"]');

/** Arrives by the web link and fills the join form with the keyboard. */
async function joinByKeyboard(page: Page, webLink: string, person: Person): Promise<void> {
  await page.goto(webLink);
  const form = page.getByRole('form', { name: 'Join a workshop' });
  await activate(page, page.getByRole('link', { name: 'Skip to content' }));
  await tabTo(page, form.getByLabel('Your name'));
  await page.keyboard.type(person.name);
  await tabTo(page, form.getByRole('radio', { checked: true }));
  await arrowToRadio(page, sideRadio(page, person));
  await tabTo(page, form.getByLabel('Your role'));
  await page.keyboard.type(person.role);
  await expectNoSeriousViolations(page, `join page filled in (${person.name})`);
  // Enter in a field submits the form.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('board')).toBeVisible();
}

/**
 * Arrives with only the invite code, as someone told it aloud: the first screen's welcome offers
 * to join with an invite before any profile; the code is typed on the join page.
 */
async function joinWithCodeByKeyboard(page: Page, code: string, person: Person): Promise<void> {
  await page.goto('./');
  const welcome = page.getByRole('dialog', { name: 'Welcome to Bridgeboard' });
  await activate(page, welcome.getByRole('link', { name: 'Join a workshop with an invite' }), { back: true });
  const form = page.getByRole('form', { name: 'Join a workshop' });
  await tabTo(page, form.getByLabel('Invite link or code'));
  await page.keyboard.type(code);
  await tabTo(page, form.getByLabel('Your name'));
  await page.keyboard.type(person.name);
  await tabTo(page, form.getByRole('radio', { checked: true }));
  await arrowToRadio(page, sideRadio(page, person));
  await tabTo(page, form.getByLabel('Your role'));
  await page.keyboard.type(person.role);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('board')).toBeVisible();
}

/** Opens the charter from the board's toolbar and waits until my key is on the roster. */
async function openCharterByKeyboard(page: Page): Promise<void> {
  await activate(page, page.getByRole('button', { name: /^Charter/ }), { back: true, max: 300 });
  await expect(page.getByRole('heading', { name: /^Charter: / })).toBeVisible();
  await expect(page.getByTestId('identity-panel').getByTestId('fingerprint')).toBeVisible();
}

test('facilitator, IT and OT run a workshop in a room and sign its charter with the keyboard alone', async () => {
  test.setTimeout(300_000);
  const [fac, it, ot] = await Promise.all([room.peer(), room.peer(), room.peer()]);
  await it.page.emulateMedia({ colorScheme: 'dark' });
  await ot.page.emulateMedia({ colorScheme: 'light' });

  // The facilitator: profile, workshop, room.
  const f = fac.page;
  await f.goto('./');
  const welcome = f.getByRole('dialog', { name: 'Welcome to Bridgeboard' });
  await expect(welcome.getByLabel('Your name')).toBeFocused();
  await f.keyboard.type(FACILITATOR.name);
  await tabTo(f, welcome.getByRole('radio', { checked: true }));
  await arrowToRadio(f, sideRadio(f, FACILITATOR));
  await tabTo(f, welcome.getByLabel('Your role'));
  await f.keyboard.type(FACILITATOR.role);
  await activate(f, welcome.getByRole('button', { name: 'Save profile' }));
  await tabTo(f, f.getByLabel('New workshop title'));
  await f.keyboard.type('Line 4 in a room');
  await f.keyboard.press('Enter');
  await expect(f.getByTestId('board-title')).toHaveText('Line 4 in a room');

  await activate(f, f.getByRole('button', { name: 'Open room' }));
  const openRoom = f.getByTestId('open-room-dialog');
  await expect(openRoom.getByLabel('Signaling server address')).toBeFocused();
  await f.keyboard.type(room.server().url);
  // Enter in a field opens the room.
  await f.keyboard.press('Enter');
  const invite = f.getByTestId('invite-dialog');
  await expect(invite).toBeVisible();
  // The invite's web link is read off its field, as the facilitator would copy it.
  const webLink = await invite.getByTestId('invite-web-link').inputValue();
  const code = await invite.getByTestId('invite-code').inputValue();
  await activate(f, invite.getByRole('button', { name: 'Done' }));
  await expect(invite).toBeHidden();
  await expect(f.getByRole('button', { name: 'Invite' })).toBeFocused();

  await joinByKeyboard(it.page, webLink, IT_PERSON);
  await joinWithCodeByKeyboard(ot.page, code, OT_PERSON);
  await expectConnected(f, [IT_PERSON.name, OT_PERSON.name]);

  // Cards from everyone, each from their own keyboard.
  await addCardByKeyboard(f, 'goals', 'Keep line 4 running', 'agreed');
  await addCardByKeyboard(it.page, 'risks', 'Remote vendor access');
  await addCardByKeyboard(ot.page, 'tradeoffs', 'Patch cadence vs. shutdowns');
  for (const p of [f, it.page, ot.page]) await expect(section(p, 'tradeoffs').getByRole('button', { name: 'Patch cadence vs. shutdowns', exact: true })).toBeVisible();
  await expectNoSeriousViolations(it.page, 'board as an IT participant, dark');

  // A vote: the facilitator starts it, the participants put their dots, the facilitator reveals.
  const bar = f.getByRole('toolbar', { name: 'Facilitator controls' });
  await activate(f, bar.getByRole('button', { name: 'Start vote' }), { back: true });
  for (const p of [it.page, ot.page]) {
    const vote = p.getByRole('region', { name: 'Vote' });
    await expect(vote).toBeVisible();
    await activate(p, vote.getByRole('button', { name: 'Add a dot to “Keep line 4 running”' }), { back: true, max: 300 });
    await p.keyboard.press('Space');
    await expect(vote.getByTestId('dots-left')).toHaveText('3 of 5 dots left');
  }
  await expectNoSeriousViolations(ot.page, 'open vote as an OT participant, light');
  await expect(f.getByTestId('vote-panel')).toContainText('Ballots so far: IT 1, OT 1');
  await activate(f, bar.getByRole('button', { name: 'Reveal votes' }), { back: true });
  for (const p of [f, it.page, ot.page]) await expect(p.getByTestId('results-panel')).toContainText('Keep line 4 running');
  await expectNoSeriousViolations(it.page, 'vote results as an IT participant, dark');

  // The charter: everyone opens it; the facilitator fills the draft and checks each key.
  for (const p of [f, it.page, ot.page]) await openCharterByKeyboard(p);
  const draft = f.getByTestId('charter-draft');
  await tabTo(f, draft.getByLabel('Purpose'));
  await f.keyboard.type('How IT and OT run AI on line 4 together.');
  await tabTo(f, draft.getByLabel('Scope'));
  await f.keyboard.type('Line 4');
  await tabTo(f, draft.getByLabel('Review date'));
  await f.keyboard.type('05012027');
  await f.keyboard.press('Tab');
  await expect(draft.getByLabel('Review date')).toHaveValue('2027-05-01');
  for (const who of [FACILITATOR, IT_PERSON, OT_PERSON]) {
    const mark = f.getByRole('button', { name: `Mark ${who.name} checked` });
    await expect(mark).toBeVisible();
    await activate(f, mark);
    await expect(f.getByTestId('roster-row').filter({ hasText: who.name })).toContainText('Yes');
  }
  await activate(f, f.getByTestId('freeze'), { back: true });
  const freeze = f.getByTestId('freeze-dialog');
  await expect(freeze).toBeVisible();
  await activate(f, freeze.getByTestId('confirm-freeze'));
  await expect(freeze).toBeHidden();

  // Each signs in their own browser.
  for (const p of [it.page, ot.page, f]) {
    const sign = version1(p).getByRole('button', { name: 'Sign version 1' });
    await activate(p, sign, { max: 300 });
    await expect(version1(p).getByTestId('signed-note')).toHaveText('You signed version 1.');
  }
  await expectNoSeriousViolations(ot.page, 'signed version as an OT participant, light');
  for (const p of [f, it.page, ot.page]) await expect(version1(p).getByTestId('quorum-status')).toHaveText('Quorum met');
  await activate(f, version1(f).getByRole('button', { name: /^Seal the 3 signatures/ }), { max: 300 });
  for (const p of [f, it.page, ot.page]) await expect(version1(p).getByTestId('verdict-summary')).toContainText('Valid: version 1');
  await expectNoSeriousViolations(it.page, 'sealed charter as an IT participant, dark');
  for (const p of room.peers) expect(p.problems).toEqual([]);
});
