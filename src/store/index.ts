export { loadExtraction, knownArticleIds, DEFAULT_BATCH_SIZE } from './load';
export type { LoadOptions, LoadSummary, LoadFailure } from './load';
export { retractArticles, findArticlesByReference } from './retract';
export type { RetractResult } from './retract';
export { ensureSchema, SCHEMA_STATEMENTS } from './schema';
export { entitiesNamed, entityIdsInGraph, type GraphEntity } from './known';
