/**
 * Date expressions, resolved to ISO 8601 against the article's date: absolute ("Feb. 13, 2020",
 * "13 February", "July 2018", "in 2018") and relative ("on Thursday", "yesterday", "last month",
 * "three weeks ago"). A weekday with no other cue is taken as the most recent one (news reports what
 * happened), or the coming one when the sentence speaks of the future ("will", "next").
 */
import type { DateMention } from './types';

const MONTHS: Record<string, number> = {};
'january february march april may june july august september october november december'
  .split(' ')
  .forEach((m, i) => {
    MONTHS[m] = i + 1;
    MONTHS[m.slice(0, 3)] = i + 1;
  });
MONTHS['sept'] = 9;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, several: 3, few: 3,
};

const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const WEEKDAY = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

interface Rule {
  pattern: RegExp;
  resolve(m: RegExpExecArray, ctx: Context): Omit<DateMention, 'start' | 'end' | 'text' | 'sentence'>;
  /**
   * capture group, in a look-behind after the pattern's core, of the word the date opens with ("last
   * Thursday"): the match starts there. The pattern needs the d flag.
   */
  lead?: number;
}

interface Context {
  published: Date | undefined;
  text: string;
  index: number;
}

const RULES: Rule[] = [
  {
    pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    resolve: (m) => day(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    pattern: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'g'),
    resolve: (m, ctx) => monthDay(monthOf(m[2]!), Number(m[3]), m[4], ctx),
  },
  {
    pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b(?:,?\\s+(\\d{4})\\b)?`, 'g'),
    resolve: (m, ctx) => monthDay(monthOf(m[2]!), Number(m[1]), m[3], ctx),
  },
  {
    pattern: new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'g'),
    resolve: (m) => ({ value: `${m[2]}-${pad(monthOf(m[1]!))}`, granularity: 'month' }),
  },
  {
    pattern: /\b(today|yesterday|tomorrow)\b/gi,
    resolve: (m, ctx) => shiftDays(ctx, { today: 0, yesterday: -1, tomorrow: 1 }[m[1]!.toLowerCase()]!),
  },
  // The rules below find their core (the weekday, the unit, the year) first and look behind it for the words
  // that open the date: a pattern that opens on a common word ("in", "last") is tried at almost every word.
  {
    pattern: new RegExp(`\\b${WEEKDAY}\\b(?<=(?:\\b(last|next|this|on|early|late)\\s+)?\\w+)`, 'gd'),
    resolve: (m, ctx) => weekday(m[2]?.toLowerCase(), WEEKDAYS.indexOf(m[1]!.toLowerCase()), ctx),
    lead: 2,
  },
  {
    // the longer cues first: looking behind, "this" alone would match the end of "earlier this"
    pattern: /\b(week|month|year)\b(?<=\b(earlier this|later this|last|next|this|the past|the previous|the coming)\s+\w+)/dgi,
    resolve: (m, ctx) => relativePeriod(m[2]!.toLowerCase(), m[1]!.toLowerCase() as 'week' | 'month' | 'year', ctx),
    lead: 2,
  },
  {
    pattern: /\bago\b(?<=\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)\s+(days?|weeks?|months?|years?)\s+ago)/dgi,
    resolve: (m, ctx) => ago(NUMBERS[m[1]!.toLowerCase()] ?? Number(m[1]), m[2]!.toLowerCase().replace(/s$/, ''), ctx),
    lead: 1,
  },
  {
    // the month again inside the look-behind, so that it must stand right after the lead word and its space
    pattern: new RegExp(`\\b${MONTH}(?<=\\b(?:in|since|by|until|from|during|before|after|early|late|mid-?|last|next|this)\\s+${MONTH})(?![\\w.]*\\s+\\d)`, 'g'),
    resolve: (m, ctx) => bareMonth(monthOf(m[1]!), ctx),
  },
  {
    pattern: /\b((?:19|20)\d{2})\b(?!-|\d)(?<=\b(?:in|since|by|until|from|during|before|after|of|early|late|mid-?)\s+\d{4})/g,
    resolve: (m) => ({ value: m[1]!, granularity: 'year' }),
  },
];

/** Dates in text, in order of appearance; sentenceOf maps a character offset to a sentence index. */
export function findDates(text: string, published: string | undefined, sentenceOf: (offset: number) => number): DateMention[] {
  const base = published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? new Date(`${published}T00:00:00Z`) : undefined;
  const found: DateMention[] = [];
  const taken: [number, number][] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      const lead = rule.lead !== undefined ? m.indices![rule.lead] : undefined;
      const index = lead !== undefined ? lead[0] : m.index;
      let start = index;
      let matched = lead !== undefined ? text.slice(index, m.index + m[0].length) : m[0];
      // "on Thursday" keeps "on" out of the span, "last Thursday" keeps "last"
      if (/^on\s/i.test(matched)) {
        const cut = matched.search(/\s\S/) + 1;
        start += cut;
        matched = matched.slice(cut);
      }
      matched = matched.replace(/[.,]$/, (p) => (/\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$/.test(matched) ? p : ''));
      const end = start + matched.length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      const resolved = rule.resolve(m, { published: base, text, index });
      found.push({ start, end, text: matched, ...resolved, sentence: sentenceOf(start) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

type Resolved = Omit<DateMention, 'start' | 'end' | 'text' | 'sentence'>;

function monthOf(name: string): number {
  return MONTHS[name.toLowerCase().replace('.', '')]!;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function day(y: number, m: number, d: number): Resolved {
  return { value: `${y}-${pad(m)}-${pad(d)}`, granularity: 'day' };
}

/** Month and day, with the year written or else the one that puts the date nearest the article date. */
function monthDay(month: number, dayOfMonth: number, year: string | undefined, ctx: Context): Resolved {
  if (dayOfMonth < 1 || dayOfMonth > 31) return { value: undefined, granularity: 'day' };
  if (year) return day(Number(year), month, dayOfMonth);
  if (!ctx.published) return { value: undefined, granularity: 'day' };
  const y = ctx.published.getUTCFullYear();
  let best = y;
  let bestGap = Infinity;
  for (const candidate of [y - 1, y, y + 1]) {
    const gap = Math.abs(Date.UTC(candidate, month - 1, dayOfMonth) - ctx.published.getTime());
    if (gap < bestGap) {
      bestGap = gap;
      best = candidate;
    }
  }
  return day(best, month, dayOfMonth);
}

function bareMonth(month: number, ctx: Context): Resolved {
  if (!ctx.published) return { value: undefined, granularity: 'month' };
  const y = ctx.published.getUTCFullYear();
  const m = ctx.published.getUTCMonth() + 1;
  // a month more than six months ahead of the article is most likely last year's
  const year = month - m > 6 ? y - 1 : m - month > 6 ? y + 1 : y;
  return { value: `${year}-${pad(month)}`, granularity: 'month' };
}

function shiftDays(ctx: Context, days: number): Resolved {
  if (!ctx.published) return { value: undefined, granularity: 'day' };
  return { value: iso(new Date(ctx.published.getTime() + days * 86_400_000)), granularity: 'day' };
}

function weekday(cue: string | undefined, target: number, ctx: Context): Resolved {
  if (!ctx.published) return { value: undefined, granularity: 'day' };
  const today = ctx.published.getUTCDay();
  const sentenceStart = Math.max(ctx.text.lastIndexOf('. ', ctx.index), ctx.text.lastIndexOf('\n', ctx.index), 0);
  const before = ctx.text.slice(sentenceStart, ctx.index);
  const future = cue === 'next' || (cue !== 'last' && /\b(will|would|to be|is due|are due|plans? to|'ll)\b/i.test(before));
  let delta: number;
  if (future) delta = (target - today + 7) % 7 || (cue === 'next' ? 7 : 0);
  else delta = -((today - target + 7) % 7 || (cue === 'last' ? 7 : 0));
  return shiftDays(ctx, delta);
}

function relativePeriod(cue: string, unit: 'week' | 'month' | 'year', ctx: Context): Resolved {
  if (!ctx.published) return { value: undefined, granularity: unit };
  const step = cue === 'last' || cue === 'the past' || cue === 'the previous' ? -1 : cue === 'next' || cue === 'the coming' ? 1 : 0;
  const p = ctx.published;
  if (unit === 'year') return { value: String(p.getUTCFullYear() + step), granularity: 'year' };
  if (unit === 'month') {
    const d = new Date(Date.UTC(p.getUTCFullYear(), p.getUTCMonth() + step, 1));
    return { value: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`, granularity: 'month' };
  }
  return { value: isoWeek(new Date(p.getTime() + step * 7 * 86_400_000)), granularity: 'week' };
}

function ago(count: number, unit: string, ctx: Context): Resolved {
  if (!ctx.published) return { value: undefined, granularity: unit as Resolved['granularity'] };
  const p = ctx.published;
  if (unit === 'day') return shiftDays(ctx, -count);
  if (unit === 'week') return { value: isoWeek(new Date(p.getTime() - count * 7 * 86_400_000)), granularity: 'week' };
  if (unit === 'month') {
    const d = new Date(Date.UTC(p.getUTCFullYear(), p.getUTCMonth() - count, 1));
    return { value: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`, granularity: 'month' };
  }
  return { value: String(p.getUTCFullYear() - count), granularity: 'year' };
}

/** ISO week date "2020-W07". */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dayNum = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dayNum);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}
