// Minutes figures: Markdown + CSV and the PDF of a 200-card and a 2,000-card board, in English
// and in Chinese (Noto Sans SC read and subset too), in Node. Run: npx tsx bench/minutesBench.ts
import * as Y from 'yjs';
import { addCard, buildSnapshot, type SectionId } from '../shared/board';
import { initWorkshop } from '../shared/schema';
import { minutesPdfText, renderMinutesCsv, renderMinutesMarkdown, renderMinutesPdf, type MinutesInput } from '../shared/minutes';
import { englishWords, facesFromDisk } from '../test/support/minutesFixture';
import { report, time, timeAsync } from './benchUtil';

function board(cards: number, chinese: boolean): MinutesInput {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Line 4', facilitator: 'Grace', createdAt: 1 });
  const sections: SectionId[] = ['goals', 'tradeoffs', 'risks', 'parking'];
  for (let i = 0; i < cards; i++) {
    const title = chinese ? `第${i}张卡片：减少非计划停机并提高整体设备效率` : `Card ${i}: fewer unplanned stops and better OEE`;
    const note = (chinese ? '这是一个较长的说明，用于测试换行和分页。' : 'A longer note that wraps over the page width and breaks pages. ').repeat(3);
    addCard(doc, { section: sections[i % 4] ?? 'parking', fields: i % 4 === 3 ? { title, note } : { title }, author: { name: 'Ada', side: 'OT' } }, i + 2);
  }
  const s = buildSnapshot(doc);
  return { meta: s.meta, sections: s.sections, participants: [], rounds: [], takenAt: 1 };
}

const rows: [string, string][] = [];
for (const cards of [200, 2000]) {
  for (const chinese of [false, true]) {
    const input = board(cards, chinese);
    const label = `${cards} cards, ${chinese ? 'Chinese' : 'English'}`;
    const text = time(() => renderMinutesMarkdown(input, englishWords).length + renderMinutesCsv(input, englishWords).length);
    const pdf = await timeAsync(async () => renderMinutesPdf(input, englishWords, await facesFromDisk(minutesPdfText(input, englishWords))));
    rows.push([`${label}: Markdown + CSV`, `${text.ms.toFixed(0)} ms`]);
    rows.push([`${label}: PDF`, `${pdf.ms.toFixed(0)} ms, ${(pdf.value.length / 1024).toFixed(0)} KiB`]);
  }
}
report(rows);
