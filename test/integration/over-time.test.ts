import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { clearDatabase, testNeo4j, type TestNeo4j } from '../support/neo4j';

const bin = path.resolve(__dirname, '../../bin/graphwire');
const fixture = (name: string): string => path.resolve(__dirname, '../fixtures/over-time', name);

describe('graphwire ingest: resolution over time, against what earlier ingests loaded (integration)', function () {
  this.timeout(120_000);
  let db: TestNeo4j;

  const ingest = (...files: string[]): void => {
    const env = { ...process.env, NEO4J_URI: db.target.uri, NEO4J_USERNAME: db.target.username, NEO4J_PASSWORD: db.target.password ?? '' };
    const run = spawnSync(process.execPath, [bin, '--quiet', 'ingest', ...files.map(fixture)], { encoding: 'utf8', env, timeout: 100_000 });
    assert.equal(run.status, 0, run.stderr);
  };
  const entities = async (): Promise<Array<{ name: string; type: string; articles: number; aliases: string[] }>> => {
    const { records } = await db.driver.executeQuery(
      "MATCH (e:Entity) WHERE e.type IN ['Person', 'Organization'] RETURN e.name AS name, e.type AS type, e.articleCount AS articles, e.aliases AS aliases ORDER BY name",
      {},
      { database: db.target.database },
    );
    return records.map((r) => r.toObject() as { name: string; type: string; articles: number; aliases: string[] });
  };

  before(async () => {
    db = await testNeo4j();
  });
  beforeEach(async () => clearDatabase(db));

  it('a later article that says only "Vondrak" and "HOU" joins the full names an earlier ingest loaded', async () => {
    ingest('1-full-names.txt');
    ingest('2-short-names.txt');
    assert.deepEqual(await entities(), [
      { name: 'Harbour Operators Union', type: 'Organization', articles: 2, aliases: ['Harbour Operators Union', 'HOU', 'the union'] },
      { name: 'Karel Vondrak', type: 'Person', articles: 2, aliases: ['Karel Vondrak', 'Vondrak'] },
    ]);
    // the same graph as the two articles ingested together
    const apart = await entities();
    await clearDatabase(db);
    ingest('1-full-names.txt', '2-short-names.txt');
    assert.deepEqual(
      (await entities()).map((e) => [e.name, e.articles]),
      apart.map((e) => [e.name, e.articles]),
    );
  });

  it('a lone surname that two people in the graph share joins neither; a new full name never joins on the surname', async () => {
    ingest('1-full-names.txt');
    ingest('3-another-vondrak.txt');
    ingest('4-ambiguous.txt');
    assert.deepEqual(
      (await entities()).map((e) => [e.name, e.articles]),
      [
        ['Harbour Operators Union', 1],
        ['Jana Vondrak', 1],
        ['Karel Vondrak', 1],
        ['Vondrak', 1],
      ],
    );
  });
});
