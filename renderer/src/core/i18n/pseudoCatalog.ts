// Builds the pseudo-locale (en-XA) from the English catalog: the text of every message, and of
// every plural or select branch and rich-text tag inside it, accented; the message bracketed
// and padded by about 30%, as longer languages (German, Polish) are. Placeholders, plural
// categories and tags stay as they are, so every message still formats. Loaded only when
// someone picks the pseudo-locale.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { accent } from './pseudoText';
import type { Catalog, MessageKey } from './catalogs';

function accentAll(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: accent(el.value) };
    if (el.type === TYPE.tag) return { ...el, children: accentAll(el.children) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: accentAll(o.value) }]));
      return { ...el, options } as MessageFormatElement;
    }
    return el;
  });
}

/** About 30% more characters than the literal text, the way a longer translation would run. */
function padding(source: string): string {
  return '·'.repeat(Math.ceil(source.replace(/\{[^}]*\}/g, '').length * 0.3));
}

export function pseudoMessage(source: string): MessageFormatElement[] {
  const body = accentAll(parse(source, { captureLocation: false }));
  return [{ type: TYPE.literal, value: '[' }, ...body, { type: TYPE.literal, value: `${padding(source)}]` }];
}

export function pseudoCatalog(source: Catalog): Record<MessageKey, MessageFormatElement[]> {
  const out = {} as Record<MessageKey, MessageFormatElement[]>;
  for (const key of Object.keys(source) as MessageKey[]) out[key] = pseudoMessage(source[key]);
  return out;
}
