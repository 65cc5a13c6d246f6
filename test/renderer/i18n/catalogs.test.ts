// The catalogs: every language has every message English has, no more, and each says the same
// things with it: the same placeholders of the same kinds, the same tags, the same select
// branches, and plural branches for exactly the categories that language needs (Polish one,
// few, many and other; Chinese other alone). The board's words that shared/ names by id
// (sections, fields, hints, choices, error reasons) all have a message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { SECTIONS } from '../../../shared/board';
import { CATALOG_LOCALES, type CatalogLocale } from '../../../renderer/src/core/i18n/locales';

const catalog = (locale: CatalogLocale): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../../../renderer/src/core/i18n/locales/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const en = catalog('en');

/** What a message does with its values: "name:kind", "tag:<name>", "select:name=a|b", "plural:name". */
function shape(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument) out.add(`${el.value}:text`);
    else if (el.type === TYPE.number) out.add(`${el.value}:number`);
    else if (el.type === TYPE.date || el.type === TYPE.time) out.add(`${el.value}:date`);
    else if (el.type === TYPE.tag) {
      out.add(`tag:${el.value}`);
      shape(el.children, out);
    } else if (el.type === TYPE.select) {
      out.add(`select:${el.value}=${Object.keys(el.options).sort().join('|')}`);
      for (const o of Object.values(el.options)) shape(o.value, out);
    } else if (el.type === TYPE.plural) {
      out.add(`plural:${el.value}`);
      for (const o of Object.values(el.options)) shape(o.value, out);
    }
  }
  return out;
}

/** The plural categories each plural argument of a message offers, by argument. */
function pluralBranches(elements: MessageFormatElement[], out: [string, string[]][] = []): [string, string[]][] {
  for (const el of elements) {
    if (el.type === TYPE.plural) out.push([el.value, Object.keys(el.options).filter((k) => !k.startsWith('='))]);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) pluralBranches(o.value, out);
    if (el.type === TYPE.tag) pluralBranches(el.children, out);
  }
  return out;
}

describe.each(CATALOG_LOCALES.filter((l) => l !== 'en'))('the %s catalog', (locale) => {
  const messages = catalog(locale);
  const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.slice().sort();

  it('has every English key and no other', () => {
    expect(Object.keys(messages).filter((k) => !(k in en))).toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in messages))).toEqual([]);
  });

  it('uses the same placeholders, tags and select branches as English in every message', () => {
    const differ = Object.keys(en).filter((key) => {
      const theirs = messages[key];
      return theirs === undefined || [...shape(parse(theirs))].sort().join() !== [...shape(parse(en[key] ?? ''))].sort().join();
    });
    expect(differ).toEqual([]);
  });

  it(`gives every plural exactly the categories ${locale} needs (${needed.join(', ')})`, () => {
    const wrong: string[] = [];
    for (const [key, text] of Object.entries(messages)) {
      for (const [arg, branches] of pluralBranches(parse(text))) {
        if (branches.slice().sort().join() !== needed.join()) wrong.push(`${key} {${arg}}: ${branches.join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('translates what a reader reads (only names, codes and numbers may stay as in English)', () => {
    // Messages that are the same in every language: the product name, sides, symbols, formats.
    const same = Object.keys(en).filter((k) => messages[k] === en[k] && /\p{L}{4,}/u.test(en[k] ?? ''));
    const allowed = ['app.name', 'app.profileButton', 'time.withOffset', 'history.entry', 'history.entry.kindWho', 'room.open.signalingPlaceholder', 'room.open.webOriginPlaceholder', 'room.ice.urlsPlaceholder', 'charter.sideAndRole', 'charter.version.heading', 'facilitation.chart.label', 'facilitation.bar.extend'];
    const allowedByLocale: Partial<Record<CatalogLocale, string[]>> = {
      de: ['board.editor.status', 'board.field.skills.plan', 'board.subject.participantName', 'board.toolbar.label', 'workshops.heading', 'board.toolbar.back', 'board.side.facilitator', 'minutes.doc.status', 'room.open.port', 'room.invite.code', 'room.participant.online', 'charter.page.back', 'charter.roster.name', 'facilitation.agenda.title', 'facilitation.agenda.phase', 'facilitation.bar.phase', 'facilitation.bar.agenda'],
      fr: ['board.choice.performance', 'board.choice.segmentation', 'board.editor.section', 'board.field.tradeoffs.title', 'board.field.parking.note', 'board.field.skills.plan', 'board.section.parking.title', 'minutes.doc.participants', 'minutes.doc.votes', 'minutes.csv.section', 'room.open.port', 'room.invite.code', 'room.participants.title', 'charter.verdict.signatures', 'facilitation.agenda.phase', 'facilitation.agenda.minutes', 'facilitation.bar.pause', 'facilitation.bar.section', 'facilitation.rightName.votes', 'facilitation.people.facilitation', 'facilitation.results.total', 'facilitation.results.action', 'facilitation.vote.heading', 'facilitation.builtIn.vote.title'],
      es: ['board.field.skills.plan', 'board.side.facilitator', 'facilitation.bar.agenda', 'facilitation.results.total'],
      pl: ['board.editor.status', 'board.field.skills.plan', 'minutes.doc.status', 'room.open.port', 'room.participant.online', 'facilitation.bar.agenda'],
    };
    expect(same.filter((k) => !allowed.includes(k) && !(allowedByLocale[locale] ?? []).includes(k))).toEqual([]);
  });
});

describe('the English catalog', () => {
  it('parses, and uses only the plural categories English has', () => {
    for (const [key, text] of Object.entries(en)) {
      for (const [arg, branches] of pluralBranches(parse(text))) expect(branches.sort(), `${key} {${arg}}`).toEqual(['one', 'other']);
    }
  });

  it("names every section, field, hint and choice of shared/board's template", () => {
    const missing: string[] = [];
    const has = (...keys: string[]) => keys.some((k) => k in en);
    for (const section of SECTIONS) {
      if (!has(`board.section.${section.id}.title`)) missing.push(`${section.id} title`);
      if (!has(`board.section.${section.id}.purpose`)) missing.push(`${section.id} purpose`);
      for (const field of section.fields) {
        if (!has(`board.field.${section.id}.${field.key}`, `board.field.${field.key}`)) missing.push(`${section.id}.${field.key} label`);
        if (field.hint && !has(`board.hint.${section.id}.${field.key}`, `board.hint.${field.key}`)) missing.push(`${section.id}.${field.key} hint`);
        for (const option of field.options ?? []) if (!has(`board.choice.${option}`)) missing.push(`choice ${option}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
