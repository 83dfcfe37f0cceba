/**
 * Sentence splitting over tokens. A sentence ends at ".", "!", "?" (with any closing quotes or brackets
 * that follow), at an abbreviation that can end one when the next word looks like a sentence start, at a
 * paragraph break, at a line that reads as a headline, and after a dateline ("KABUL (Reuters) -").
 */
import { ENDERS, SENTENCE_STARTERS, isDottedAcronym } from './abbreviations';
import type { TokenSpans } from './tokenize';

/** Sentence i covers tokens [tokenStarts[i], tokenStarts[i + 1]) (the last one up to the token count). */
export interface SentenceSpans {
  count: number;
  tokenStarts: Int32Array;
}

const TERMINAL = new Set(['.', '!', '?', '...', '\u2026', '?!', '!?']);
const CLOSERS = new Set(['"', "'", ')', ']', '}', '\u201d', '\u2019', '\u00bb']);
const DASH = new Set(['-', '--', '\u2013', '\u2014']);

/** @param words the token texts when the caller has them already (saves slicing each token again) */
export function splitSentences(text: string, tokens: TokenSpans, words?: readonly string[]): SentenceSpans {
  const n = tokens.count;
  const starts: number[] = n > 0 ? [0] : [];
  const { starts: ts, ends: te } = tokens;
  const word = words !== undefined ? (i: number): string => words[i]! : (i: number): string => text.slice(ts[i]!, te[i]!);
  let quoteOpen = false;
  let paragraphStart = 0;
  let datelineChecked = false;

  const cut = (at: number): void => {
    if (at > starts[starts.length - 1]! && at < n) starts.push(at);
  };

  for (let i = 0; i < n; i++) {
    const w = word(i);
    if (w === '"') quoteOpen = !quoteOpen;
    else if (w === '\u201c') quoteOpen = true;
    else if (w === '\u201d') quoteOpen = false;

    if (!datelineChecked) {
      datelineChecked = true;
      const after = datelineEnd(text, tokens, paragraphStart);
      if (after > 0) cut(after);
    }
    if (i + 1 >= n) break;

    const newlines = countNewlines(text, te[i]!, ts[i + 1]!);
    if (newlines > 0) {
      const next = word(i + 1);
      const paragraph = newlines > 1;
      const endsClean = TERMINAL.has(w) || CLOSERS.has(w);
      // a single line break inside running text (hard-wrapped lines) continues the sentence
      if (paragraph || endsClean || !/^\p{Ll}/u.test(next)) {
        cut(i + 1);
        quoteOpen = false;
        paragraphStart = i + 1;
        datelineChecked = false;
        continue;
      }
    }

    if (TERMINAL.has(w)) {
      let j = i + 1;
      // closing quotes and brackets belong to the sentence they close
      while (j < n && CLOSERS.has(word(j)) && ts[j] === te[j - 1]) {
        if (word(j) === '"') quoteOpen = false;
        j++;
      }
      if (j < n && startsSentence(word(j))) {
        cut(j);
        i = j - 1;
      }
      continue;
    }

    if (w.endsWith('.') && w.length > 1 && (ENDERS.has(w.toLowerCase()) || isDottedAcronym(w))) {
      const next = word(i + 1);
      if (SENTENCE_STARTERS.has(next.toLowerCase()) && /^\p{Lu}/u.test(next)) cut(i + 1);
    }
  }
  return { count: starts.length, tokenStarts: Int32Array.from(starts) };
}

/** Line breaks in text[from, to): read in place, since most gaps between tokens are one space or none. */
function countNewlines(text: string, from: number, to: number): number {
  let c = 0;
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) c++;
  return c;
}

/** After ".", a new sentence starts with a capital, a digit, an opening quote or bracket. */
function startsSentence(next: string): boolean {
  return /^[\p{Lu}\p{N}"'\u201c\u2018(\[]/u.test(next);
}

/**
 * A dateline opens a paragraph: capitalised place words, optionally a date and "(Agency)", then a dash.
 * Returns the index of the first token after the dash, or 0 if the paragraph has no dateline.
 */
function datelineEnd(text: string, tokens: TokenSpans, from: number): number {
  const limit = Math.min(tokens.count, from + 14);
  const first = text.slice(tokens.starts[from]!, tokens.ends[from]!);
  if (!/^\p{Lu}{2,}/u.test(first)) return 0;
  let sawLower = false;
  for (let i = from + 1; i < limit; i++) {
    const w = text.slice(tokens.starts[i]!, tokens.ends[i]!);
    if (DASH.has(w)) return sawLower || i + 1 >= tokens.count ? 0 : i + 1;
    if (/^\p{Ll}/u.test(w) && !/^(?:dpa|afp|ap|xinhua|ians|pti)$/i.test(w)) sawLower = true;
    if (TERMINAL.has(w)) return 0;
  }
  return 0;
}
