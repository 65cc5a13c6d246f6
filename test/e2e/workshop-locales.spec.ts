// A short workshop run in German and in Chinese (issue 14): the browser's language and time
// zone are the facilitator's, nothing is picked. Cards on the board, a dot vote (start, cast,
// reveal, make the winner agreed), then the charter as one person can take it to the end:
// freeze, sign, seal. Each step asserts the words a German or Chinese facilitator reads, the
// signing time is local with its UTC offset, and axe finds no serious or critical violation on
// the board, the vote, the results, the freeze dialog and the charter page. Controls are found
// by test id, so the same steps run in both languages.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './fixtures/axe';

interface Wording {
  readonly lang: string;
  readonly locale: string;
  readonly timeZone: string;
  readonly offset: string;
  readonly name: string;
  readonly workshop: string;
  readonly cards: readonly [string, string];
  readonly agendaNotStarted: string;
  readonly facilitatorControls: string;
  readonly voteHeading: string;
  readonly dotsLeft: (left: number, budget: number) => string;
  readonly resultsHeading: string;
  readonly counted: string;
  readonly charterButton: string;
  readonly charterTitle: string;
  readonly finding: string;
  readonly freezeTitle: string;
  readonly freezeFirst: string;
  readonly documentLanguage: string;
  readonly charterTextHeading: string;
  readonly signButton: string;
  readonly signedNote: string;
  readonly quorumMet: string;
  readonly sealButton: string;
  readonly sealed: string;
  readonly valid: string;
}

const GERMAN: Wording = {
  lang: 'de',
  locale: 'de-DE',
  timeZone: 'Europe/Berlin',
  offset: '(UTC+01:00)',
  name: 'Jürgen Łódź',
  workshop: 'Werk Győr: KI an Linie 4',
  cards: ['Ungeplante Stillstände halbieren', 'Ausschuss unter 1 % senken'],
  agendaNotStarted: 'Agenda nicht gestartet',
  facilitatorControls: 'Moderationssteuerung',
  voteHeading: 'Abstimmung',
  dotsLeft: (left, budget) => `${left} von ${budget} Punkten übrig`,
  resultsHeading: 'Abstimmungsergebnis',
  counted: '1 Stimmzettel gezählt',
  charterButton: 'Charta',
  charterTitle: 'Charta: Werk Győr: KI an Linie 4',
  finding: 'Auf der Teilnehmerliste steht niemand aus der OT.',
  freezeTitle: 'Version 1 einfrieren?',
  freezeFirst: 'Die erste Version: 1 vereinbarter Punkt, 1 Person auf der Teilnehmerliste.',
  documentLanguage: 'Dokumentsprache: Deutsch',
  charterTextHeading: 'Zweck',
  signButton: 'Version 1 unterschreiben',
  signedNote: 'Sie haben Version 1 unterschrieben.',
  quorumMet: 'Quorum erreicht',
  sealButton: 'Die Unterschrift versiegeln',
  sealed: 'Von der Moderation versiegelt',
  valid: 'Gültig: Version 1 von',
};

const CHINESE: Wording = {
  lang: 'zh-Hans',
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  offset: '（UTC+08:00）',
  name: '王小明',
  workshop: '四号工厂人工智能章程',
  cards: ['非计划停机减半', '废品率降到 1% 以下'],
  agendaNotStarted: '议程尚未开始',
  facilitatorControls: '引导师控制',
  voteHeading: '投票',
  dotsLeft: (left, budget) => `剩余 ${left}/${budget} 点`,
  resultsHeading: '投票结果',
  counted: '计入 1 张选票',
  charterButton: '章程',
  charterTitle: '章程：四号工厂人工智能章程',
  finding: '参与者名单上没有 OT 参与者。',
  freezeTitle: '冻结版本 1？',
  freezeFirst: '第一个版本：1 个已达成一致的条目，名单上共 1 人。',
  documentLanguage: '文档语言：简体中文',
  charterTextHeading: '目的',
  signButton: '签署版本 1',
  signedNote: '您已签署版本 1。',
  quorumMet: '已达到法定人数',
  sealButton: '为 1 个签名盖章',
  sealed: '已由引导师盖章',
  valid: '有效：',
};

async function addCard(page: Page, section: string, title: string): Promise<void> {
  await page.getByTestId(`add-card-${section}`).click();
  const editor = page.getByTestId('card-editor');
  await editor.locator('[data-field="title"]').fill(title);
  await editor.locator('button[type="submit"]').click();
  await expect(editor).toBeHidden();
}

for (const w of [GERMAN, CHINESE]) {
  test.describe(`a workshop in ${w.lang}`, () => {
    test.use({ locale: w.locale, timezoneId: w.timeZone });

    test(`board, vote and charter speak ${w.lang}, with no serious axe violation`, async ({ page }) => {
      test.setTimeout(150_000);
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));

      // The browser's language, not a pick: the welcome dialog is already in it.
      await page.goto('./');
      await expect(page.locator('html')).toHaveAttribute('lang', w.lang);
      const welcome = page.getByTestId('profile-dialog');
      await welcome.locator('input[autocomplete="name"]').fill(w.name);
      await welcome.locator('input[value="facilitator"]').check();
      await welcome.locator('button[type="submit"]').click();
      await expect(welcome).toBeHidden();
      await page.locator('#new-workshop-title').fill(w.workshop);
      await page.locator('.create-workshop button[type="submit"]').click();
      await expect(page.getByTestId('board-title')).toHaveText(w.workshop);

      // The board with the facilitator's controls; two proposals.
      await addCard(page, 'goals', w.cards[0]);
      await addCard(page, 'goals', w.cards[1]);
      await expect(page.getByTestId('phase-title')).toHaveText(w.agendaNotStarted);
      await expect(page.getByRole('toolbar', { name: w.facilitatorControls })).toBeVisible();
      await expectNoSeriousViolations(page, `${w.lang}: board with facilitation`);

      // A dot vote: start with 3 dots, put 2 on the first card, reveal.
      await page.getByTestId('vote-budget').fill('3');
      await page.getByTestId('vote-start').click();
      const vote = page.getByTestId('vote-panel');
      await expect(vote.getByRole('heading', { name: w.voteHeading, exact: true })).toBeVisible();
      await expect(vote.getByTestId('dots-left')).toHaveText(w.dotsLeft(3, 3));
      const first = vote.getByTestId('vote-row').filter({ hasText: w.cards[0] });
      await first.getByTestId('vote-plus').click();
      await expect(vote.getByTestId('dots-left')).toHaveText(w.dotsLeft(2, 3));
      await first.getByTestId('vote-plus').click();
      await expect(vote.getByTestId('dots-left')).toHaveText(w.dotsLeft(1, 3));
      await expect(first.getByTestId('vote-mine')).toHaveText('●●');
      await expectNoSeriousViolations(page, `${w.lang}: open vote`);
      await page.getByTestId('vote-reveal').click();
      const results = page.getByTestId('results-panel');
      await expect(results.getByRole('heading', { name: w.resultsHeading })).toBeVisible();
      await expect(results).toContainText(w.counted);
      const winner = results.getByTestId('result-row').filter({ hasText: w.cards[0] });
      await expect(winner.getByTestId('result-total')).toHaveText('2');
      await expectNoSeriousViolations(page, `${w.lang}: vote results`);
      await winner.getByTestId('make-agreed').click();
      await expect(winner.getByTestId('make-agreed')).toHaveCount(0);

      // The charter: one agreed card, a quorum for one person (with its reason), freeze, sign, seal.
      await expect(page.getByTestId('open-charter')).toHaveText(w.charterButton);
      await page.getByTestId('open-charter').click();
      await expect(page.getByRole('heading', { name: w.charterTitle })).toBeVisible();
      await expect(page.getByTestId('findings')).toContainText(w.finding);
      await page.locator('#charter-purpose').fill(w.workshop);
      await page.locator('#charter-reviewDate').fill('2027-05-01');
      await page.locator('#charter-reviewDate').blur();
      const quorum = page.getByTestId('quorum-settings');
      await quorum.getByTestId('quorum-it').fill('0');
      await quorum.getByTestId('quorum-ot').fill('0');
      await quorum.getByTestId('quorum-reason').fill(w.name);
      await quorum.getByTestId('quorum-apply').click();
      await expect(quorum.getByTestId('quorum-apply')).toBeHidden();
      const me = page.getByTestId('roster-row').filter({ hasText: w.name });
      await me.getByRole('button').click();
      await expect(page.getByTestId('charter-language')).toHaveValue(w.lang);
      await expectNoSeriousViolations(page, `${w.lang}: charter draft`);

      await page.getByTestId('freeze').click();
      const dialog = page.getByTestId('freeze-dialog');
      await expect(dialog.getByRole('heading', { name: w.freezeTitle })).toBeVisible();
      await expect(dialog).toContainText(w.freezeFirst);
      await expect(dialog.getByTestId('freeze-language')).toHaveText(w.documentLanguage);
      await expectNoSeriousViolations(page, `${w.lang}: freeze dialog`, '[data-testid="freeze-dialog"]');
      await dialog.getByTestId('confirm-freeze').click();
      await expect(dialog).toBeHidden();

      const v1 = page.locator('[data-testid="charter-version"][data-version="1"]');
      // What the signer reads is the version in its document language, marked as such.
      await expect(v1.getByTestId('charter-text')).toHaveAttribute('lang', w.lang);
      await expect(v1.getByTestId('charter-text').locator('dt').first()).toHaveText(w.charterTextHeading);
      await expect(v1.getByTestId('sign')).toHaveText(w.signButton);
      await v1.getByTestId('sign').click();
      await expect(v1.getByTestId('signed-note')).toHaveText(w.signedNote);
      // Signed now, shown in this person's zone with its offset.
      await expect(v1.getByTestId('signer')).toContainText(w.offset);
      await expect(v1.getByTestId('signer')).toContainText(w.name);
      await expect(v1.getByTestId('quorum-status')).toHaveText(w.quorumMet);
      await expect(v1.getByTestId('seal')).toHaveText(w.sealButton);
      await v1.getByTestId('seal').click();
      await expect(v1.getByTestId('seal-status').first()).toHaveText(w.sealed);
      await expect(v1.getByTestId('verdict-summary')).toContainText(w.valid);
      await expectNoSeriousViolations(page, `${w.lang}: sealed charter`);
      expect(problems).toEqual([]);
    });
  });
}
