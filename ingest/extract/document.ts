/**
 * Extraction over many articles: each article through the per-article stages (only its small result is
 * kept; its text and analysis are dropped), then the cross-article merge into one ExtractionDocument.
 */
import type { Article } from '../../src/model/article';
import type { ExtractionDocument } from '../../src/model/extraction';
import { loadNlp, type Nlp } from '../nlp';
import { defaultCountries, mergeExtractions, type Countries } from '../resolve';
import { DEFAULT_SCHEMA, type Schema } from '../schema';
import { extractArticle } from './article';
import { checkPipeline, DEFAULT_PIPELINE, type Stage } from './stages';
import type { ArticleExtraction } from './types';

export interface ExtractOptions {
  schema?: Schema;
  /** the NLP layer; loaded from models/ when absent */
  nlp?: Nlp;
  countries?: Countries;
  /** stage names, in order (default: read, clean, segment, entities, resolve, relations, graph) */
  pipeline?: readonly string[];
  /** add `mergedBecause` to each entity */
  explain?: boolean;
  /** called after each article */
  onArticle?: (article: Article, result: ArticleExtraction) => void;
}

/** A ready extractor: check the pipeline once, then `article()` per article and `merge()` at the end. */
export class Extractor {
  readonly schema: Schema;
  private readonly stages: Stage[];
  private nlp: Nlp | undefined;
  private countries: Countries | undefined;

  constructor(private readonly options: ExtractOptions = {}) {
    this.stages = checkPipeline(options.pipeline ?? DEFAULT_PIPELINE);
    this.schema = options.schema ?? DEFAULT_SCHEMA;
    this.nlp = options.nlp;
    this.countries = options.countries;
  }

  /** The per-article step: plain, serialisable data. */
  article(article: Article): ArticleExtraction {
    // loaded on first use: an extractor whose articles go to worker threads only merges, and needs no model
    this.nlp ??= loadNlp();
    this.countries ??= defaultCountries();
    const result = extractArticle(article, this.schema, this.stages, { nlp: this.nlp, countries: this.countries });
    // the reasons are read only to explain merges; kept for every entity of a long run, they are the
    // largest part of what waits for the merge
    if (!this.options.explain) for (const e of result.entities) e.why = NO_REASONS;
    return detach(result);
  }

  /** The cross-article step. */
  merge(results: readonly ArticleExtraction[]): ExtractionDocument {
    const symmetric = new Set(this.schema.relationTypes.filter((t) => t.symmetric).map((t) => t.name));
    return mergeExtractions(results, { symmetric, ...(this.options.explain ? { explain: true } : {}) });
  }
}

/** read -> extract -> merge for articles from any (async) iterable. */
export async function extractDocument(articles: Iterable<Article> | AsyncIterable<Article>, options: ExtractOptions = {}): Promise<ExtractionDocument> {
  const extractor = new Extractor(options);
  const results: ArticleExtraction[] = [];
  for await (const article of articles) {
    const result = extractor.article(article);
    options.onArticle?.(article, result);
    results.push(result);
  }
  return extractor.merge(results);
}

const NO_REASONS: string[] = [];

/**
 * Copies of the result's strings that do not share the article's text. V8 makes a slice of a long
 * string point into the original, so one kept alias or evidence sentence would keep the whole article
 * alive until the merge; over thousands of articles that is most of the memory a run holds. Equal strings
 * share one copy: a long sentence behind many facts (a 1 MB line is one "sentence") is copied once, not
 * once per fact, which ran a hostile input out of memory.
 */
function detach<T>(value: T, copies = new Map<string, string>()): T {
  if (typeof value === 'string') {
    if (value.length < 13) return value;
    let copy = copies.get(value);
    if (copy === undefined) {
      copy = (' ' + value).slice(1);
      copies.set(value, copy);
    }
    return copy as T;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = detach(value[i], copies);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // for-in rather than Object.keys: no array of keys per object, for every object of every result
    for (const key in record) record[key] = detach(record[key], copies);
  }
  return value;
}
