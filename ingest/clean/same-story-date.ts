import type { DateClues, WeekdayClue } from './clues';
import { storySimilarity, type StoryProfile } from './story';

/**
 * Story similarity (see story.ts) from which two articles are taken to report the same story.
 * Measured on real text: two agencies' reports of one NATO meeting score 0.53; over all 2.5 million
 * pairs of 2,225 BBC stories, 0.05% reach 0.45, nearly all follow-ups of one saga or duplicates;
 * among 1987 Reuters wires of one day, pairs above it are mostly reports of one event, a few are
 * different stories on one subject (a budget, a currency accord). Similar stories of other days are
 * what the weekday, dateline and year checks and the window are for.
 */
export const SAME_STORY = 0.45;

/**
 * When dated candidates disagree, the most similar wins only if it is this far ahead of every other
 * date: reports of one saga on different days score alike, and then no date is the honest answer.
 */
export const CLEAR_LEAD = 0.1;

/** An article with fewer distinct content words than this is too short to say what story it tells. */
export const MIN_PROFILE_WORDS = 30;

/** An article that has its own date, as a candidate to lend it. */
export interface DatedCandidate {
  /** YYYY-MM-DD */
  published: string;
  /** how the record names it: "dpa-esper.txt (id 8ebedced7e13adbf)" */
  label: () => string;
  /** computed only for candidates whose date fits the clues */
  profile: () => StoryProfile;
}

export interface InferredDate {
  published: string;
  /** why, in words: "inferred: same story as dpa-esper.txt (id 8ebe...), weekday Thursday, similarity 0.53" */
  from: string;
  similarity: number;
}

/**
 * The publication date of an undated article, taken from a dated article of the same story: only
 * when the undated one names a weekday for its own news and the other's date falls on it, its year
 * evidence agrees, the texts are the same story, and no other candidate with another date is
 * nearly as close. Undefined whenever any of that is in doubt: no date is better than a wrong one.
 */
export function inferPublished(clues: DateClues, profileOf: () => StoryProfile, candidates: Iterable<DatedCandidate>): InferredDate | undefined {
  if (clues.weekdays.length === 0) return undefined;
  // made only once a candidate's date fits: most undated articles have none that does
  let profile: StoryProfile | undefined;
  const scored: Array<{ candidate: DatedCandidate; clue: WeekdayClue; similarity: number }> = [];
  for (const candidate of candidates) {
    const clue = matchingWeekday(clues, candidate.published);
    if (clue === undefined || !yearAgrees(clues, Number(candidate.published.slice(0, 4)))) continue;
    if (clues.datelineDay !== undefined && clues.datelineDay !== candidate.published.slice(5)) continue;
    profile ??= profileOf();
    if (profile.weights.size < MIN_PROFILE_WORDS) return undefined;
    const other = candidate.profile();
    if (other.weights.size < MIN_PROFILE_WORDS) continue;
    const similarity = storySimilarity(profile, other);
    if (similarity >= SAME_STORY) scored.push({ candidate, clue, similarity });
  }
  if (scored.length === 0) return undefined;
  scored.sort((a, b) => b.similarity - a.similarity);
  const best = scored[0]!;
  const rival = scored.find((s) => s.candidate.published !== best.candidate.published);
  if (rival !== undefined && best.similarity - rival.similarity < CLEAR_LEAD) return undefined;
  return {
    published: best.candidate.published,
    from: `inferred: same story as ${best.candidate.label()}, weekday ${best.clue.text}, similarity ${best.similarity.toFixed(2)}`,
    similarity: best.similarity,
  };
}

function matchingWeekday(clues: DateClues, published: string): WeekdayClue | undefined {
  const weekday = weekdayOf(published);
  return clues.weekdays.find((c) => c.weekday === weekday && (c.monthDay === undefined || c.monthDay === published.slice(5)));
}

const MONTH_OFFSETS = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];

/** 0 = Sunday for a YYYY-MM-DD date, by Sakamoto's method: called for every candidate, so no Date is made. */
export function weekdayOf(published: string): number {
  const month = Number(published.slice(5, 7));
  const day = Number(published.slice(8, 10));
  const year = Number(published.slice(0, 4)) - (month < 3 ? 1 : 0);
  return (year + Math.floor(year / 4) - Math.floor(year / 100) + Math.floor(year / 400) + MONTH_OFFSETS[month - 1]! + day) % 7;
}

function yearAgrees(clues: DateClues, year: number): boolean {
  if (clues.copyrightYears.length > 0 && !clues.copyrightYears.includes(year)) return false;
  return clues.notBefore === undefined || year >= clues.notBefore;
}
