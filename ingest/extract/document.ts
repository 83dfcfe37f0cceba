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
  private readonly nlp: Nlp;
  private readonly countries: Countries;

  constructor(private readonly options: ExtractOptions = {}) {
    this.stages = checkPipeline(options.pipeline ?? DEFAULT_PIPELINE);
    this.schema = options.schema ?? DEFAULT_SCHEMA;
    this.nlp = options.nlp ?? loadNlp();
    this.countries = options.countries ?? defaultCountries();
  }

  /** The per-article step: plain, serialisable data. */
  article(article: Article): ArticleExtraction {
    return extractArticle(article, this.schema, this.stages, { nlp: this.nlp, countries: this.countries });
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
