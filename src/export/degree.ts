import type { Transaction } from 'neo4j-driver';

/**
 * How the export counts a node's degree: the relationships of this export at the node, in and out. The plain
 * reading is a pattern count that checks the label of every neighbour (`COUNT { (n)-->(:Entity) }`): it touches
 * each neighbour, a random read per relationship, slow on a cold page cache. When the database holds only what
 * docs/data-model.md says (facts from entities to entities, MENTIONS from articles to entities), the same numbers
 * come from Neo4j's degree store without a neighbour read: an entity's degree is all its relationships less the
 * MENTIONS coming in. Whether that holds is decided from the count store, which answers in constant time.
 */
export interface DegreeCounts {
  /** all relationships */
  all: number;
  /** relationships ending at an Entity */
  toEntity: number;
  /** relationships starting at an Entity */
  fromEntity: number;
  /** MENTIONS relationships */
  mentions: number;
  /** MENTIONS starting at an Article */
  mentionsFromArticle: number;
  /** MENTIONS starting at an Entity */
  mentionsFromEntity: number;
}

export interface DegreeExpressions {
  /** an Entity `n`'s degree: facts out and in, and with articles the MENTIONS in */
  entity: string;
  /** an Article `n`'s degree: its MENTIONS */
  article: string;
  /** true when the expressions read the degree store */
  fromDegreeStore: boolean;
}

/**
 * The degree expressions for a database with these counts. The degree store answers exactly when every
 * relationship ends at an entity (so out-degrees need no label check), every relationship but MENTIONS starts at
 * an entity, and every MENTIONS starts at an article and none at an entity (so what comes into an entity splits
 * by type alone). Any relationship outside the model falls back to the pattern counts, whose numbers are the same.
 */
export function degreeExpressions(counts: DegreeCounts, includeArticles: boolean): DegreeExpressions {
  const modelOnly =
    counts.toEntity === counts.all &&
    counts.fromEntity - counts.mentionsFromEntity === counts.all - counts.mentions &&
    counts.mentionsFromArticle === counts.mentions &&
    counts.mentionsFromEntity === 0;
  if (modelOnly) {
    // a self-loop counts once out and once in: twice, as in the pattern counts and NetworkX
    return {
      entity: includeArticles ? 'COUNT { (n)-->() } + COUNT { (n)<--() }' : 'COUNT { (n)-->() } + COUNT { (n)<--() } - COUNT { (n)<-[:MENTIONS]-() }',
      article: 'COUNT { (n)-[:MENTIONS]->() }',
      fromDegreeStore: true,
    };
  }
  return {
    entity: includeArticles
      ? 'COUNT { (n)-->(:Entity) } + COUNT { (n)<--(:Entity) } + COUNT { (n)<-[:MENTIONS]-(:Article) }'
      : 'COUNT { (n)-->(:Entity) } + COUNT { (n)<--(:Entity) }',
    article: 'COUNT { (n)-[:MENTIONS]->(:Entity) }',
    fromDegreeStore: false,
  };
}

/** The counts, from Neo4j's count store (each sub-query has at most one label, so none scans). */
export async function readDegreeCounts(tx: Transaction): Promise<DegreeCounts> {
  const result = await tx.run(
    `CALL () { MATCH ()-[r]->() RETURN count(r) AS all }
     CALL () { MATCH ()-[r]->(:Entity) RETURN count(r) AS toEntity }
     CALL () { MATCH (:Entity)-[r]->() RETURN count(r) AS fromEntity }
     CALL () { MATCH ()-[r:MENTIONS]->() RETURN count(r) AS mentions }
     CALL () { MATCH (:Article)-[r:MENTIONS]->() RETURN count(r) AS mentionsFromArticle }
     CALL () { MATCH (:Entity)-[r:MENTIONS]->() RETURN count(r) AS mentionsFromEntity }
     RETURN all, toEntity, fromEntity, mentions, mentionsFromArticle, mentionsFromEntity`,
  );
  const record = result.records[0];
  const get = (key: string): number => Number(record?.get(key) ?? 0);
  return {
    all: get('all'),
    toEntity: get('toEntity'),
    fromEntity: get('fromEntity'),
    mentions: get('mentions'),
    mentionsFromArticle: get('mentionsFromArticle'),
    mentionsFromEntity: get('mentionsFromEntity'),
  };
}
