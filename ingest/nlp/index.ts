/** The NLP layer: sentences, tokens, part of speech, entities, events, dates and quantities. */
export { Nlp, loadNlp, defaultModelPath } from './nlp';
export type { Annotated } from './annotated';
export { SCHEMA_TYPE } from './types';
export type {
  Analysis,
  AnalyseOptions,
  Chunk,
  DateMention,
  EntityType,
  EventMention,
  Mention,
  Quantity,
  Sentence,
  Span,
  Token,
  Tokens,
} from './types';
