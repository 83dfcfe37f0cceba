/**
 * Quantities: a number (digits or words, with "million"/"bn" scales and currency signs), an optional
 * qualifier before it ("more than", "about") and what it counts or measures after it ("troops", "%").
 * Numbers inside dates are left to the date recogniser.
 */
import type { Quantity, Span } from './types';

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80,
  ninety: 90, hundred: 100, dozen: 12, dozens: 24, hundreds: 200, thousands: 2000,
};
const SCALES: Record<string, number> = {
  dozen: 12, hundred: 100, thousand: 1e3, million: 1e6, mln: 1e6, m: 1e6, billion: 1e9, bln: 1e9, bn: 1e9, trillion: 1e12, tn: 1e12,
};
const NOT_UNITS = new Set(
  'of and or to in on at the a an for from by with as than that this per is are was were be has have had it its who which'.split(' '),
);

const QUALIFIER =
  '(more than|over|nearly|almost|about|around|some|at least|at most|up to|fewer than|less than|roughly|' +
  'approximately|an estimated|as many as|as much as|just over|just under|close to)';
const NUMBER =
  '([$\u00a3\u20ac])?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|' + Object.keys(WORD_NUMBERS).join('|') + ')';
const SCALE = '(?:[\\s-]?(dozen|hundred|thousand|million|billion|trillion|mln|bln|bn|tn|m)\\b)?';
const PATTERN = new RegExp(
  `(?:\\b${QUALIFIER}\\s+)?(?<![\\w.,])${NUMBER}${SCALE}(?:\\s?(%|percent|per cent)|\\s+(?:of\\s+)?([a-z][a-z-]*))?`,
  'gid',
);

export function findQuantities(text: string, exclude: readonly Span[], sentenceOf: (offset: number) => number): Quantity[] {
  const found: Quantity[] = [];
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(text); m; m = PATTERN.exec(text)) {
    const [, qualifier, currency, number, scale, percent, unitWord] = m;
    const numberLower = number!.toLowerCase();
    const wordNumber = WORD_NUMBERS[numberLower];
    // a word number must be a whole word: "someone" is not "some" + "one"
    if (wordNumber !== undefined && /\w/.test(text[m.index + m[0].indexOf(number!) - 1] ?? '')) continue;
    const at = m.indices!;
    let end = Math.max(at[3]![1], at[4]?.[1] ?? 0, at[5]?.[1] ?? 0);
    let unit: string | undefined = currency ?? (percent ? '%' : undefined);
    if (unitWord && unit === undefined && !NOT_UNITS.has(unitWord.toLowerCase())) {
      unit = unitWord.toLowerCase();
      end = at[6]![1];
    }
    // a bare number word needs a unit to be a quantity ("one of them" is not one)
    if (wordNumber !== undefined && unit === undefined && !scale) continue;
    const start = m.index;
    if (exclude.some((s) => start < s.end && end > s.start)) continue;
    let value = wordNumber ?? Number(number!.replace(/,/g, ''));
    if (scale) value *= SCALES[scale.toLowerCase()]!;
    found.push({
      start,
      end,
      text: text.slice(start, end),
      value,
      unit,
      qualifier: qualifier?.toLowerCase(),
      sentence: sentenceOf(start),
    });
    PATTERN.lastIndex = end;
  }
  return found;
}
