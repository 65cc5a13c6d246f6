// The minutes in the reader's language, with the catalog's words (the renderer's minutesWords):
// Polish plurals and Chinese text in the Markdown, and a Chinese PDF whose text poppler reads
// back in the Noto faces the app ships.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { minutesPdfText, renderMinutesMarkdown, renderMinutesPdf } from '../../../shared/minutes';
import { currentFormat, setLocale, setTimeZone, t } from '../../../renderer/src/core/i18n';
import { minutesFileName, minutesWords } from '../../../renderer/src/features/minutes';
import { facesFromDisk, minutesBoard } from '../../support/minutesFixture';

const dir = mkdtempSync(join(tmpdir(), 'bb-minutes-words-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await setLocale('en');
  setTimeZone(null);
});

describe('the minutes in the reader language', () => {
  it('speaks Polish, with its plural forms, section names and field labels', async () => {
    await setLocale('pl');
    setTimeZone('Europe/Warsaw');
    const md = renderMinutesMarkdown(minutesBoard().input, minutesWords(t, currentFormat()));
    expect(md).toMatch(/^# Protokół: Line 4 AI rollout\n/);
    expect(md).toContain('- 9 kart: uzgodnione 1, zaproponowane 7, odłożone 1');
    expect(md).toContain('## 8. Parking tematów');
    expect(md).toContain('- Runda 1: 6 punktów (IT 1, OT 5); podział: znacznie więcej od OT');
    expect(md).toContain('Autor: *anonimowo*');
    expect(md).toContain('3 grudnia 2026');
    expect(minutesFileName('Linia 4: AI/ML?', 'md')).toBe('Linia 4 AI ML - protokół.md');
  });

  it('writes a Chinese PDF that reads back as written', async () => {
    await setLocale('zh-Hans');
    setTimeZone('Asia/Shanghai');
    const words = minutesWords(t, currentFormat());
    const { input } = minutesBoard({ parking: '谁来支付服务器的费用？' });
    const pdf = await renderMinutesPdf(input, words, await facesFromDisk(minutesPdfText(input, words)));
    const file = join(dir, 'zh.pdf');
    writeFileSync(file, pdf);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    for (const s of ['会议纪要：Line 4 AI rollout', '1. 共同目标', '8. 议题停车场', '谁来支付服务器的费用？', '第 1 页，共']) expect(text).toContain(s);
    expect(text).not.toContain('\ufffd');
  });
});
