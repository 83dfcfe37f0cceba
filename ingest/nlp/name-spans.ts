/**
 * Where a recognised name really ends. The recogniser sometimes runs a name on into the words after it
 * ("the Greystone Dam between June", "the Northgate Review that Veldora supports", "Renaissance Capital in
 * Moscow"). Names do hold some lower-case words ("Bank of England", "Council on Foreign Relations", "Vasco
 * da Gama", "Moody's", and "in" after one of those: "Organisation for Security and Cooperation in Europe"),
 * so a name is cut at its first lower-case word that is not one of those.
 */
import { spansFromBilou, type TokenSpan } from './labels';

/** Lower-case words found inside names: English joiners and the particles of European and Arabic names. */
const JOINERS: ReadonlySet<string> = new Set(
  (
    "of and for the on upon & 's \u2019s n't n\u2019t " +
    'de del della dei der den des di do dos das du da la le les au aux sur pour van von ter ten op am zu zum zur ' +
    'und et y e ' +
    'al el bin ibn bint wa'
  ).split(' '),
);

/** Marks no name holds, which the recogniser sometimes runs across ("Northgate Review | Thursday"). */
const BREAKS: ReadonlySet<string> = new Set(['|', ';', '"', '\u201c', '\u201d', '!', '?', '\u2014', '\u2013', '--', '\u2022', '\u00b7']);

/** Joiners after which "in" still belongs to the name: "Organisation for Security and Cooperation in Europe". */
const INSTITUTION_JOINERS: ReadonlySet<string> = new Set(['of', 'for', 'on']);

/** "on Thursday", "in March": a date after a preposition ends the name before it, even after "on". */
const DATE_PREPOSITIONS: ReadonlySet<string> = new Set(['on', 'in', 'at', 'by', 'from', 'since', 'until', 'till', 'before', 'after']);
const DATE_WORDS: ReadonlySet<string> = new Set(
  (
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July ' +
    'August September October November December'
  ).split(' '),
);

/** Part-of-speech tags of the lower-case words a name may hold besides the joiners. */
const NAME_TAGS: ReadonlySet<string> = new Set(['NN', 'NNS', 'NNP', 'NNPS', 'JJ', 'JJR', 'JJS', 'CD', 'FW']);
/** "Air New Zealand last year": adjectives that start a time phrase, not a name's next word. */
const TIME_ADJECTIVES: ReadonlySet<string> = new Set(['last', 'next', 'previous', 'past', 'coming', 'early', 'late']);

/** A token of lower-case letters only (perhaps with inner hyphens or apostrophes): not "eBay", "al-Assad", "3rd". */
function isLowerWord(word: string): boolean {
  const c = word.charCodeAt(0);
  if (!((c >= 97 && c <= 122) || (c > 127 && /^\p{Ll}/u.test(word)))) return false;
  return !/[\p{Lu}\p{N}]/u.test(word);
}

/**
 * The end (exclusive) of the name that starts at `start` in the recognised span [start, end) of `words`:
 * before the first lower-case word that does not belong in names, or before a preposition and a date; then
 * without joiners or commas left hanging at its end. At least one token is kept.
 */
export function nameEnd(words: readonly string[], tagOf: (i: number) => string, start: number, end: number): number {
  let to = end;
  let institution = false;
  for (let i = start + 1; i < to; i++) {
    const w = words[i]!;
    if (BREAKS.has(w)) {
      to = i;
      break;
    }
    if (i + 1 < to && DATE_PREPOSITIONS.has(w) && DATE_WORDS.has(words[i + 1]!)) {
      to = i;
      break;
    }
    if (INSTITUTION_JOINERS.has(w)) institution = true;
    // "Joseph Bernardin, head of": a comma and a lower-case word start a description of the name
    if (w === ',' && i + 1 < to && isLowerWord(words[i + 1]!)) {
      to = i;
      break;
    }
    if (!isLowerWord(w) || JOINERS.has(w) || (w === 'in' && institution)) continue;
    // nouns and adjectives can be part of a name ("BBC radio", "Palestinian self-rule Authority"); the words
    // a name runs on into are verbs, prepositions, pronouns, adverbs and the like
    if (NAME_TAGS.has(tagOf(i)) && !TIME_ADJECTIVES.has(w)) continue;
    to = i;
    break;
  }
  while (to - start > 1) {
    const last = words[to - 1]!;
    if (last === ',' || last === '-' || (JOINERS.has(last) && last !== "'s" && last !== '\u2019s')) to--;
    else break;
  }
  return to;
}

/**
 * The recogniser's spans in labels[from, to), each cut where its name ends.
 * @param pos the tagger's part-of-speech ids of the words, named by `posTags`
 */
export function nameSpans(labels: Uint8Array, words: readonly string[], pos: Uint8Array, posTags: readonly string[], from: number, to: number): TokenSpan[] {
  const spans = spansFromBilou(labels, from, to);
  const tagOf = (i: number): string => posTags[pos[i]!]!;
  for (const span of spans) if (span.end - span.start > 1) span.end = nameEnd(words, tagOf, span.start, span.end);
  return spans;
}
