import type { Removal } from '../../src/model/article';

/**
 * What an article without a full date still says about when it was published: the weekdays it
 * names for its own news ("said in Brussels Thursday"), the day of its dateline ("LIMA, March 15 -"),
 * and the years it cannot be earlier or other than (a copyright line, "since 2018"). Clues only: on
 * their own they date nothing.
 */

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export interface WeekdayClue {
  /** 0 = Sunday, as Date.getUTCDay() */
  weekday: number;
  /** as written, for the record ("Thursday") */
  text: string;
  /** "MM-DD" when written with a day and month but no year ("Thursday, Feb. 13") */
  monthDay?: string;
}

export interface DateClues {
  /** the weekdays named relative to the article's own day, once each, in text order */
  weekdays: WeekdayClue[];
  /** years of copyright notices; the publication year is one of them */
  copyrightYears: number[];
  /** the publication year is no earlier than this ("since 2018", "since late 2018") */
  notBefore?: number;
  /** "MM-DD" of a dateline that gives the day without the year ("WASHINGTON, Oct 20 -"): the wire's own day */
  datelineDay?: string;
}

const WEEKDAY_WORD = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
// a weekday that is not the article's own recent day: another week, a deadline, a feast, a newspaper
const NOT_RELATIVE_BEFORE = /(?:\b(?:last|next|past|coming|previous|following|every|each|until|till|by|before|since|other)|\b(?:Good|Black|Super|Ash|Holy|Maundy|Easter|Palm|Shrove|Cyber|Bloody|Giving)|\b(?:Mail|Independent|Observer|Scotland) on)\s+$/i;
const NOT_RELATIVE_AFTER = /^(?:\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Mail|Star|Sport|People|Tribune|Independent|Night Live)\b|\s+(?:of|in)\s+(?:each|every|the month|January|February|March|April|May|June|July|August|September|October|November|December)\b)/;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
/** ", Feb. 13" or " 13 February" right after the weekday, perhaps with a year (then it is a full date, no clue) */
const MONTH_DAY_AFTER = new RegExp(`^,?[^\\S\\n]+(?:${MONTH}[^\\S\\n]+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?[^\\S\\n]+(?:of[^\\S\\n]+)?${MONTH})(,?[^\\S\\n]+\\d{4}\\b)?`);

const DATELINE_DAY = new RegExp(`,\\s*${MONTH}[^\\S\\n]+(\\d{1,2})\\b`);

const COPYRIGHT = /(?:©|\(c\)|\bcopyright\b)[^\S\n]*(?:©|\(c\))?[^\S\n]*((?:19|20)\d\d)(?:[^\S\n]*[-\u2013][^\S\n]*((?:19|20)\d\d))?/gi;
const COPYRIGHT_SIGNS = ['©', '(c)', '(C)', 'opyright', 'OPYRIGHT'];
const SINCE_YEAR = /\bsince[^\S\n]+(?:(?:early|late|mid|the (?:start|end|beginning|middle) of)[-\s]+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)[^\S\n]+)?((?:19|20)\d\d)\b(?!\s*(?:-|\u2013|to)\s*\d)/gi;

/**
 * The clues to an article's date. Weekdays are read from the cleaned text; copyright years and the
 * dateline from the original, where what cleaning took off still is. Only an article that names a
 * weekday is looked at further: without one there is nothing to infer from.
 */
export function dateClues(text: string, original: string = text, removed: readonly Removal[] = []): DateClues {
  const weekdays = weekdayClues(text);
  if (weekdays.length === 0) return { weekdays, copyrightYears: [] };
  const clues: DateClues = { weekdays, copyrightYears: copyrightYears(original) };
  const notBefore = sinceYear(text);
  if (notBefore !== undefined) clues.notBefore = notBefore;
  const dateline = removed.find((r) => r.rule === 'dateline');
  const day = dateline === undefined ? undefined : DATELINE_DAY.exec(original.slice(dateline.start, dateline.end));
  const datelineDay = day ? monthDayOf(day[1]!, day[2]!) : undefined;
  if (datelineDay !== undefined) clues.datelineDay = datelineDay;
  return clues;
}

/** The weekdays a text names for days near its own: "on Thursday", "Thursday's vote", not "last Thursday" or "Good Friday". */
export function weekdayClues(text: string): WeekdayClue[] {
  const clues: WeekdayClue[] = [];
  // every undated article is looked at, most name no weekday, and plain searches for the names are
  // three times as fast as the regular expression over the whole text
  if (!WEEKDAYS.some((name) => text.includes(name))) return clues;
  for (const m of text.matchAll(WEEKDAY_WORD)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (NOT_RELATIVE_BEFORE.test(text.slice(Math.max(0, start - 24), start))) continue;
    const after = text.slice(end, end + 32);
    if (NOT_RELATIVE_AFTER.test(after)) continue;
    const date = MONTH_DAY_AFTER.exec(after);
    // a weekday with its full date names that date, not a day relative to the article's
    if (date?.[5] !== undefined) continue;
    const weekday = WEEKDAYS.indexOf(m[1] as (typeof WEEKDAYS)[number]);
    const monthDay = date ? monthDayOf(date[1] ?? date[4]!, date[2] ?? date[3]!) : undefined;
    if (clues.some((c) => c.weekday === weekday && c.monthDay === monthDay)) continue;
    clues.push(monthDay === undefined ? { weekday, text: m[0] } : { weekday, text: `${m[0]}${date![0]}`, monthDay });
  }
  return clues;
}

/** "©2020 Bloomberg L.P.", "Copyright 2019-2021 Example": the last year of each notice. */
export function copyrightYears(original: string): number[] {
  const years = new Set<number>();
  if (!COPYRIGHT_SIGNS.some((sign) => original.includes(sign))) return [];
  for (const m of original.matchAll(COPYRIGHT)) years.add(Number(m[2] ?? m[1]));
  return [...years];
}

function sinceYear(text: string): number | undefined {
  let latest: number | undefined;
  if (!text.includes('ince')) return undefined;
  for (const m of text.matchAll(SINCE_YEAR)) latest = Math.max(latest ?? 0, Number(m[1]));
  return latest;
}

function monthDayOf(month: string, day: string): string | undefined {
  const m = MONTHS[month.toLowerCase().replace(/\.$/, '')];
  const d = Number(day);
  if (m === undefined || d < 1 || d > 31) return undefined;
  return `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
