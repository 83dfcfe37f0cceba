import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExtractionDocument } from '../../src/model/extraction';
import { loadExtraction } from '../../src/store';
import { clearDatabase, testNeo4j, type TestNeo4j } from './neo4j';

/** The shared test Neo4j holding nothing but the fixture graph, loaded through the loader. */
export async function fixtureGraph(): Promise<TestNeo4j> {
  const db = await testNeo4j();
  await clearDatabase(db);
  await loadExtraction(db.driver, fixtureDocument(), { database: db.target.database });
  return db;
}

/** The shared fixture graph (test/fixtures/graph), a fresh copy each call. */
export function fixtureDocument(): ExtractionDocument {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'graph', 'news.extraction.json'), 'utf8')) as ExtractionDocument;
}

const SET_LIKE = new Set(['aliases', 'texts', 'articles', 'sourceNames']);
const VOLATILE = new Set(['ingestedAt', 'loadId', 'aliasText', 'text', 'name']);

function canonical(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(props).sort()) {
    if (VOLATILE.has(key)) continue;
    const value = props[key];
    out[key] = SET_LIKE.has(key) && Array.isArray(value) ? [...value].sort() : value;
  }
  return out;
}

/**
 * Everything in the graph as sorted plain data, for comparing two graphs: node labels and properties, relationships
 * with their ends, evidence as sorted tuples. Load-time stamps and first-seen choices (name, text) are left out.
 */
export async function graphFingerprint(db: TestNeo4j): Promise<string> {
  const nodes = await db.driver.executeQuery(
    'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props',
    {},
    { database: db.target.database },
  );
  const rels = await db.driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN coalesce(a.id, "") AS a, type(r) AS type, coalesce(b.id, "") AS b, properties(r) AS props',
    {},
    { database: db.target.database },
  );
  const nodeLines = nodes.records.map((r) => JSON.stringify([[...(r.get('labels') as string[])].sort(), canonical(r.get('props'))]));
  const relLines = rels.records.map((r) => {
    const props = r.get('props') as Record<string, unknown[]>;
    const evidence = Array.isArray(props.evidenceArticle)
      ? props.evidenceArticle.map((_, i) => JSON.stringify(Object.keys(props).filter((k) => k.startsWith('evidence')).sort().map((k) => props[k]![i]))).sort()
      : [];
    const rest = canonical(Object.fromEntries(Object.entries(props).filter(([k]) => !k.startsWith('evidence') || k === 'evidenceCount')));
    return JSON.stringify([r.get('a'), r.get('type'), r.get('b'), rest, evidence]);
  });
  return [...nodeLines.sort(), ...relLines.sort()].join('\n');
}

export async function countGraph(db: TestNeo4j): Promise<{ nodes: number; relationships: number; evidence: number }> {
  const { records } = await db.driver.executeQuery(
    `CALL () { MATCH (n) RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships, sum(coalesce(r.evidenceCount, 0)) AS evidence }
     RETURN nodes, relationships, evidence`,
    {},
    { database: db.target.database },
  );
  const r = records[0]!;
  return { nodes: r.get('nodes'), relationships: r.get('relationships'), evidence: r.get('evidence') };
}
