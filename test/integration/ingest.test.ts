import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { clearDatabase, testNeo4j, type TestNeo4j } from '../support/neo4j';
import { countGraph } from '../support/graph';

const bin = path.resolve(__dirname, '../../bin/graphwire');
const fixtures = path.resolve(__dirname, '../fixtures/pipeline');

describe('graphwire ingest: read → extract → load (integration)', function () {
  this.timeout(120_000);
  let db: TestNeo4j;

  const graphwire = (args: string[]) => {
    const env = {
      ...process.env,
      NEO4J_URI: db.target.uri,
      NEO4J_USERNAME: db.target.username,
      NEO4J_PASSWORD: db.target.password ?? '',
    };
    const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, timeout: 100_000 });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  };
  const q = async (cypher: string) => (await db.driver.executeQuery(cypher, {}, { database: db.target.database })).records.map((r) => r.toObject());

  before(async () => {
    db = await testNeo4j();
    await clearDatabase(db);
  });

  it('loads two articles, merging the people they share into one node each', async () => {
    const run = graphwire(['ingest', path.join(fixtures, 'harbor-talks.txt'), path.join(fixtures, 'harbor-deal.txt')]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /articles new 2, unchanged 0, updated 0, failed 0/);
    const people = await q('MATCH (p:Person) WHERE p.name CONTAINS "Ferreira" OR p.name CONTAINS "Sol" RETURN p.name AS name, p.articleCount AS articles ORDER BY name');
    assert.deepEqual(people, [
      { name: 'Amira Sol', articles: 2 },
      { name: 'Daniel Ferreira', articles: 2 },
    ]);
    const [article] = await q('MATCH (a:Article {file: "harbor-deal.txt"}) RETURN a.source AS source, a.published AS published');
    assert.deepEqual(article, { source: 'Harbor Ledger', published: '2025-03-07' });
  });

  it('changes nothing when the same articles are ingested again', async () => {
    const before = await countGraph(db);
    const run = graphwire(['ingest', fixtures + '/harbor-*.txt']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /articles new 0, unchanged 3/);
    assert.deepEqual(await countGraph(db), before);
  });

  it('skips a bad input with a message naming it, loads the rest, and exits 3', async () => {
    await clearDatabase(db);
    const run = graphwire(['ingest', fixtures]);
    assert.equal(run.code, 3);
    assert.match(run.stderr, /broken\.txt/);
    // harbor-talks-copy.txt holds the same story as harbor-talks.txt: read, recognised, counted once as unchanged
    assert.match(run.stdout, /articles new 2, unchanged 1, updated 0, failed 1/);
  });

  it('writes nothing on --dry-run and prints the extraction instead', async () => {
    await clearDatabase(db);
    const run = graphwire(['ingest', '--dry-run', path.join(fixtures, 'harbor-talks.txt')]);
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout);
    assert.equal(doc.articles.length, 1);
    assert.ok(doc.entities.some((e: { name: string }) => e.name === 'Daniel Ferreira'));
    assert.equal((await countGraph(db)).nodes, 0);
  });
});
