import type { AttributeSpec, AttributeType, GraphSchema } from './model';

/**
 * The attributes of an export, decided from docs/data-model.md rather than by looking at the data, so the XML
 * formats can declare them before the first node without buffering the graph.
 */

const attr = (name: string, type: AttributeType, more: Partial<AttributeSpec> = {}): AttributeSpec => ({
  name,
  type,
  list: false,
  stored: true,
  graph: true,
  ...more,
});
const list = (name: string, type: AttributeType, more: Partial<AttributeSpec> = {}): AttributeSpec =>
  attr(name, type, { list: true, ...more });

export const ENTITY_ATTRIBUTES: readonly AttributeSpec[] = [
  // the display name Gephi and yEd pick up by this attribute name: the entity's name, the article's title
  attr('label', 'string', { stored: false }),
  // ":Entity:Person", as APOC writes and reads it (the CSV dump has its :LABEL column instead)
  attr('labels', 'string', { stored: false }),
  attr('type', 'string'),
  attr('name', 'string'),
  list('aliases', 'string'),
  attr('aliasText', 'string', { graph: false }),
  attr('mentionCount', 'int'),
  attr('articleCount', 'int'),
  // edges of this export at the node, in and out (a self-loop counts twice, as in NetworkX)
  attr('degree', 'int', { stored: false }),
  // written by a community detection when one has run; absent otherwise
  attr('community', 'long'),
];

export const ARTICLE_ATTRIBUTES: readonly AttributeSpec[] = [
  'title', 'source', 'url', 'published', 'dateline', 'byline', 'file', 'key', 'ingestedAt',
].map((name) => attr(name, 'string'));

export const FACT_ATTRIBUTES: readonly AttributeSpec[] = [
  attr('type', 'string', { stored: false }),
  attr('text', 'string'),
  list('texts', 'string'),
  attr('confidence', 'double'),
  list('articles', 'string'),
  attr('sources', 'int'),
  list('sourceNames', 'string'),
  attr('evidenceCount', 'int'),
  list('dates', 'string'),
  attr('firstDate', 'string'),
  attr('lastDate', 'string'),
  // the evidence, one entry per sentence: bulky, so only the lossless CSV dump carries it
  ...(
    [
      ['evidenceArticle', 'string'],
      ['evidenceSentence', 'string'],
      ['evidenceStart', 'long'],
      ['evidenceEnd', 'long'],
      ['evidenceText', 'string'],
      ['evidenceConfidence', 'double'],
      ['evidenceDate', 'string'],
      ['evidenceSubjectStart', 'long'],
      ['evidenceSubjectEnd', 'long'],
      ['evidenceObjectStart', 'long'],
      ['evidenceObjectEnd', 'long'],
      ['evidenceQuote', 'string'],
    ] as const
  ).map(([name, type]) => list(name, type, { graph: false })),
];

export const MENTION_ATTRIBUTES: readonly AttributeSpec[] = [attr('count', 'int')];

export interface SchemaOptions {
  /** Article nodes and MENTIONS edges too */
  includeArticles: boolean;
  /** scalar properties some patterns add to facts (e.g. title on HOLDS_POSITION), found in the database */
  extraEdgeAttributes?: readonly AttributeSpec[];
  /** properties found on nodes outside the model (the loader's bookkeeping), for the lossless CSV dump */
  extraNodeAttributes?: readonly AttributeSpec[];
}

/** The node and edge attributes of an export; names are unique per domain, first declaration wins. */
export function exportSchema(options: SchemaOptions): GraphSchema {
  const node = [...ENTITY_ATTRIBUTES, ...(options.includeArticles ? ARTICLE_ATTRIBUTES : []), ...(options.extraNodeAttributes ?? [])];
  const edge = [
    ...FACT_ATTRIBUTES,
    ...(options.extraEdgeAttributes ?? []),
    // MENTIONS.aliases is a list of strings like the entity's: same name, same type, declared once
    ...(options.includeArticles ? [...MENTION_ATTRIBUTES, list('aliases', 'string')] : []),
  ];
  return { node: unique(node), edge: unique(edge) };
}

function unique(specs: readonly AttributeSpec[]): AttributeSpec[] {
  const seen = new Set<string>();
  return specs.filter((s) => !seen.has(s.name) && seen.add(s.name));
}
