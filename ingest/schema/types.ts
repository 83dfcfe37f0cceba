/**
 * A graph schema as data: the node types, the relationship types, and the words that signal them.
 * The default is ../shared/spec/news-schema.md; a user's `--schema FILE` replaces or extends it.
 */

export interface NodeType {
  name: string;
  description?: string;
}

export interface RelationType {
  /** UPPER_SNAKE_CASE */
  name: string;
  description?: string;
  /** node types allowed at each end; absent = any */
  subject?: string[];
  object?: string[];
  /** direction does not matter (A MET_WITH B is B MET_WITH A) */
  symmetric?: boolean;
}

/**
 * A verb that signals a relation: "X negotiated with Y" is `{verbs: ["negotiate"], via: "with", predicate: "NEGOTIATED_WITH"}`.
 * `via` is the preposition that introduces the object; absent means the direct object.
 */
export interface VerbPattern {
  /** lemmas, lower case */
  verbs: string[];
  predicate: string;
  via?: string;
  /** node types the object may have (narrows the pattern, e.g. "attend" only to an Event) */
  object?: string[];
  /** node types the subject may have */
  subject?: string[];
}

/** A noun that names an action of the word before it on the noun after it: "the Taliban killing of a soldier". */
export interface NounPattern {
  nouns: string[];
  predicate: string;
  /** the preposition that introduces the object: "of", "toward", "against" */
  via: string[];
}

export interface Schema {
  nodeTypes: NodeType[];
  relationTypes: RelationType[];
  verbs: VerbPattern[];
  nouns: NounPattern[];
  /** titles (lower case) whose holder LEADS the body ("president", "chief executive"); any other gives HOLDS_POSITION */
  leaderTitles: string[];
}

/** What a schema file holds: a partial schema and whether it replaces the default or extends it. */
export interface SchemaFile extends Partial<Schema> {
  mode?: 'extend' | 'replace';
}
