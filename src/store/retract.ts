import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { DERIVE_ENTITY_TEXT, DERIVE_FACT, DROP_ARTICLE_EVIDENCE } from './cypher';
import { ensureSchema } from './schema';

export interface RetractionCounts {
  factsUpdated: number;
  factsDeleted: number;
  entitiesUpdated: number;
  entitiesDeleted: number;
}

// Facts are found through the entities the article mentions: every fact's ends are mentioned by each supporting
// article (a loader invariant), and this avoids scanning every relationship in the graph.
const RETRACT_FACTS = `
MATCH (:Article {id: $article})-[:MENTIONS]->(:Entity)-[r]-(:Entity)
WHERE $article IN r.articles
WITH DISTINCT r
SET r.__lock = true
${DROP_ARTICLE_EVIDENCE}
WITH r
${DERIVE_FACT}
REMOVE r.__lock
WITH r, startNode(r) AS s, endNode(r) AS o, r.evidenceCount = 0 AS gone
FOREACH (_ IN CASE WHEN gone THEN [1] ELSE [] END |
  SET s.factCount = s.factCount - 1
  SET o.factCount = o.factCount - 1
  DELETE r)
RETURN sum(CASE WHEN gone THEN 1 ELSE 0 END) AS deleted, sum(CASE WHEN gone THEN 0 ELSE 1 END) AS updated`;

const RETRACT_MENTIONS = `
MATCH (:Article {id: $article})-[m:MENTIONS]->(e:Entity)
SET e.__lock = true
DELETE m
WITH DISTINCT e
OPTIONAL MATCH (:Article)-[rest:MENTIONS]->(e)
WITH e, sum(rest.count) AS mentions, count(rest) AS articles, collect(rest.aliases) AS aliasLists
SET e.mentionCount = mentions, e.articleCount = articles,
    e.aliases = reduce(acc = [e.name], l IN aliasLists | reduce(a2 = acc, x IN l | CASE WHEN x IN a2 THEN a2 ELSE a2 + x END))
${DERIVE_ENTITY_TEXT}
REMOVE e.__lock
WITH e, articles = 0 AS gone
FOREACH (_ IN CASE WHEN gone THEN [1] ELSE [] END | DETACH DELETE e)
RETURN sum(CASE WHEN gone THEN 1 ELSE 0 END) AS deleted, sum(CASE WHEN gone THEN 0 ELSE 1 END) AS updated`;

/** Removes exactly one article's contribution inside the caller's transaction. */
export async function retractInTransaction(tx: ManagedTransaction, article: string): Promise<RetractionCounts> {
  const facts = (await tx.run(RETRACT_FACTS, { article })).records[0];
  const entities = (await tx.run(RETRACT_MENTIONS, { article })).records[0];
  await tx.run('MATCH (a:Article {id: $article}) DETACH DELETE a', { article });
  return {
    factsDeleted: Number(facts?.get('deleted') ?? 0),
    factsUpdated: Number(facts?.get('updated') ?? 0),
    entitiesDeleted: Number(entities?.get('deleted') ?? 0),
    entitiesUpdated: Number(entities?.get('updated') ?? 0),
  };
}

export interface RetractResult extends RetractionCounts {
  removed: string[];
  notFound: string[];
}

/** Removes articles by id, each in its own transaction; ids not in the graph are reported, not errors. */
export async function retractArticles(driver: Driver, ids: string[], options: { database?: string } = {}): Promise<RetractResult> {
  await ensureSchema(driver, options.database);
  const result: RetractResult = { removed: [], notFound: [], factsDeleted: 0, factsUpdated: 0, entitiesDeleted: 0, entitiesUpdated: 0 };
  const session = driver.session({ database: options.database });
  try {
    for (const id of new Set(ids)) {
      const counts = await session.executeWrite(async (tx) => {
        const exists = await tx.run('MATCH (a:Article {id: $id}) RETURN count(a) AS n', { id });
        if (Number(exists.records[0]?.get('n')) === 0) return undefined;
        return retractInTransaction(tx, id);
      });
      if (counts === undefined) {
        result.notFound.push(id);
        continue;
      }
      result.removed.push(id);
      result.factsDeleted += counts.factsDeleted;
      result.factsUpdated += counts.factsUpdated;
      result.entitiesDeleted += counts.entitiesDeleted;
      result.entitiesUpdated += counts.entitiesUpdated;
    }
  } finally {
    await session.close();
  }
  return result;
}

/** Article ids whose key (URL or input path) or file name is one of `refs`. */
export async function findArticlesByReference(driver: Driver, refs: string[], options: { database?: string } = {}): Promise<Map<string, string[]>> {
  const { records } = await driver.executeQuery(
    `UNWIND $refs AS ref
     OPTIONAL MATCH (a:Article) WHERE a.id = ref OR a.key = ref OR a.file = ref
     RETURN ref, collect(a.id) AS ids`,
    { refs },
    { database: options.database },
  );
  return new Map(records.map((r) => [r.get('ref') as string, r.get('ids') as string[]]));
}
