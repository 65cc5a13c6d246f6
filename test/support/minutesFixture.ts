// A workshop board to take minutes of, built with the board's own operations, plain English
// words for shared/minutes, and the Noto fonts read from the packages the app's build copies
// them from (as the renderer fetches them from its assets).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { addCard, buildSnapshot, deleteCard, upsertParticipant, type SectionId } from '../../shared/board';
import { initWorkshop } from '../../shared/schema';
import type { RoundResults } from '../../shared/facilitation';
import { loadMinutesFaces, type FontFace, type MinutesFontFile, type MinutesFontLoader, type MinutesInput, type MinutesWords } from '../../shared/minutes';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const TAKEN_AT = Date.UTC(2026, 11, 3, 14, 30);

/** A board with a card in every section (two in goals, one anonymous), one deleted card, and a revealed round. */
export function minutesBoard(titles: Partial<Record<SectionId, string>> = {}, parkingNote = '# not a heading <b>nor HTML</b>'): { input: MinutesInput; ids: Record<string, string> } {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Line 4 AI rollout', facilitator: 'Grace Hopper', createdAt: Date.UTC(2026, 11, 3, 9, 0) });
  upsertParticipant(doc, { id: 'p-ada', name: 'Ada Lovelace', side: 'OT', role: 'Shift lead' }, 1);
  upsertParticipant(doc, { id: 'p-alan', name: 'Alan Turing', side: 'IT', role: '' }, 2);
  const ada = { name: 'Ada Lovelace', side: 'OT' as const };
  const ids: Record<string, string> = {};
  let t = 10;
  ids.uptime = addCard(doc, { section: 'goals', fields: { title: titles.goals ?? 'Fewer unplanned stops', category: 'uptime', metric: 'Unplanned downtime per month', target: 'under 2 hours', itOwner: 'Alan Turing', otOwner: 'Ada Lovelace', reference: 'MANAGE 4.1' }, author: ada, status: 'agreed' }, t++);
  ids.anonymous = addCard(doc, { section: 'goals', fields: { title: 'Shared alarm philosophy' }, author: { name: null, side: 'IT' } }, t++);
  ids.patch = addCard(doc, { section: 'tradeoffs', fields: { title: titles.tradeoffs ?? 'Patch cadence vs. maintenance windows', itView: 'Monthly patches', otView: 'Only in the yearly shutdown\nand after a risk review', resolution: '=cmd|"/c calc"!A1' }, author: { name: 'Alan Turing', side: 'IT' } }, t++);
  ids.incentive = addCard(doc, { section: 'incentives', fields: { title: 'Shared uptime bonus', shared: 'Both sides paid on line OEE' }, author: ada, status: 'parked' }, t++);
  ids.raci = addCard(doc, { section: 'accountability', fields: { title: 'AI setpoint change causes off-spec product', accountable: 'Plant manager', responsible: 'Process engineer', responseTime: '15 minutes' }, author: ada }, t++);
  ids.risk = addCard(doc, { section: 'risks', fields: { title: 'Model pulls data through the DMZ', category: 'segmentation', safeguard: 'One-way conduit, SL 2', zoneConduit: 'conduit: historian to cloud' }, author: ada }, t++);
  ids.term = addCard(doc, { section: 'language', fields: { title: titles.language ?? 'Purdue level 3', itMeaning: 'Site operations', otMeaning: 'MES and historians' }, author: ada }, t++);
  ids.skill = addCard(doc, { section: 'skills', fields: { title: 'PLC basics for data scientists', teacher: 'Ada Lovelace', learner: 'Alan Turing' }, author: ada }, t++);
  ids.parking = addCard(doc, { section: 'parking', fields: { title: titles.parking ?? 'Who pays for the GPU servers?', note: parkingNote }, author: ada }, t++);
  ids.deleted = addCard(doc, { section: 'parking', fields: { title: 'Deleted idea' }, author: ada }, t++);
  deleteCard(doc, ids.deleted);
  const snapshot = buildSnapshot(doc);
  const results: RoundResults = {
    tallies: [
      { cardId: ids.uptime, it: 1, ot: 5, facilitator: 0, total: 6, split: true },
      { cardId: ids.raci, it: 2, ot: 2, facilitator: 1, total: 5, split: false },
    ],
    ballotsCounted: 3,
    ballotsRejected: 0,
    votersBySide: { IT: 1, OT: 1, facilitator: 1 },
  };
  const participants = [
    { name: 'Ada Lovelace', side: 'OT' as const, role: 'Shift lead' },
    { name: 'Alan Turing', side: 'IT' as const, role: '' },
  ];
  return { input: { meta: snapshot.meta, sections: snapshot.sections, participants, rounds: [{ number: 1, budget: 5, results }], takenAt: TAKEN_AT }, ids };
}

const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

export const englishWords: MinutesWords = {
  language: 'en',
  title: (title) => `Minutes: ${title}`,
  facilitator: 'Facilitator',
  created: 'Workshop created',
  taken: 'Minutes taken',
  summary: (c) => `${plural(c.agreed + c.proposed + c.parked, 'card', 'cards')}: ${c.agreed} agreed, ${c.proposed} proposed, ${c.parked} parked`,
  participants: 'Participants',
  votes: 'Votes',
  round: (r) => `Round ${r.number} (${plural(r.budget, 'dot', 'dots')} each): ${plural(r.ballotsCounted, 'ballot', 'ballots')} counted (IT ${r.votersBySide.IT}, OT ${r.votersBySide.OT})`,
  noCards: 'No cards.',
  status: 'Status',
  side: 'Side',
  author: 'Author',
  anonymous: 'anonymous',
  vote: (v) => `Round ${v.round}: ${plural(v.total, 'dot', 'dots')} (IT ${v.it}, OT ${v.ot})${v.split ? `; split: far more from ${v.it > v.ot ? 'IT' : 'OT'}` : ''}`,
  legacyDots: (n) => `${plural(n, 'dot', 'dots')} in the earlier vote`,
  sectionTitle: (s) => ({ goals: 'Common goals', tradeoffs: 'Trade-offs', incentives: 'Incentives', accountability: 'Accountability', risks: 'Risks and safeguards', language: 'Shared language', skills: 'Skills', parking: 'Parking lot' })[s],
  fieldLabel: (_s, key) => key,
  fieldValue: (_s, _key, value) => value,
  statusLabel: (s) => s[0]?.toUpperCase() + s.slice(1),
  sideLabel: (s) => (s === 'facilitator' ? 'Facilitator' : s),
  date: (ms) => new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
  page: (p, n) => `page ${p} of ${n}`,
  csv: { section: 'Section', number: 'No.', title: 'Title', roundTotal: (n) => `Round ${n}: dots`, roundSide: (n, s) => `Round ${n}: ${s}`, legacyDots: 'Dots in the earlier vote' },
};

/** The font files, from the packages the app's build copies them from. */
export const FONT_FILES: Readonly<Record<MinutesFontFile, string>> = {
  'NotoSans-Regular': '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  'NotoSans-Bold': '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  'NotoSansSC-Regular': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
};

/** Reads the fonts from node_modules, and counts what it read. */
export function diskFontLoader(read: MinutesFontFile[] = []): MinutesFontLoader {
  return async (file) => {
    read.push(file);
    return new Uint8Array(readFileSync(join(root, 'node_modules', FONT_FILES[file])));
  };
}

/** The faces `text` needs, read from node_modules. */
export function facesFromDisk(text: { regular: string; bold: string }): Promise<FontFace[]> {
  return loadMinutesFaces(text, diskFontLoader());
}
