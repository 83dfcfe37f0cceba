/**
 * Tokenisation with character offsets, close to the Penn Treebank / CoNLL-2003 conventions the tagger
 * and recogniser were trained on: punctuation split off, "n't" and "'s" separate, abbreviations such as
 * "U.S." and "Gen." kept whole, numbers like "12,000" and "3.5" and hyphenated words kept whole.
 * Output is columnar (two Int32Arrays) so no object is made per token.
 */
import { BEFORE_NUMBER, CAPITALISED_ONLY, ENDERS, TITLES, isDottedAcronym, isInitial } from './abbreviations';

export interface TokenSpans {
  /** Number of tokens. */
  count: number;
  /** starts[i], ends[i]: character offsets of token i; only the first `count` entries are used. */
  starts: Int32Array;
  ends: Int32Array;
}

const LEADING = new Set(['"', "'", '(', '[', '{', '`', '\u201c', '\u2018', '\u00ab', '<']);
const TRAILING = new Set([
  '"', "'", ')', ']', '}', ',', ';', ':', '?', '!', '.', '\u201d', '\u2019', '\u00bb', '>', '\u2026',
]);
const CURRENCY = new Set(['$', '\u00a3', '\u20ac', '\u00a5', '#']);
const CLITICS = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m", 'n\u2019t', '\u2019s', '\u2019re', '\u2019ve', '\u2019ll', '\u2019d', '\u2019m'];
const DASHES = /--+|[\u2013\u2014]/g;

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2009 || code === 0x202f;
}

class Builder implements TokenSpans {
  count = 0;
  starts: Int32Array;
  ends: Int32Array;
  constructor(capacity: number) {
    this.starts = new Int32Array(Math.max(16, capacity));
    this.ends = new Int32Array(Math.max(16, capacity));
  }
  push(start: number, end: number): void {
    if (end <= start) return;
    if (this.count === this.starts.length) {
      const s = new Int32Array(this.count * 2);
      s.set(this.starts);
      this.starts = s;
      const e = new Int32Array(this.count * 2);
      e.set(this.ends);
      this.ends = e;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }
}

export function tokenize(text: string): TokenSpans {
  const out = new Builder(text.length >> 2);
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    let j = i;
    // most chunks are a bare ASCII word or number, perhaps with a comma after it; those need none of
    // splitChunk's slicing, regexes and clitic checks, which give them the same tokens
    let plain = true;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isSpace(c)) break;
      if (plain && !isAsciiAlnum(c)) plain = false;
      j++;
    }
    if (plain) out.push(i, j);
    else if (j - i > 1 && text.charCodeAt(j - 1) === 44 && isPlain(text, i, j - 1)) {
      out.push(i, j - 1);
      out.push(j - 1, j);
    } else splitChunk(text, i, j, out);
    i = j;
  }
  return out;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

function isPlain(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isAsciiAlnum(text.charCodeAt(k))) return false;
  return true;
}

/** Splits one whitespace-free chunk, first at dashes ("--", en and em dashes), which always separate. */
function splitChunk(text: string, start: number, end: number, out: Builder): void {
  const chunk = text.slice(start, end);
  if (chunk.length > 1 && (chunk.includes('--') || /[\u2013\u2014]/.test(chunk))) {
    let last = 0;
    DASHES.lastIndex = 0;
    for (let m = DASHES.exec(chunk); m; m = DASHES.exec(chunk)) {
      if (m.index > last) splitWord(text, start + last, start + m.index, out);
      out.push(start + m.index, start + m.index + m[0].length);
      last = m.index + m[0].length;
    }
    if (last < chunk.length) splitWord(text, start + last, end, out);
    return;
  }
  splitWord(text, start, end, out);
}

function splitWord(text: string, start: number, end: number, out: Builder): void {
  // leading punctuation and currency signs
  while (start < end - 1 && (LEADING.has(text[start]!) || CURRENCY.has(text[start]!))) {
    out.push(start, start + 1);
    start++;
  }
  // trailing punctuation, kept in reverse order until the core is emitted
  const trail: number[] = [];
  while (end - start > 1) {
    const ch = text[end - 1]!;
    if (ch === '.') {
      const core = text.slice(start, end);
      if (keepsFullStop(core, nextVisible(text, end))) break;
      // "..." stays one token
      let k = end - 1;
      while (k > start && text[k - 1] === '.') k--;
      if (end - k >= 2) {
        trail.push(k, end);
        end = k;
        continue;
      }
    } else if (ch === '%') {
      if (!/\d/.test(text[end - 2]!)) break;
    } else if (!TRAILING.has(ch)) {
      break;
    }
    trail.push(end - 1, end);
    end--;
  }
  // clitics: "didn't" -> "did" "n't", "Afghanistan's" -> "Afghanistan" "'s"
  let clitic = -1;
  const lower = text.slice(start, end).toLowerCase();
  for (const c of CLITICS) {
    if (lower.length > c.length && lower.endsWith(c)) {
      clitic = end - c.length;
      break;
    }
  }
  if (clitic > start) {
    out.push(start, clitic);
    out.push(clitic, end);
  } else {
    out.push(start, end);
  }
  for (let k = trail.length - 2; k >= 0; k -= 2) out.push(trail[k]!, trail[k + 1]!);
}

/**
 * Whether a word ending in "." keeps it: abbreviations, initials and acronyms do, other words don't.
 * @param next the code of the first character after the full stop past spaces on its line (NaN if none):
 *   "No." and its kind keep it only before a number
 */
export function keepsFullStop(word: string, next: number): boolean {
  const lower = word.toLowerCase();
  const digitNext = next >= 48 && next <= 57;
  if (BEFORE_NUMBER.has(lower)) return digitNext;
  if (CAPITALISED_ONLY.has(lower)) return lower !== word && (digitNext || next === 44);
  return TITLES.has(lower) || ENDERS.has(lower) || isDottedAcronym(word) || isInitial(word);
}

function nextVisible(text: string, from: number): number {
  let k = from;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0xa0)) k++;
  return text.charCodeAt(k);
}
