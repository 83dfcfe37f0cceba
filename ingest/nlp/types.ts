/**
 * What the NLP layer hands to the later stages. Offsets are character offsets into the text given to
 * `analyse` (end exclusive); token indices point into `tokens`.
 */
import type { EntityType } from './labels';

export type { EntityType } from './labels';

/** Schema node type for each recogniser label; MISC has none and is kept as a hint. */
export const SCHEMA_TYPE: Record<EntityType, 'Person' | 'Organization' | 'Location' | undefined> = {
  PER: 'Person',
  ORG: 'Organization',
  LOC: 'Location',
  MISC: undefined,
};

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** tokens [tokenStart, tokenEnd) */
  tokenStart: number;
  tokenEnd: number;
}

export interface Token extends Span {
  text: string;
  /** Penn Treebank tag from our tagger ("NNP", "VBD", ...) */
  pos: string;
  sentence: number;
}

/**
 * The tokens of an analysed text, by index from 0. Columns rather than a Token object per token: the
 * later stages read a few fields of every token, and tens of thousands of small objects per article cost
 * more to make and collect than the reading does. Outside [0, count) the string columns give ''.
 */
export interface Tokens {
  readonly count: number;
  /** as written */
  text(i: number): string;
  /** in lower case */
  lower(i: number): string;
  /** Penn Treebank tag from our tagger ("NNP", "VBD", ...) */
  pos(i: number): string;
  /** character offsets, for i in [0, count) */
  start(i: number): number;
  end(i: number): number;
  /** sentence index, for i in [0, count) */
  sentence(i: number): number;
  /** One object per token, for tests and tools that want them. */
  toArray(): Token[];
}

/** A base noun phrase or verb group, from the part-of-speech tags. */
export interface Chunk extends Span {
  kind: 'NP' | 'VP';
  tokenStart: number;
  tokenEnd: number;
  sentence: number;
}

export interface Mention extends Span {
  text: string;
  label: EntityType;
  /** the schema's type for label; undefined for MISC (nationalities, events, products...) */
  type: 'Person' | 'Organization' | 'Location' | undefined;
  tokenStart: number;
  tokenEnd: number;
  sentence: number;
}

export interface EventMention extends Span {
  text: string;
  /** the head noun that makes it an event, lower case: "meeting", "talks", "war" */
  trigger: string;
  /** a coarse class of the trigger */
  kind: 'meeting' | 'conflict' | 'attack' | 'election' | 'agreement' | 'mission' | 'other';
  tokenStart: number;
  tokenEnd: number;
  sentence: number;
}

export interface DateMention extends Span {
  text: string;
  /** ISO 8601: "2020-02-13", "2020-02", "2020", or a week "2020-W07"; undefined when it cannot be resolved */
  value: string | undefined;
  granularity: 'day' | 'week' | 'month' | 'year';
  sentence: number;
}

export interface Quantity extends Span {
  text: string;
  value: number;
  /** what is counted or measured: "troops", "%", "$", "days"; undefined for a bare number */
  unit: string | undefined;
  /** "more than", "about", "at least" ...: the qualifier as written, lower case */
  qualifier: string | undefined;
  sentence: number;
}

export interface Analysis {
  text: string;
  sentences: Sentence[];
  tokens: Tokens;
  chunks: Chunk[];
  mentions: Mention[];
  events: EventMention[];
  /**
   * Dates and quantities are found when first read: the relation finder reads dates only for an article
   * with facts, and no extraction stage reads quantities, so most articles never pay for their patterns.
   */
  readonly dates: DateMention[];
  readonly quantities: Quantity[];
}

export interface AnalyseOptions {
  /** the article's date, "YYYY-MM-DD": relative dates ("on Thursday", "last month") resolve against it */
  published?: string;
}
