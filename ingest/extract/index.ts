/** Extraction: articles -> entities and facts -> one ExtractionDocument (the stage table, the per-article step, the merge). */
export { extractDocument, Extractor, type ExtractOptions } from './document';
export { extractArticle, articleRecord, extractionFailureNote, truncationNote, MAX_EXTRACTED_CHARS } from './article';
export { STAGES, DEFAULT_PIPELINE, checkPipeline, type Stage, type StageContext } from './stages';
export { toTsv } from './tsv';
export { ExtractionPool, ExtractionFailed, InlineExtractions, extractInOrder, defaultWorkerCount, type ArticleExtractions, type ExtractedArticle } from './pool';
export type { ArticleExtraction, LocalEntity, LocalRelation, Ref, Candidate, EntityKind } from './types';
export { mergeExtractions, joinKnown, namesToLookUp, type KnownEntity, type KnownJoin } from '../resolve';
export { DEFAULT_SCHEMA, loadSchema, type Schema } from '../schema';
