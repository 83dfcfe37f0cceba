/** Names reduced to the form two mentions of the same thing share, and the readable ids made from them. */
import { memoised } from '../../src/util/memo';

const QUOTES = /[\u2018\u2019\u02bc`]/g;

/** Lower case, no "the", no possessive, no dots or apostrophes, single spaces: "the U.S.'s" -> "us". */
// remembered: the same names come back in every article and the merge, and each costs eight regular-expression passes
export const normaliseName = memoised(normaliseNow, 50_000);

function normaliseNow(text: string): string {
  let s = text.replace(QUOTES, "'").toLowerCase();
  s = s.replace(/'s\b/g, '').replace(/s'(?=\s|$)/g, 's');
  s = s.replace(/['.]/g, '').replace(/[^a-z0-9&\- ]+/g, ' ').replace(/\s+/g, ' ').trim();
  return s.replace(/^(the|a|an) /, '');
}

/** The surface form without a leading article or a trailing possessive: "the alliance's" -> "alliance". */
export function bareForm(text: string): string {
  return text
    .replace(QUOTES, "'")
    .replace(/^(the|a|an)\s+/i, '')
    .replace(/'s?$/, '')
    .trim();
}

export function slug(text: string): string {
  return normaliseName(text).replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
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
