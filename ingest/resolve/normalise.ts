/** Names reduced to the form two mentions of the same thing share, and the readable ids made from them. */
import { memoised } from '../../src/util/memo';

const QUOTES = /[\u2018\u2019\u02bc`]/g;

/** Lower case, no "the", no possessive, no dots or apostrophes, single spaces: "the U.S.'s" -> "us". */
export function normaliseName(text: string): string {
  const lower = text.toLowerCase();
  return plainNormal(lower) ?? normaliseMarked(text);
}

// remembered: the same names come back in every article and the merge, and each costs eight regular-expression passes
const normaliseMarked = memoised(normaliseNow, 50_000);

/**
 * The normal form of a lower-cased name that is already nearly one (letters a-z, digits, "&", "-" and single
 * inner spaces, as most names are once lower-cased): only a leading article goes. Undefined for any other
 * name, which takes the full set of passes. A scan and no lookup, so most names cost less than a hash of them.
 */
function plainNormal(s: string): string | undefined {
  const n = s.length;
  if (n === 0) return undefined;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 38 || c === 45) continue;
    if (c === 32 && i > 0 && i < n - 1 && s.charCodeAt(i - 1) !== 32) continue;
    return undefined;
  }
  // as /^(the|a|an) / would take it off
  if (s.startsWith('the ')) return s.slice(4);
  if (s.startsWith('a ')) return s.slice(2);
  if (s.startsWith('an ')) return s.slice(3);
  return s;
}

function normaliseNow(text: string): string {
  let s = text.replace(QUOTES, "'").toLowerCase();
  s = s.replace(/'s\b/g, '').replace(/s'(?=\s|$)/g, 's');
  s = s.replace(/['.]/g, '').replace(/[^a-z0-9&\- ]+/g, ' ').replace(/\s+/g, ' ').trim();
  return s.replace(/^(the|a|an) /, '');
}

/** Words of a company's legal form or of its group, which its name drops as often as not. */
const LEGAL_FORMS: ReadonlySet<string> = new Set(
  (
    'inc incorporated corp corporation co cos company ltd limited plc llc lp llp ag sa nv bv gmbh spa sarl ab asa oyj kk ' +
    'bhd pty group holdings holding'
  ).split(' '),
);

/**
 * A normalised body's name without the legal form at its end ("seagram co ltd" -> "seagram", "procter &
 * gamble co" -> "procter & gamble"), or undefined when it has none or is nothing else.
 */
export function withoutLegalForm(key: string): string | undefined {
  const words = key.split(' ');
  let n = words.length;
  // "& co" goes with its "&"
  while (n > 1 && (LEGAL_FORMS.has(words[n - 1]!) || words[n - 1] === '&' || words[n - 1] === 'and')) n--;
  if (n === words.length) return undefined;
  const short = words.slice(0, n).join(' ');
  return short.length >= 2 && !LEGAL_FORMS.has(short) ? short : undefined;
}

/** The surface form without a leading article or a trailing possessive: "the alliance's" -> "alliance". */
export function bareForm(text: string): string {
  return text
    .replace(QUOTES, "'")
    .replace(/^(the|a|an)\s+/i, '')
    .replace(/'s?$/, '')
    .trim();
}

/** The normal form in letters, digits and single inner dashes, "&" spelled "and": "AT&T Inc." -> "atandt-inc". */
export function slug(text: string): string {
  const s = normaliseName(text);
  let out = '';
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (!alnum && c !== 38) {
      gap = true;
      continue;
    }
    if (gap && out.length > 0) out += '-';
    gap = false;
    out += c === 38 ? 'and' : s[i]!;
  }
  return out || 'x';
}

/** `e:person:mark-esper`: the type and the normalised name, so another article reaches the same node. */
export function entityId(type: string, name: string): string {
  return `e:${type.toLowerCase()}:${slug(name)}`;
}

const MINOR = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'du', 'des', 'la', 'le', 'to', 'at', '&']);

/** The capital initials of a name, "North Atlantic Treaty Organization" -> "NATO"; undefined when too short. */
export function initials(name: string): string | undefined {
  const words = name.split(/[\s-]+/).filter((w) => w !== '' && !MINOR.has(w.toLowerCase()));
  if (words.length < 2) return undefined;
  return words.map((w) => w[0]!.toUpperCase()).join('');
}

/** An all-capitals word of 2-8 letters, dots allowed: "NATO", "U.N.", "SBC". */
export function isAcronym(text: string): boolean {
  const bare = text.replace(/\./g, '');
  return /^[A-Z][A-Z&]{1,7}$/.test(bare);
}
