/**
 * The sentence a fact's evidence stores. A "sentence" of scraped text can run to hundreds of thousands of
 * characters (a page with no full stops), and every fact found in it would store all of it; past a cap the
 * evidence keeps an excerpt around the two mentions instead, still an exact slice of the cleaned text, so
 * its offsets and the mention spans hold as they do for a whole sentence.
 */

/** Longest evidence sentence stored whole. */
export const MAX_EVIDENCE_CHARS = 1000;

export interface Excerpt {
  start: number;
  end: number;
}

/**
 * The part of sentence [start, end) to store: all of it when short, else a window of about MAX_EVIDENCE_CHARS
 * centred on the mention spans, widened to whole words. Mentions further apart than that (only text with no
 * sentence ends links such) get a window on the first span alone: the cap holds, because every fact of a 1 MB
 * line storing its own long stretch of it would exhaust memory.
 */
export function evidenceExcerpt(text: string, start: number, end: number, spans: ReadonlyArray<readonly [number, number]>): Excerpt {
  if (end - start <= MAX_EVIDENCE_CHARS) return { start, end };
  let lo = end;
  let hi = start;
  for (const [s, e] of spans) {
    lo = Math.min(lo, s);
    hi = Math.max(hi, e);
  }
  if (lo >= hi) {
    lo = start;
    hi = start;
  } else if (hi - lo > MAX_EVIDENCE_CHARS) {
    [lo, hi] = spans[0]!;
    hi = Math.min(hi, lo + MAX_EVIDENCE_CHARS);
  }
  const pad = Math.max(0, Math.floor((MAX_EVIDENCE_CHARS - (hi - lo)) / 2));
  let from = Math.max(start, lo - pad);
  let to = Math.min(end, hi + pad);
  // give the room one side lacks to the other
  if (from === start) to = Math.min(end, Math.max(to, start + MAX_EVIDENCE_CHARS));
  if (to === end) from = Math.max(start, Math.min(from, end - MAX_EVIDENCE_CHARS));
  return { start: wordStart(text, from, start), end: wordEnd(text, to, end) };
}

/** Back to the start of the word at `at` (not past `floor`), so an excerpt does not open mid-word. */
function wordStart(text: string, at: number, floor: number): number {
  let i = at;
  while (i > floor && i > at - 40 && !/\s/.test(text[i - 1]!)) i--;
  return i > at - 40 ? i : at;
}

/** On to the end of the word at `at` (not past `ceiling`). */
function wordEnd(text: string, at: number, ceiling: number): number {
  let i = at;
  while (i < ceiling && i < at + 40 && !/\s/.test(text[i]!)) i++;
  return i < at + 40 ? i : at;
}
