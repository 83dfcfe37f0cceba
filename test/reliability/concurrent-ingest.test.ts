import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { countGraph, graphFingerprint } from '../support/graph';
import { clearDatabase, makeTempHome, testNeo4j, type TestNeo4j } from '../support/neo4j';
import { writeGeneratedArticles } from '../fixtures/reliability/articles';
import { graphwire } from './cli';

describe('reliability: two ingests at once on overlapping inputs (integration)', function () {
  this.timeout(300_000);
  let db: TestNeo4j;
  let dir: string;
  let files: string[];
  let env: Record<string, string | undefined>;
  const q = async (cypher: string) => (await db.driver.executeQuery(cypher, {}, { database: db.target.database })).records.map((r) => r.toObject());

  before(async () => {
    db = await testNeo4j();
    dir = makeTempHome('graphwire-concurrent-');
    files = writeGeneratedArticles(dir, 0, 60);
    env = { NEO4J_URI: db.target.uri, NEO4J_USERNAME: db.target.username, NEO4J_PASSWORD: db.target.password ?? '', NEO4J_DATABASE: db.target.database };
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  // small windows and batches: many transactions from each process, interleaved on the same entities and facts
  const flags = ['--window', '10', '--batch-size', '60'];

  it('ends with the same graph as one run over all the articles: no duplicate entities, no lost or doubled evidence', async () => {
    await clearDatabase(db);
    const single = await graphwire(['ingest', ...flags, ...files], env).done;
    assert.equal(single.code, 0, single.stderr);
    const expected = await graphFingerprint(db);
    const expectedCounts = await countGraph(db);

    await clearDatabase(db);
    const first = graphwire(['ingest', ...flags, ...files.slice(0, 40)], env);
    const second = graphwire(['ingest', ...flags, ...files.slice(20)], env);
    const [a, b] = await Promise.all([first.done, second.done]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    process.stderr.write(`      one run ${single.ms} ms; two at once ${a.ms} ms and ${b.ms} ms\n      ${a.stdout.trim()}\n      ${b.stdout.trim()}\n`);
    // between them they created each of the 60 articles once; the 20 shared ones were skipped by whichever came second
    const created = [a, b].map((r) => Number(/articles new (\d+)/.exec(r.stdout)?.[1]));
    const unchanged = [a, b].map((r) => Number(/unchanged (\d+)/.exec(r.stdout)?.[1]));
    assert.equal(created[0]! + created[1]!, 60, a.stdout + b.stdout);
    assert.equal(unchanged[0]! + unchanged[1]!, 20, a.stdout + b.stdout);

    assert.deepEqual(await countGraph(db), expectedCounts);
    assert.deepEqual(await q('MATCH (e:Entity) WITH e.id AS id, count(*) AS n WHERE n > 1 RETURN id'), []);
    assert.deepEqual(await q('MATCH (a:Article) WITH a.id AS id, count(*) AS n WHERE n > 1 RETURN id'), []);
    assert.equal(await graphFingerprint(db), expected);
  });
});
