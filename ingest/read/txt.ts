import type { Removal } from '../../src/model/article';
import type { Draft } from './draft';

/** Plain text: the story, optionally under a title line (the first line, then a blank line). */
export function parseTxt(text: string): Draft {
  const title = titleLine(text);
  return title ? { original: text, title: title.text, removals: [title.removal] } : { original: text };
}

/** A first line, a blank line, more text: sticky, so it matches only where it is asked to. */
const TITLE_LINE = /\s*(\S[^\r\n]{0,300}?)[^\S\r\n]*\r?\n[^\S\r\n]*\r?\n\s*\S/y;

/** The first line, if it reads as a headline and a blank line separates it from the text below. */
export function titleLine(text: string, from = 0): { text: string; removal: Removal } | undefined {
  TITLE_LINE.lastIndex = from;
  const m = TITLE_LINE.exec(text);
  if (!m) return undefined;
  const line = m[1]!;
  if (!looksLikeHeadline(line)) return undefined;
  const start = m.index + m[0].indexOf(line);
  return { text: line, removal: { start, end: start + line.length, rule: 'title' } };
}

function looksLikeHeadline(line: string): boolean {
  const words = line.split(/\s+/).length;
  if (line.length > 200 || words > 30) return false;
  if (/[,;:]$/.test(line)) return false;
  if (line.endsWith('.') && !line.endsWith('...')) {
    // a headline does not end a sentence, but it may end in an abbreviation ("TO TRADE IN U.S.")
    const allCaps = !/\p{Ll}/u.test(line);
    const abbreviation = /(^|\s)(\p{L}\.){2,}$|\b(Inc|Corp|Co|Ltd|Jr|Sr)\.$/u.test(line);
    if (!allCaps && !abbreviation) return false;
  }
  return true;
}
