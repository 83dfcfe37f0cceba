import type { Json } from './types';

/**
 * A fact's evidence, read back from the parallel `evidence*` lists of its relationship (docs/data-model.md),
 * and the marks that show which words of a sentence name the subject, the object and the relation.
 * No DOM here: the panel turns segments into text nodes.
 */

export interface Evidence {
  article: string;
  sentence: string;
  /** offsets of the sentence in the article's cleaned text */
  start: number;
  end: number;
  /** the verb phrase */
  text: string;
  confidence: number | null;
  /** YYYY-MM-DD, '' when the sentence gives none */
  date: string;
  /** offsets in the article's cleaned text; undefined when unknown (-1 in the graph) */
  subject?: [number, number];
  object?: [number, number];
  quote: string;
}

export type Mark = 'subject' | 'object' | 'relation';

export interface Segment {
  text: string;
  mark?: Mark;
}

interface Span {
  start: number;
  end: number;
  mark: Mark;
}

/** Zips the parallel lists; a list shorter than `evidenceArticle` (an older load) leaves its field empty. */
export function evidenceOf(properties: Record<string, Json>): Evidence[] {
  const list = (key: string): Json[] => (Array.isArray(properties[key]) ? (properties[key] as Json[]) : []);
  const articles = list('evidenceArticle');
  const str = (key: string, i: number): string => {
    const v = list(key)[i];
    return typeof v === 'string' ? v : '';
  };
  const num = (key: string, i: number): number | null => {
    const v = list(key)[i];
    return typeof v === 'number' ? v : null;
  };
  const span = (startKey: string, endKey: string, i: number): [number, number] | undefined => {
    const s = num(startKey, i);
    const e = num(endKey, i);
    return s !== null && e !== null && s >= 0 && e > s ? [s, e] : undefined;
  };
  return articles.map((article, i) => ({
    article: typeof article === 'string' ? article : String(article),
    sentence: str('evidenceSentence', i),
    start: num('evidenceStart', i) ?? -1,
    end: num('evidenceEnd', i) ?? -1,
    text: str('evidenceText', i),
    confidence: num('evidenceConfidence', i),
    date: str('evidenceDate', i),
    subject: span('evidenceSubjectStart', 'evidenceSubjectEnd', i),
    object: span('evidenceObjectStart', 'evidenceObjectEnd', i),
    quote: str('evidenceQuote', i),
  }));
}

/**
 * The sentence cut into plain and marked segments. The stored offsets win when they fall inside the sentence;
 * otherwise (unknown, or a sentence that was trimmed) the longest of the entity's names found as whole words
 * stands in. Overlapping marks keep the first one placed: subject, then object, then the verb phrase.
 */
export function highlight(evidence: Evidence, subjectNames: readonly string[], objectNames: readonly string[]): Segment[] {
  const sentence = evidence.sentence;
  const spans: Span[] = [];
  const place = (span: Span | undefined): void => {
    if (span && !spans.some((s) => s.start < span.end && span.start < s.end)) spans.push(span);
  };
  place(fromOffsets(evidence, evidence.subject, 'subject') ?? findName(sentence, subjectNames, 'subject', spans));
  place(fromOffsets(evidence, evidence.object, 'object') ?? findName(sentence, objectNames, 'object', spans));
  if (evidence.text) place(findName(sentence, [evidence.text], 'relation', spans));
  return segments(sentence, spans);
}

function fromOffsets(evidence: Evidence, offsets: [number, number] | undefined, mark: Mark): Span | undefined {
  if (!offsets || evidence.start < 0) return undefined;
  const start = offsets[0] - evidence.start;
  const end = offsets[1] - evidence.start;
  if (start < 0 || end > evidence.sentence.length || end <= start) return undefined;
  return { start, end, mark };
}

const WORD = /[\p{L}\p{N}]/u;

/** The first whole-word, case-insensitive occurrence of the longest name that does not overlap a placed span. */
function findName(sentence: string, names: readonly string[], mark: Mark, placed: readonly Span[]): Span | undefined {
  const lower = sentence.toLowerCase();
  const sorted = [...new Set(names.filter((n) => n.trim() !== ''))].sort((a, b) => b.length - a.length);
  for (const name of sorted) {
    const needle = name.toLowerCase();
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      const wholeWord = !(at > 0 && WORD.test(sentence[at - 1]!) && WORD.test(sentence[at]!)) && !(end < sentence.length && WORD.test(sentence[end]!) && WORD.test(sentence[end - 1]!));
      if (!wholeWord) continue;
      if (placed.some((s) => s.start < end && at < s.end)) continue;
      return { start: at, end, mark };
    }
  }
  return undefined;
}

function segments(sentence: string, spans: Span[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start > at) out.push({ text: sentence.slice(at, span.start) });
    out.push({ text: sentence.slice(span.start, span.end), mark: span.mark });
    at = span.end;
  }
  if (at < sentence.length || out.length === 0) out.push({ text: sentence.slice(at) });
  return out;
}
