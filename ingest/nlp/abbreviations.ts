/**
 * Abbreviations that keep their full stop as part of the token. `TITLES` come before a name or a number
 * and practically never end a sentence ("Gen.", "Feb. 13"); `ENDERS` can end one ("... in the U.S. The
 * talks ...") and the sentence splitter decides from the next word.
 */
export const TITLES: ReadonlySet<string> = new Set(
  (
    'mr mrs ms dr prof gen sen rep gov lt col maj capt cmdr adm sgt cpl pvt rev fr hon pres supt insp det ' +
    'st mt ft messrs mme mlle sr jr jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'mon tue tues wed thu thur thurs fri sat sun vs v approx est ave blvd rd'
  )
    .split(' ')
    .map((w) => w + '.'),
);

/**
 * Abbreviations that introduce a number ("No. 10", "pp. 4-7", "fig. 2"). Before anything else they are
 * the word itself ending a sentence: "The answer was no. Talks ended."
 */
export const BEFORE_NUMBER: ReadonlySet<string> = new Set(['no.', 'nos.', 'vol.', 'pp.', 'fig.']);

/**
 * Day and month abbreviations spelt like a word that ends sentences in news ("the sun.", "he sat.", "newly
 * wed.", "owned by Sun.", "told The Sun."): they keep their full stop only capitalised and before a date or a
 * comma ("Sat., Mar. 4").
 */
export const CAPITALISED_ONLY: ReadonlySet<string> = new Set(['sun.', 'sat.', 'wed.', 'mar.']);

export const ENDERS: ReadonlySet<string> = new Set(
  ('inc corp co ltd plc llc bros etc al cf ie eg am pm dept univ assn ind jr sr').split(' ').map((w) => w + '.'),
);

/** Words that start sentences far more often than they continue a name: evidence a full stop ended one. */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set(
  (
    'the a an it its he she they we i you this that these those there but and or so yet in on at for ' +
    'from to with by as if when while after before since although though however meanwhile also still ' +
    'his her their our my your some many most no not one two three all both each more several other ' +
    'officials police analysts critics what who why how where asked said according earlier later last ' +
    'next then now today yesterday separately instead despite under over among about according'
  ).split(' '),
);

/** True for "U.S.", "U.N.", "e.g.": letters each followed by a full stop. */
export function isDottedAcronym(word: string): boolean {
  return /^(?:\p{L}\.){2,}$/u.test(word);
}

/** True for an initial such as "J." in "J. Smith". */
export function isInitial(word: string): boolean {
  return /^\p{Lu}\.$/u.test(word);
}
