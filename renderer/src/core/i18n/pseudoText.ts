// The pseudo-locale's letters: every ASCII letter becomes an accented look-alike, so any plain
// letter left on screen in en-XA is text that did not come from the catalog. Kept apart from
// the catalog transform (which needs the ICU parser) so formatting helpers can use it cheaply.
const FROM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const TO = 'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ';
const MAP = new Map([...FROM].map((c, i) => [c, [...TO][i] ?? c]));

export const isPseudoLocale = (locale: string): boolean => locale === 'en-XA';

export function accent(text: string): string {
  let out = '';
  for (const c of text) out += MAP.get(c) ?? c;
  return out;
}
