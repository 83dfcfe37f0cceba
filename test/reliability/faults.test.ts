import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { resolveConfig, type Config } from '../../src/config';
import { BundledNeo4j } from '../../src/neo4j';
import { countGraph, graphFingerprint } from '../support/graph';
import { clearDatabase, connectBundled, makeTempHome, type TestNeo4j } from '../support/neo4j';
import { writeGeneratedArticles } from '../fixtures/reliability/articles';
import { graphwire } from './cli';

/** Articles in the killed ingest. */
const ARTICLES = Number(process.env.GRAPHWIRE_FAULT_ARTICLES ?? 500);

describe('reliability: Neo4j killed in the middle of an ingest (integration)', function () {
  this.timeout(600_000);
  let home: string;
  let config: Config;
  let server: BundledNeo4j;
  let db: TestNeo4j | undefined;
  let files: string[];
  // small windows and batches: the ingest is many transactions long, so the kill lands between and inside them
  const flags = ['--window', '50', '--batch-size', '600'];
  // the bundled server of this home, never a server named in the environment
  const env = () => ({ GRAPHWIRE_HOME: home, NEO4J_URI: undefined, NEO4J_USERNAME: undefined, NEO4J_PASSWORD: undefined, NEO4J_DATABASE: undefined });

  async function connect(): Promise<TestNeo4j> {
    await db?.driver.close();
    db = await connectBundled(server, config);
    return db;
  }

  before(async () => {
    home = makeTempHome('graphwire-faults-');
    config = resolveConfig({ env: { GRAPHWIRE_HOME: home, GRAPHWIRE_NEO4J_PORT: '0' }, flags: {} });
    server = new BundledNeo4j(home, config.bundled);
    files = writeGeneratedArticles(path.join(home, 'articles'), 0, ARTICLES);
    await connect();
  });
  after(async () => {
    await db?.driver.close();
    await server?.stop().catch(() => undefined);
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it(`SIGKILL during an ingest of ${ARTICLES} articles: the ingest gives up naming what is not loaded; after a restart the same ingest completes to the graph of a clean run`, async () => {
    const clean = await graphwire(['ingest', ...flags, ...files], { ...env(), GRAPHWIRE_NEO4J_PORT: '0' }).done;
    assert.equal(clean.code, 0, clean.stderr);
    const expected = await graphFingerprint(db!);
    const expectedCounts = await countGraph(db!);
    assert.equal(expectedCounts.nodes > ARTICLES, true);
    await clearDatabase(db!);

    const run = graphwire(['ingest', ...flags, ...files], env());
    let loaded = 0;
    // kill once some, but not all, articles are in
    for (;;) {
      const { records } = await db!.driver.executeQuery('MATCH (a:Article) RETURN count(a) AS n');
      loaded = records[0]!.get('n') as number;
      if (loaded >= ARTICLES / 5) break;
      await sleep(50);
    }
    const pid = server.status().state!.pid;
    process.kill(pid, 'SIGKILL');
    const killedAt = Date.now();
    // until the kill has landed, the dying server still looks like the running one and start() would reuse it
    while (server.status().running) await sleep(50);
    // restart at once (on another port: the killed ingest keeps retrying the old one until it gives up)
    const restart = connect();
    const killed = await run.done;
    const restarted = await restart;
    process.stderr.write(`      killed with ${loaded} of ${ARTICLES} articles loaded; the ingest gave up after ${((Date.now() - killedAt) / 1000).toFixed(0)} s (exit ${killed.code})\n`);
    assert.equal(killed.code, 4, `${killed.stdout}\n${killed.stderr}`);
    assert.match(killed.stderr, /lost the connection to Neo4j and gave up after retrying/);
    assert.match(killed.stderr, /article\(s\) not loaded: .*report-\d{4}\.txt/);
    assert.match(killed.stderr, /Run the same command again/);
    assert.doesNotMatch(killed.stderr, /unexpected error|\n\s+at /);

    // recovery kept what was committed: whole articles, each with all of its facts or none
    const recovered = await restarted.driver.executeQuery('MATCH (a:Article) RETURN count(a) AS n');
    assert.ok((recovered.records[0]!.get('n') as number) >= loaded, 'committed articles survive the kill');
    const again = await graphwire(['ingest', ...flags, ...files], env()).done;
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /articles new \d+, unchanged [1-9]\d*, updated 0, failed 0/);
    assert.deepEqual(await countGraph(restarted), expectedCounts);
    assert.equal(await graphFingerprint(restarted), expected);
  });

  it('a GRAPHWIRE_HOME that cannot be written (a path under a regular file) fails with a clear message and creates nothing', async () => {
    const blocker = path.join(home, 'not-a-folder');
    fs.writeFileSync(blocker, 'a file where a folder should be\n');
    const run = await graphwire(['ingest', files[0]!], { ...env(), GRAPHWIRE_HOME: path.join(blocker, 'home') }).done;
    assert.equal(run.code, 4, run.stderr);
    assert.match(run.stderr, /cannot write to .*not-a-folder\/home\/neo4j/);
    assert.match(run.stderr, /set GRAPHWIRE_HOME \(or --home\) to a folder you can write to/);
    assert.doesNotMatch(run.stderr, /unexpected error|\n\s+at /);
    assert.equal(fs.readFileSync(blocker, 'utf8'), 'a file where a folder should be\n');
  });
});
