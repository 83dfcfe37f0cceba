/**
 * The plain data the extraction stages hand each other for one article, and what the per-article step
 * returns: small, serialisable (worker threads can send it), enough for the cross-article merge.
 */
import type { Analysis } from '../nlp';
import type { Schema } from '../schema';
import type { Article } from '../../src/model/article';
import type { ExtractedArticle, Evidence } from '../../src/model/extraction';

export type EntityKind =
  /** a proper name: "Mark Esper", "NATO", "Brussels", "the Afghan government" */
  | 'name'
  /** a person named by role only: "a U.S. soldier", "the U.S. defense secretary" */
  | 'role'
  /** an unnamed event or thing: "the talks", "a proposal for a ceasefire" */
  | 'description';

/** One entity of one article, with every surface form the article uses for it. */
export interface LocalEntity {
  /** index in the article's entity list */
  id: number;
  name: string;
  type: string;
  labels: string[];
  kind: EntityKind;
  aliases: string[];
  count: number;
  /** normalised names another article may call it by ("nato", "north atlantic treaty organization") */
  keys: string[];
  /** bodies: their keys without a legal form ("seagram" for "Seagram Co Ltd"), which only another body may share */
  shortKeys: string[] | undefined;
  /** descriptions and roles: the head noun, lower case ("talks", "soldier") */
  head?: string;
  /** roles: the normalised title ("defense secretary"); people: the titles the article gives them */
  titles?: string[];
  /** roles and titled people: the normalised name of the country or body the title belongs to */
  affiliation?: string;
  /** places: the normalised name of the place the article puts it in ("Brussels, Belgium") */
  within?: string;
  /** roles and descriptions: introduced with "the" (it points back at something known) */
  definite?: boolean;
  /** descriptions: the keys of the named things inside the phrase ("nato" in "a meeting of NATO chiefs") */
  inside?: string[];
  /** kept only when a relation uses it */
  weak?: boolean;
  /** why mentions were joined into this entity, for --explain */
  why: string[];
}

/** Where an entity is mentioned. */
export interface Ref {
  entity: number;
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  sentence: number;
  how: 'name' | 'pronoun' | 'description' | 'group' | 'adjective' | 'role' | 'event' | 'title';
}

export interface LocalRelation {
  subject: number;
  predicate: string;
  object: number;
  /** the words that state it, as written */
  text: string;
  confidence: number;
  sentence: number;
  subjectSpan: [number, number];
  objectSpan: [number, number];
  date?: string;
  quote?: string;
  properties?: Record<string, string>;
  /** the rule that found it */
  rule: string;
}

/** What the per-article step returns. */
export interface ArticleExtraction {
  article: ExtractedArticle;
  entities: LocalEntity[];
  relations: Array<{
    subject: number;
    predicate: string;
    object: number;
    text: string;
    confidence: number;
    properties?: Record<string, string>;
    rule: string;
    evidence: Evidence;
  }>;
}

/** The working state of one article as it passes through the stages; each stage fills its fields. */
export interface ArticleState {
  article: Article;
  schema: Schema;
  analysis?: Analysis;
  /** entity candidates in text order, before resolution */
  candidates?: Candidate[];
  entities?: LocalEntity[];
  refs?: Ref[];
  /** the entity each candidate resolved to, or -1 */
  entityOf?: Int32Array;
  relations?: LocalRelation[];
}

/** A span that may name or point at an entity; the resolve stage decides which. */
export interface Candidate {
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  sentence: number;
  /** the surface form */
  text: string;
  how: Ref['how'];
  /** node type, when the candidate says */
  type?: string;
  kind: EntityKind;
  /** the name the entity would take (the surface form without "the", title or possessive) */
  name: string;
  /** normalised identity of a name ("united states" for "U.S." and "America") */
  key?: string;
  /** a body's key without its legal form ("seagram" for "Seagram Co Ltd"), which shorter mentions use */
  shortKey?: string;
  labels?: string[];
  head?: string;
  title?: string;
  /** the candidate index of the country or body a role or title belongs to */
  affiliation?: number;
  definite?: boolean;
  weak?: boolean;
  /** pronoun and description candidates: the type and sort of thing they point at */
  pointsAt?: { type: string; country?: boolean; head?: string };
  /** a description followed by "'s" ("the alliance's") */
  possessive?: boolean;
  /** roles: the candidate index of the person named beside it after a comma ("Iran's president, Mohammad Khatami") */
  apposedTo?: number;
  /** the surface form with its complement ("a meeting of defense chiefs from NATO"), kept as an alias */
  longText?: string;
  /** the surface form with the title in front ("U.S. Secretary of Defense Mark Esper"), kept as an alias */
  titledText?: string;
}
