import assert from 'node:assert/strict';
import { degreeExpressions, readDegreeCounts, type DegreeCounts } from '../../src/export/degree';
import { readGraph } from '../../src/export';
import { fixtureGraph } from '../support/graph';
import { clearDatabase, type TestNeo4j } from '../support/neo4j';

/** 10 facts between entities, 7 MENTIONS from articles: what the loader writes. */
const MODEL: DegreeCounts = { all: 17, toEntity: 17, fromEntity: 10, mentions: 7, mentionsFromArticle: 7, mentionsFromEntity: 0 };

describe('export: which degree counts answer from the degree store', () => {
  const cases: [string, DegreeCounts, boolean][] = [
    ['the data model only', MODEL, true],
    ['an empty database', { all: 0, toEntity: 0, fromEntity: 0, mentions: 0, mentionsFromArticle: 0, mentionsFromEntity: 0 }, true],
    ['an entity pointing at a node that is no entity', { ...MODEL, all: 18, fromEntity: 11 }, false],
    ['another node pointing at an entity, not by MENTIONS', { ...MODEL, all: 18, toEntity: 18 }, false],
    ['MENTIONS from a node that is no article', { ...MODEL, all: 18, toEntity: 18, mentions: 8 }, false],
    ['MENTIONS from one entity to another', { ...MODEL, all: 18, toEntity: 18, fromEntity: 11, mentions: 8, mentionsFromEntity: 1 }, false],
  ];
  for (const [name, counts, fromStore] of cases) {
    for (const includeArticles of [false, true]) {
      it(`${name}${includeArticles ? ', articles included' : ''}: ${fromStore ? 'degree store' : 'pattern counts'}`, () => {
        const degree = degreeExpressions(counts, includeArticles);
        assert.equal(degree.fromDegreeStore, fromStore);
        // the degree store is read only when no neighbour's label is checked
        assert.equal(/\(:(Entity|Article)\)/.test(`${degree.entity} ${degree.article}`), !fromStore);
      });
    }
  }
});

describe('export: node degree equals the edges of the export at the node, whatever else the database holds', function () {
  this.timeout(120_000);
  let db: TestNeo4j;
  const database = (): string | undefined => db.target.database;
  const run = async (query: string): Promise<void> => {
    await db.driver.executeQuery(query, {}, { database: database() });
  };

  before(async () => {
    db = await fixtureGraph();
  });
  after(async () => {
    await clearDatabase(db);
  });

  /** Relationships outside docs/data-model.md, added one shape at a time and removed after. */
  const shapes: [string, string | undefined, boolean][] = [
    ['nothing but the model', undefined, true],
    ['an entity pointing at a note', `MATCH (e:Entity) WITH e LIMIT 2 CREATE (e)-[:SEE_ALSO {foreign: true}]->(:Note {foreign: true})`, false],
    ['a note pointing at an entity', `MATCH (e:Entity) WITH e LIMIT 2 CREATE (:Note {foreign: true})-[:ABOUT {foreign: true}]->(e)`, false],
    ['a note mentioning an entity', `MATCH (e:Entity) WITH e LIMIT 2 CREATE (:Note {foreign: true})-[:MENTIONS {foreign: true, count: 1}]->(e)`, false],
    [
      'an entity mentioning another',
      `MATCH (a:Entity), (b:Entity) WHERE a.id < b.id WITH a, b LIMIT 2 CREATE (a)-[:MENTIONS {foreign: true, count: 1}]->(b)`,
      false,
    ],
  ];
  for (const [name, create, fromStore] of shapes) {
    describe(name, () => {
      before(async () => {
        if (create) await run(create);
      });
      after(async () => {
        await run('MATCH ()-[r {foreign: true}]->() DELETE r');
        await run('MATCH (n:Note {foreign: true}) DETACH DELETE n');
      });

      it(`${fromStore ? 'reads the degree store' : 'falls back to the pattern counts'}`, async () => {
        const session = db.driver.session({ database: database() });
        const tx = await session.beginTransaction();
        try {
          assert.equal(degreeExpressions(await readDegreeCounts(tx), false).fromDegreeStore, fromStore);
        } finally {
          await tx.rollback();
          await session.close();
        }
      });

      for (const includeArticles of [false, true]) {
        it(`every node's degree counts its edges in the export${includeArticles ? ' (articles included)' : ''}`, async () => {
          const graph = await readGraph(db.driver, { database: database(), includeArticles });
          try {
            const degrees = new Map<string, number>();
            for await (const node of graph.nodes()) degrees.set(node.id, node.attributes.degree as number);
            const counted = new Map<string, number>([...degrees.keys()].map((id) => [id, 0]));
            let edges = 0;
            for await (const edge of graph.edges()) {
              counted.set(edge.source, (counted.get(edge.source) ?? 0) + 1);
              counted.set(edge.target, (counted.get(edge.target) ?? 0) + 1);
              edges++;
            }
            assert.ok(edges > 0 && degrees.size > 0, 'the fixture is loaded');
            assert.deepEqual(degrees, counted);
          } finally {
            await graph.close();
          }
        });
      }
    });
  }
});
