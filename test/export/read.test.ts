import assert from 'node:assert/strict';
import { readGraph, type ReadGraphOptions } from '../../src/export';
import { fixtureGraph } from '../support/graph';
import { clearDatabase, type TestNeo4j } from '../support/neo4j';

interface Read {
  nodes: [string, string[], Record<string, unknown>][];
  edges: [string, string, string, string, Record<string, unknown>][];
}

describe('export: reading the graph out of Neo4j', function () {
  this.timeout(120_000);
  let db: TestNeo4j;
  const database = (): string | undefined => db.target.database;

  before(async () => {
    db = await fixtureGraph();
  });
  after(async () => {
    await clearDatabase(db);
  });

  async function read(options: ReadGraphOptions): Promise<Read> {
    const graph = await readGraph(db.driver, { database: database(), ...options });
    try {
      const out: Read = { nodes: [], edges: [] };
      for await (const n of graph.nodes()) out.nodes.push([n.id, [...n.labels], { ...n.attributes }]);
      for await (const e of graph.edges()) out.edges.push([e.id, e.source, e.target, e.type, { ...e.attributes }]);
      return out;
    } finally {
      await graph.close();
    }
  }

  for (const includeArticles of [false, true]) {
    it(`reads each node and edge of the export once, with the values Neo4j holds${includeArticles ? ' (articles included)' : ''}`, async () => {
      const graph = await read({ includeArticles });
      const { records } = await db.driver.executeQuery(
        `CALL () { MATCH (n) WHERE n:Entity OR ($articles AND n:Article) RETURN collect(n.id) AS nodes }
         CALL () { MATCH (s)-[r]->(o:Entity) WHERE s:Entity OR ($articles AND s:Article AND r:MENTIONS) RETURN collect(elementId(r)) AS edges }
         CALL () { MATCH (e:Entity) RETURN collect([e.id, e.aliases, e.mentionCount]) AS entities }
         RETURN nodes, edges, entities`,
        { articles: includeArticles },
        { database: database() },
      );
      const r = records[0]!;
      assert.deepEqual(graph.nodes.map(([id]) => id).sort(), (r.get('nodes') as string[]).sort());
      assert.deepEqual(graph.edges.map(([id]) => id).sort(), (r.get('edges') as string[]).sort());
      const byId = new Map(graph.nodes.map(([id, , attributes]) => [id, attributes]));
      for (const [id, aliases, mentionCount] of r.get('entities') as [string, string[], number][]) {
        assert.deepEqual([byId.get(id)!.aliases, byId.get(id)!.mentionCount], [aliases, mentionCount], id);
      }
    });
  }

  it('closing before the end, with records still coming, ends the read cleanly and frees the session', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const graph = await readGraph(db.driver, { database: database() });
      const first: string[] = [];
      for await (const node of graph.nodes()) {
        first.push(node.id);
        if (first.length === 3) break;
      }
      await graph.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(first.length, 3);
      assert.deepEqual(unhandled, []);
      const again = await read({});
      assert.ok(again.nodes.length > 3);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
