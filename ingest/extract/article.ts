/**
 * The per-article step: one cleaned article in, its entities (every alias) and facts (with evidence)
 * out, as plain data. Pure apart from the NLP model it is given, so articles can be spread over workers
 * and the results merged later by `mergeExtractions`.
 */
import { isAbsolute, resolve as resolvePath } from 'node:path';
import type { Article } from '../../src/model/article';
import type { ExtractedArticle } from '../../src/model/extraction';
import type { Schema } from '../schema';
import { runArticleStages, type Stage, type StageContext } from './stages';
import type { ArticleExtraction, ArticleState, LocalEntity } from './types';
import { evidenceExcerpt } from './excerpt';
import { definedFields } from '../../src/util/defined';

/**
 * Text past this many characters is not extracted. News stories are far shorter (the longest of 21,000 in the
 * benchmark corpora is under 30,000); resolution and relation finding grow faster than linearly with article
 * length, so a hostile 1 MB input would otherwise take minutes (measured: 0.2 MB 2 s, 0.4 MB 14 s, 1 MB 60-70 s).
 */
export const MAX_EXTRACTED_CHARS = 200_000;

export function extractArticle(article: Article, schema: Schema, stages: readonly Stage[], context: StageContext): ArticleExtraction {
  const state: ArticleState = { article: withinLimit(article), schema };
  runArticleStages(stages, state, context);
  return pack(state);
}

/** Where an article was read, as messages name it: its path, and the line of a JSON Lines or JSON array input. */
function placeOf(article: Article): string {
  return `${article.path}${article.line === undefined ? '' : `:${article.line}`}`;
}

/** What to tell people when an article could not be extracted (the rest of the run goes on). */
export function extractionFailureNote(article: Article, error: Error): string {
  return `${placeOf(article)}: extraction failed: ${error.message}`;
}

/** What to tell people when an article is longer than what is extracted from it; undefined when it is not. */
export function truncationNote(article: Article): string | undefined {
  if (article.text.length <= MAX_EXTRACTED_CHARS) return undefined;
  return `${placeOf(article)}: only the first ${MAX_EXTRACTED_CHARS.toLocaleString('en')} of ${article.text.length.toLocaleString('en')} characters were extracted`;
}

/** The article cut at the last sentence or line end before the limit (offsets of the kept text are unchanged). */
function withinLimit(article: Article): Article {
  if (article.text.length <= MAX_EXTRACTED_CHARS) return article;
  const head = article.text.slice(0, MAX_EXTRACTED_CHARS);
  const end = Math.max(head.lastIndexOf('. '), head.lastIndexOf('\n'));
  return { ...article, text: end > MAX_EXTRACTED_CHARS / 2 ? head.slice(0, end + 1) : head };
}

/** What the article's node carries; `key` = URL, else the absolute path (#line for a line of JSON Lines). */
export function articleRecord(article: Article): ExtractedArticle {
  const out: ExtractedArticle = { id: article.id, file: article.file };
  if (article.title !== undefined) out.title = article.title;
  if (article.source !== undefined) out.source = article.source;
  if (article.published !== undefined) out.published = article.published;
  if (article.publishedFrom !== undefined) out.publishedFrom = article.publishedFrom;
  if (article.dateline !== undefined) out.dateline = article.dateline;
  if (article.url !== undefined) out.url = article.url;
  if (article.byline !== undefined) out.byline = article.byline;
  if (article.url !== undefined) out.key = article.url;
  else if (article.path !== '-') {
    const path = isAbsolute(article.path) ? article.path : resolvePath(article.path);
    out.key = article.line !== undefined ? `${path}#${article.line}` : path;
  }
  return out;
}

/** Keep what the merge needs: live entities (weak ones only when a fact uses them) and facts with evidence. */
function pack(state: ArticleState): ArticleExtraction {
  const article = articleRecord(state.article);
  const entities = state.entities ?? [];
  const relations = state.relations ?? [];
  const used = new Set<number>();
  for (const r of relations) {
    used.add(r.subject);
    used.add(r.object);
  }
  const keep = (e: LocalEntity): boolean => e.count > 0 && (!e.weak || used.has(e.id)) && (e.kind !== 'description' || !e.weak || used.has(e.id));
  // without `weak` (read only here) and without the fields this article left undefined: the stages give every
  // entity all of its fields, so that entities share one shape while they work
  const kept = entities.filter(keep).map((e) => definedFields(e, 'weak'));
  // "Paris, France": the place a place is in tells two places of one name apart in the merge
  for (const r of relations) {
    if (r.rule !== 'place, country') continue;
    const place = kept.find((e) => e.id === r.subject);
    const country = entities[r.object];
    if (place !== undefined && country !== undefined && place.within === undefined) place.within = country.keys[0]!;
  }
  const alive = new Set(kept.map((e) => e.id));
  const text = state.article.text;
  const sentences = state.analysis?.sentences ?? [];
  return {
    article,
    entities: kept,
    relations: relations
      .filter((r) => alive.has(r.subject) && alive.has(r.object))
      .map((r) => {
        const s = sentences[r.sentence]!;
        const excerpt = evidenceExcerpt(text, s.start, s.end, [r.subjectSpan, r.objectSpan]);
        const evidence = {
          article: article.id,
          sentence: text.slice(excerpt.start, excerpt.end),
          start: excerpt.start,
          end: excerpt.end,
          text: r.text,
          confidence: r.confidence,
          subjectSpan: r.subjectSpan,
          objectSpan: r.objectSpan,
          ...(r.date !== undefined ? { date: r.date } : {}),
          ...(r.quote !== undefined ? { quote: r.quote } : {}),
        };
        return {
          subject: r.subject,
          predicate: r.predicate,
          object: r.object,
          text: r.text,
          confidence: r.confidence,
          rule: r.rule,
          ...(r.properties !== undefined ? { properties: r.properties } : {}),
          evidence,
        };
      }),
  };
}
