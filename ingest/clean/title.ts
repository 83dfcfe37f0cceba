/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'gov', 'sen', 'rep',
  'pres', 'rev', 'hon', 'no', 'vs', 'inc', 'corp', 'co', 'ltd', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'fig', 'approx', 'dept', 'est',
]);

/**
 * A stand-in headline for an article that has none: its first sentence, cut at a word boundary
 * when longer than `max` characters.
 */
export function leadSentence(text: string, max = 120): string | undefined {
  const paragraph = text.split(/\n\s*\n/, 1)[0]?.trim() ?? '';
  if (paragraph.length === 0) return undefined;
  let sentence = paragraph;
  const ends = /[.!?]["')\]]*(?=\s+["'(\[]?\p{Lu})/gu;
  for (const m of paragraph.matchAll(ends)) {
    const before = paragraph.slice(0, m.index!).split(/\s+/).pop() ?? '';
    // "U.S." and "Mr." end no sentence, nor does a single initial ("John F. Kennedy")
    if (m[0].startsWith('.') && (ABBREVIATIONS.has(before.toLowerCase()) || /^(\p{L}\.)*\p{L}$/u.test(before))) continue;
    sentence = paragraph.slice(0, m.index! + m[0].length);
    break;
  }
  sentence = sentence.replace(/\s+/g, ' ');
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : max).replace(/[\s,;:-]+$/, '')}\u2026`;
}
