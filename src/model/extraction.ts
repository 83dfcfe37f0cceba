/**
 * The extraction document: what `graphwire extract --format json` prints and what the loader writes to Neo4j.
 * The required fields are the stable contract of ../shared/spec/extraction-json.md; the optional ones are
 * additions the contract allows (fields may be added, never renamed or dropped).
 */

export interface ExtractedArticle {
  id: string;
  /** base name of the input file */
  file: string;
  title?: string;
  source?: string;
  /** YYYY-MM-DD */
  published?: string;
  /** "metadata", "text" or "inferred: …" (see Article.publishedFrom) */
  publishedFrom?: string;
  dateline?: string;
  url?: string;
  byline?: string;
  /**
   * What makes a later, edited version recognisable as the same document: the URL when known, else the
   * input path. An article with a known key but a new id replaces the old version's facts. Absent (and no url):
   * the article never replaces another.
   */
  key?: string;
}

/** How often an entity is mentioned in one article, and by which surface forms. */
export interface EntityMentions {
  article: string;
  count: number;
  aliases: string[];
}

export interface ExtractedEntity {
  id: string;
  name: string;
  /** a node type of the schema: Person, Organization, Location, Event, Other (or the user's) */
  type: string;
  /** every surface form resolved to the entity, the name included */
  aliases: string[];
  /** ids of the articles that mention it */
  articles: string[];
  /** extra labels, e.g. ["Country"] on a Location that is a country */
  labels?: string[];
  /** per-article mention counts and surface forms (when absent: one mention, all aliases, in each article) */
  mentions?: EntityMentions[];
}

export interface Evidence {
  article: string;
  /**
   * the sentence as it stands in the article's cleaned text; past 1,000 characters (scraped text with no full
   * stops), an excerpt of about that length around the two mentions (around the first when they are further apart)
   */
  sentence: string;
  /** offsets of the sentence (or excerpt) in the article's cleaned text */
  start: number;
  end: number;
  /** the verb phrase as written in this sentence */
  text?: string;
  confidence?: number;
  /** YYYY-MM-DD, when the text dates the fact */
  date?: string;
  /** offsets (in the cleaned text) of the subject and object mentions, for highlighting */
  subjectSpan?: [number, number];
  objectSpan?: [number, number];
  /** for STATED: the quote */
  quote?: string;
}

export interface ExtractedRelation {
  subject: string;
  /** a relationship type of the schema (UPPER_SNAKE_CASE) */
  predicate: string;
  object: string;
  /** the verb phrase as written */
  text: string;
  confidence: number;
  evidence: Evidence[];
  /** scalar properties the pattern gives the fact, e.g. {title: "Secretary of Defense"} on HOLDS_POSITION */
  properties?: Record<string, string | number | boolean>;
}

export interface ExtractionDocument {
  articles: ExtractedArticle[];
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
}
