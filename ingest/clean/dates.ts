/**
 * Publication dates, as YYYY-MM-DD, from metadata values and from dates written in the text.
 * Only full dates (day, month and year) count: "Feb 26" or "Thursday" alone could be any year.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';

// dates do not run over a line break: "Tuesday, 1 March" above "2000 GMT" is no date in 2000
const SP = '[^\\S\\r\\n]+';
const SP0 = '[^\\S\\r\\n]*';
// The weekday that may stand before a date is looked for after the date is found: a pattern opening on an
// optional weekday tries it at every capitalised word of the text, and this scan runs on every article.
/** "February 13, 2020", "Feb. 13, 2020" */
const MONTH_FIRST = new RegExp(`\\b${MONTH}${SP}${DAY},${SP}${YEAR}\\b`, 'g');
/** "13 February 2020", "13th of February, 2020" */
const DAY_FIRST = new RegExp(`\\b${DAY}${SP}(?:of${SP})?${MONTH},?${SP}${YEAR}\\b`, 'g');
/** the weekday word itself, as it stands before a date ("Thursday", "Thu.") */
const WEEKDAY_WORD = new RegExp(`^${WEEKDAY}$`);
const LINE_SPACE = /[^\S\r\n]/;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

/** How far into the text an undecorated date is still taken for the publication date. */
const LEAD_ZONE = 1200;

interface Found {
  index: number;
  date: string;
  withWeekday: boolean;
}

/** A metadata value ("2020-02-13T10:00:00Z", "Thu, 13 Feb 2020 09:00:00 GMT", "Feb. 13, 2020") as YYYY-MM-DD. */
export function parseDateValue(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    // epoch seconds or milliseconds
    const ms = value < 1e11 ? value * 1000 : value;
    return isoDay(new Date(ms));
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  // the date as written, not shifted to UTC: "2020-02-13T23:30-05:00" was published on the 13th
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text) ?? /^(\d{4})\/(\d{2})\/(\d{2})\b/.exec(text);
  if (iso) return ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const written = datesIn(text)[0];
  if (written) return written.date;
  return undefined;
}

/**
 * The publication date written in an article: the first full date given with its weekday
 * ("on Thursday, Feb. 13, 2020", as captions and wire leads write the day of the news), or a
 * date standing alone on a line near the top ("Published: 13 February 2020"). A bare date inside
 * a sentence is too often something else ("notes due April 15, 1992") to be taken.
 */
export function findPublishedDate(text: string): string | undefined {
  const found = datesIn(text);
  const withWeekday = found.find((f) => f.withWeekday);
  if (withWeekday) return withWeekday.date;
  for (const f of found) {
    if (f.index >= LEAD_ZONE) break;
    const lineStart = text.lastIndexOf('\n', f.index) + 1;
    const lineEnd = text.indexOf('\n', f.index);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    if (DATE_LINE.test(line)) return f.date;
  }
  return undefined;
}

/** A line holding only a date, perhaps labelled and with a time: "Published 13 Feb 2020, 10:02 GMT". */
export const DATE_LINE = new RegExp(
  `^\\s*(?:(?:published|updated|posted|first published|date|dated)(?: on)?:?\\s*)?(?:${WEEKDAY},?${SP})?(?:${MONTH}${SP}${DAY},${SP}${YEAR}|${DAY}${SP}(?:of${SP})?${MONTH},?${SP}${YEAR}|\\d{4}-\\d{2}-\\d{2})(?:,?\\s*(?:at${SP})?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?)?\\s*$`,
  'i',
);

function datesIn(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(MONTH_FIRST)) {
    const date = ymd(Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2]));
    if (date) found.push(withWeekdayBefore(text, m.index!, date));
  }
  for (const m of text.matchAll(DAY_FIRST)) {
    const date = ymd(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1]));
    if (date) found.push(withWeekdayBefore(text, m.index!, date));
  }
  for (const m of text.matchAll(ISO)) {
    const date = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date) found.push({ index: m.index!, date, withWeekday: false });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The date found at `index`, taken from the weekday before it when one stands there: "Thursday, " or "Thu. "
 * on the same line, the weekday a word of its own.
 */
function withWeekdayBefore(text: string, index: number, date: string): Found {
  let end = index;
  while (end > 0 && LINE_SPACE.test(text[end - 1]!)) end--;
  if (end === index) return { index, date, withWeekday: false };
  if (text[end - 1] === ',') end--;
  let start = end;
  if (text[start - 1] === '.') start--;
  while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  if (start === 0 || !isWordChar(text.charCodeAt(start - 1))) {
    if (WEEKDAY_WORD.test(text.slice(start, end))) return { index: start, date, withWeekday: true };
  }
  return { index, date, withWeekday: false };
}

const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** what \\w matches without the u flag */
const isWordChar = (c: number): boolean => isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 95;

function ymd(year: number, month: number, day: number): string | undefined {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  // rejects 31 April and 29 February in common years
  if (date.getUTCMonth() !== month - 1) return undefined;
  return isoDay(date);
}

function isoDay(date: Date): string | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().slice(0, 10);
}
