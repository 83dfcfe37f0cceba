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
  const pendingNewlines: number[] = [];

  const emit = (chunk: string, from: number): void => {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.from + last.length === from && last.at + last.length === length) {
      last.length += chunk.length;
    } else {
      runs.push({ at: length, from, length: chunk.length });
    }
    out.push(chunk);
    length += chunk.length;
  };
  const flushSpace = (): void => {
    if (pendingFirst < 0) return;
    if (length > 0) {
      if (pendingNewlines.length >= 2) {
        emit('\n', pendingNewlines[0]!);
        emit('\n', pendingNewlines[1]!);
      } else if (pendingNewlines.length === 1) {
        emit('\n', pendingNewlines[0]!);
      } else {
        emit(' ', pendingFirst);
      }
    }
    pendingFirst = -1;
    pendingNewlines.length = 0;
  };

  const space = /[\s\u200b-\u200d\u2060\ufeff\u00ad]+/g;
  for (const [start, end] of kept) {
    space.lastIndex = start;
    let at = start;
    while (at < end) {
      const match = space.exec(original);
      const wsStart = match === null || match.index >= end ? end : match.index;
      if (wsStart > at) {
        flushSpace();
        emit(normaliseText(original.slice(at, wsStart)), at);
      }
      if (wsStart >= end) break;
      const wsEnd = Math.min(end, wsStart + match![0].length);
      noteSpace(original, wsStart, wsEnd);
      at = wsEnd;
      space.lastIndex = wsEnd;
    }
  }
  return { text: out.join(''), offsets: { runs } };

  function noteSpace(text: string, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      // invisible characters (zero-width space, BOM, soft hyphen) vanish without making a gap
      if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0xad) continue;
      if (pendingFirst < 0) pendingFirst = i;
      const isBreak = c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) || c === 0x2028 || c === 0x2029;
      if (isBreak && pendingNewlines.length < 2) pendingNewlines.push(i);
    }
  }
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
