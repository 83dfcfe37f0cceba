import { canonicalOutlet, isKnownOutlet } from './outlets';

/**
 * What wire copy puts in front of the first sentence: a dateline ("BRUSSELS - ",
 * "TAMPA, Fla., March 6 - ", "LONDON, Feb 3 (Reuters) - ") or an agency tag ("(Bloomberg) -- ").
 * Both are metadata, not story.
 */
export interface Lead {
  /** characters to drop from the start of the paragraph (the dash and the space after it included) */
  length: number;
  /** the place, in normal case ("Brussels", "New York", "Tampa, Fla.") */
  dateline?: string;
  source?: string;
  /** an editor's note ("(CORRECTED) - ") rather than an outlet */
  note?: boolean;
}

const EDITORIAL_NOTE = /^(CORRECTED|CORRECTION|UPDATED?( \d+)?|REFILED|REFILE|REPEAT|RPT|RECASTS?|ADVISORY|URGENT|FLASH|BULLETIN|EXCLUSIVE|ANALYSIS)$/i;

const DASH = '(?:-{1,2}|[\u2010-\u2015\u2212]{1,2})';
const AGENCY = `\\((\\p{L}[\\p{L}&.' -]{0,40})\\)`;
const MONTH_DAY = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2}";
// one to four words in capitals ("BRUSSELS", "NEW YORK", "RIO DE JANEIRO", "ST. LOUIS")
const CAPS_PLACE = "\\p{Lu}[\\p{Lu}\\p{M}.'\u2019-]*(?:\\s+(?:\\p{Lu}[\\p{Lu}\\p{M}.'\u2019-]*|de|da|del|la|le|es|am|an)){0,3}";
const TITLE_PLACE = "\\p{Lu}[\\p{L}\\p{M}.'\u2019-]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}.'\u2019-]*){0,3}";
const REGION = ",\\s*\\p{Lu}[\\p{L}.]*(?:\\s+\\p{Lu}[\\p{L}.]*)?";

const AGENCY_TAG = new RegExp(`^${AGENCY}\\s*${DASH}\\s*`, 'u');
const CAPS_DATELINE = new RegExp(`^(${CAPS_PLACE})((?:${REGION})?)(?:,\\s*${MONTH_DAY})?\\s*(?:${AGENCY}\\s*)?${DASH}\\s+`, 'u');
// a place in normal case is a dateline only when an agency tag vouches for it: "Brussels (dpa) - "
const TITLE_DATELINE = new RegExp(`^(${TITLE_PLACE})((?:${REGION})?)(?:,\\s*${MONTH_DAY})?\\s*${AGENCY}\\s*${DASH}\\s+`, 'u');

/** The dateline or agency tag at the start of the story's first paragraph, if there is one. */
export function readLead(paragraph: string): Lead | undefined {
  const tag = AGENCY_TAG.exec(paragraph);
  if (tag) {
    const name = tag[1]!.trim();
    // "(CORRECTED) - ", "(UPDATE 2) - ": an editor's note, not an outlet
    if (EDITORIAL_NOTE.test(name)) return { length: tag[0].length, note: true };
    // an unknown name in capitals is more likely a ticker or an acronym in the story than an outlet
    const source = agency(name);
    if (source !== undefined) return { length: tag[0].length, source };
  }

  const caps = CAPS_DATELINE.exec(paragraph);
  if (caps && letters(caps[1]!) >= 3 && isAllCaps(caps[1]!)) {
    return { length: caps[0].length, dateline: placeName(caps[1]!, caps[2]!), source: agency(caps[3]) };
  }
  const titled = TITLE_DATELINE.exec(paragraph);
  if (titled) {
    return { length: titled[0].length, dateline: placeName(titled[1]!, titled[2]!), source: agency(titled[3]) };
  }
  return undefined;
}

/** The outlet in a dateline's brackets; not an editor's note, nor an unknown word in capitals. */
function agency(found: string | undefined): string | undefined {
  const name = found?.trim();
  if (name === undefined || EDITORIAL_NOTE.test(name)) return undefined;
  return isKnownOutlet(name) || (/^\p{Lu}/u.test(name) && !isAllCaps(name)) ? canonicalOutlet(name) : undefined;
}

function placeName(place: string, region: string): string {
  const name = isAllCaps(place) ? titleCase(place) : place;
  return `${name}${region.replace(/^,\s*/, ', ')}`.trim();
}

/** "NEW YORK" -> "New York", "ST. LOUIS" -> "St. Louis", "RIO DE JANEIRO" -> "Rio de Janeiro" */
function titleCase(caps: string): string {
  return caps
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((word, i) => (i > 0 && /^(de|da|del|la|le|es|am|an|upon|on)$/.test(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('');
}

function letters(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}

function isAllCaps(text: string): boolean {
  return !/\p{Ll}{2}/u.test(text.replace(/\b(de|da|del|la|le|es|am|an)\b/g, ''));
}
