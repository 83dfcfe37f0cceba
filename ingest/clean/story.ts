/**
 * Whether two articles tell the same story, by the words they share: a cosine over their content
 * words (function words and the vocabulary every news story uses left out), with names counting
 * more than other words. Two outlets writing up one event share its names and its key words
 * ("Esper", "Taliban", "reduction in violence"); two stories of the same day share little but
 * "said" and "percent", which are not counted. A pure function of the texts.
 */

/** Only the head of a long article is profiled: the story is told at the top, and the cost stays flat. */
export const PROFILED_CHARS = 12_000;

/** A name counts this many times an ordinary word: the names of a story's actors and places are what identify it. */
const NAME_WEIGHT = 2;

export interface StoryProfile {
  /** word (lowercased, lightly stemmed) -> weight */
  weights: Map<string, number>;
  norm: number;
}

/** The words of a story that say what it is about, weighted. */
export function storyProfile(text: string): StoryProfile {
  const counts = new Map<string, number>();
  const names = new Set<string>();
  const head = text.length > PROFILED_CHARS ? text.slice(0, PROFILED_CHARS) : text;
  for (const m of head.matchAll(WORD)) {
    const word = m[0];
    let lower = word.toLowerCase();
    if (lower.endsWith("'s") || lower.endsWith('\u2019s')) lower = lower.slice(0, -2);
    if (lower.length < 3 || STOPWORDS.has(lower)) continue;
    const key = stem(lower);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    // capitalised inside a sentence: a name; at a sentence start the stopword list has caught most words
    if (isUpper(word.charCodeAt(0)) && !sentenceStart(head, m.index!)) names.add(key);
  }
  const weights = new Map<string, number>();
  let sum = 0;
  for (const [key, n] of counts) {
    // a word said ten times is not ten times the story: damped, so one repeated word cannot decide
    const w = (1 + Math.log(n)) * (names.has(key) ? NAME_WEIGHT : 1);
    weights.set(key, w);
    sum += w * w;
  }
  return { weights, norm: Math.sqrt(sum) };
}

/** Cosine of two profiles, 0 (nothing shared) to 1 (the same words in the same proportions). */
export function storySimilarity(a: StoryProfile, b: StoryProfile): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [key, w] of small.weights) {
    const other = large.weights.get(key);
    if (other !== undefined) dot += w * other;
  }
  return dot / (a.norm * b.norm);
}

const WORD = /\p{L}[\p{L}'\u2019-]*\p{L}|\p{L}/gu;

function isUpper(code: number): boolean {
  return (code >= 65 && code <= 90) || (code > 127 && String.fromCharCode(code).toLowerCase() !== String.fromCharCode(code));
}

/** After a full stop, colon or line break, past any space, quote or bracket. */
function sentenceStart(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && OPENERS.includes(text[i]!)) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < 0 || ENDERS.includes(text[i]!);
}

const OPENERS = ' \t\r\n"\'\u201c\u2018([';
const ENDERS = '.!?:;';

/** Folds the common inflections together ("talks"/"talk", "negotiated"/"negotiating"); crude, but the same for both texts. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('es') && /(?:ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Function words, and words any news story uses whatever it is about (reporting verbs, time, amounts). */
const STOPWORDS = new Set(
  `a about above across after afterwards again against all almost alone along already also although always am among amongst an and
  another any anyhow anyone anything anyway anywhere are around as at back be became because become becomes becoming been before
  beforehand behind being below beside besides between beyond both but by can cannot could did do does doing done down due during
  each either else elsewhere enough etc even ever every everyone everything everywhere except few for former formerly from further
  had has have having he hence her here hereafter hereby herein hers herself him himself his how however i if in indeed into is it
  its itself just least less made make many may me meanwhile might mine more moreover most mostly much must my myself namely neither
  never nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one only onto or other others
  otherwise our ours ourselves out over own per perhaps please put rather re same seem seemed seeming seems several she should
  since so some somehow someone something sometime sometimes somewhere still such than that the their theirs them themselves then
  thence there thereafter thereby therefore therein thereupon these they this those though through throughout thru thus to together
  too toward towards under until up upon us very via was we well were what whatever when whence whenever where whereafter whereas
  whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will with within without would
  yet you your yours yourself yourselves mr mrs ms dr
  said says say saying told tell tells according added add adds asked ask announced statement report reported reports reporting
  news reporter reporters spokesman spokeswoman spokesperson official officials source sources
  year years month months week weeks day days today yesterday tomorrow time times ago later earlier recent recently current currently
  monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november
  december jan feb mar apr jun jul aug sep sept oct nov dec
  new first second third last next two three four five six seven eight nine ten hundred thousand million billion mln bln
  percent pct dlr dlrs dollar dollars number numbers total
  people man men woman women group part like including include includes based expected going get got make makes take takes taken
  took come came give gave given see seen want wants know known think thought way ways lot lots told called call calls
  also just well still yet around another`.split(/\s+/),
);
