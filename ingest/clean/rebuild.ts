import type { OffsetMap, OffsetRun, Removal } from '../../src/model/article';

/**
 * Builds the cleaned text from the original minus the removed ranges, normalising characters one
 * for one and collapsing whitespace, and records for every cleaned character where it came from.
 * Nothing here inserts a character that is not the (normalised) original one at the mapped
 * offset, so the map stays exact: normaliseChar(original[toOriginal(map, i)]) === cleaned[i].
 */
export function rebuild(original: string, removals: readonly Removal[]): { text: string; offsets: OffsetMap } {
  const kept = keptRanges(original.length, removals);
  const out: string[] = [];
  const runs: OffsetRun[] = [];
  let length = 0;
  // whitespace waiting to be written: written only once the next visible character arrives, so
  // leading and trailing space and the space around removed text collapse to one separator
  let pendingFirst = -1;
  let newline0 = -1;
  let newline1 = -1;
  // output that is the original text[copyFrom, copyTo) normalised: kept as one range and sliced once,
  // rather than one string per word and space (the common case: words and single spaces)
  let copyFrom = 0;
  let copyTo = 0;

  const flushCopy = (): void => {
    if (copyTo > copyFrom) out.push(normaliseText(original.slice(copyFrom, copyTo)));
    copyFrom = copyTo = 0;
  };
  const extendRun = (from: number, n: number): void => {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.from + last.length === from && last.at + last.length === length) {
      last.length += n;
    } else {
      runs.push({ at: length, from, length: n });
    }
    length += n;
  };
  /** original[from, to) goes out as itself (normalised one for one) */
  const emitOriginal = (from: number, to: number): void => {
    extendRun(from, to - from);
    if (copyTo > copyFrom && copyTo === from) copyTo = to;
    else {
      flushCopy();
      copyFrom = from;
      copyTo = to;
    }
  };
  /** a separator written at `from`: the original character when it is already that separator */
  const emitSeparator = (chunk: string, from: number): void => {
    if (original[from] === chunk) {
      emitOriginal(from, from + 1);
      return;
    }
    extendRun(from, 1);
    flushCopy();
    out.push(chunk);
  };
  const flushSpace = (): void => {
    if (pendingFirst < 0) return;
    if (length > 0) {
      if (newline1 >= 0) {
        emitSeparator('\n', newline0);
        emitSeparator('\n', newline1);
      } else if (newline0 >= 0) {
        emitSeparator('\n', newline0);
      } else {
        emitSeparator(' ', pendingFirst);
      }
    }
    pendingFirst = -1;
    newline0 = newline1 = -1;
  };

  for (const [start, end] of kept) {
    let at = start;
    while (at < end) {
      let wsStart = at;
      while (wsStart < end && !isSpaceOrInvisible(original.charCodeAt(wsStart))) wsStart++;
      if (wsStart > at) {
        flushSpace();
        emitOriginal(at, wsStart);
      }
      if (wsStart >= end) break;
      let wsEnd = wsStart;
      while (wsEnd < end && isSpaceOrInvisible(original.charCodeAt(wsEnd))) wsEnd++;
      noteSpace(original, wsStart, wsEnd);
      at = wsEnd;
    }
  }
  flushCopy();
  return { text: out.join(''), offsets: { runs } };

  function noteSpace(text: string, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      // invisible characters (zero-width space, BOM, soft hyphen) vanish without making a gap
      if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0xad) continue;
      if (pendingFirst < 0) pendingFirst = i;
      const isBreak = c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) || c === 0x2028 || c === 0x2029;
      if (isBreak) {
        if (newline0 < 0) newline0 = i;
        else if (newline1 < 0) newline1 = i;
      }
    }
  }
}

/** The characters of /[\s\u200b-\u200d\u2060\ufeff\u00ad]/: JavaScript's white space, and the invisible ones. */
function isSpaceOrInvisible(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0xad ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Where cleaned offset `index` came from in the original text (-1 outside the text). */
export function toOriginal(map: OffsetMap, index: number): number {
  const runs = map.runs;
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const run = runs[mid]!;
    if (index < run.at) hi = mid - 1;
    else if (index >= run.at + run.length) lo = mid + 1;
    else return run.from + (index - run.at);
  }
  return -1;
}

const QUOTE_OR_DASH = '[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2010-\u2015\u2212]';
const HAS_QUOTE_OR_DASH = new RegExp(QUOTE_OR_DASH);
const QUOTES_AND_DASHES = new RegExp(QUOTE_OR_DASH, 'g');

/** The one-for-one character normalisation: typographic quotes to ASCII quotes, dashes to "-". */
export function normaliseChar(c: string): string {
  switch (c) {
    case '\u2018': case '\u2019': case '\u201a': case '\u201b': case '\u2032':
      return "'";
    case '\u201c': case '\u201d': case '\u201e': case '\u201f': case '\u2033': case '\u00ab': case '\u00bb':
      return '"';
    case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014': case '\u2015': case '\u2212':
      return '-';
    default:
      return /^[\s]$/.test(c) ? (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029' ? '\n' : ' ') : c;
  }
}

function normaliseText(chunk: string): string {
  return HAS_QUOTE_OR_DASH.test(chunk) ? chunk.replace(QUOTES_AND_DASHES, normaliseChar) : chunk;
}

/** The complement of the removals inside [0, length), merged and sorted. */
function keptRanges(length: number, removals: readonly Removal[]): Array<[number, number]> {
  const sorted = [...removals].sort((a, b) => a.start - b.start);
  const kept: Array<[number, number]> = [];
  let at = 0;
  for (const { start, end } of sorted) {
    if (start > at) kept.push([at, Math.min(start, length)]);
    at = Math.max(at, end);
  }
  if (at < length) kept.push([at, length]);
  return kept;
}
