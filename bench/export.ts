/**
 * GraphML export of a synthetic graph of 100,000 entities and 300,000 facts, shaped as docs/data-model.md says,
 * from a fresh bundled Neo4j. Target: under 10 s and under 500 MB peak memory (this process; Neo4j runs apart).
 *   npx ts-node bench/export.ts [entities] [facts]
 * BENCH_REPEAT=n exports n times (the first run is the colder one: the export's queries are new to the server).
 * With GRAPHWIRE_TEST_NEO4J_URI (and _USERNAME, _PASSWORD) naming a server that already holds the graph, only the
 * export runs; on another server the database is wiped first, as in the tests.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { exportGraph } from '../src/export';
import { ensureSchema } from '../src/store';
import { clearDatabase, stopSharedNeo4j, testNeo4j, type TestNeo4j } from '../test/support/neo4j';

const ENTITIES = Number(process.argv[2] ?? 100_000);
const FACTS = Number(process.argv[3] ?? 300_000);
const TYPES = ['MET_WITH', 'CRITICIZED', 'SUPPORTS', 'VISITED', 'NEGOTIATED_WITH', 'LEADS'];

async function main(): Promise<void> {
  const db = await testNeo4j();
  const database = db.target.database;
  const existing = await db.driver.executeQuery('MATCH (e:Entity) RETURN count(e) AS n', {}, { database });
  if (existing.records[0]?.get('n') === ENTITIES && process.env.GRAPHWIRE_TEST_NEO4J_URI) {
    // a server of one's own (GRAPHWIRE_TEST_NEO4J_URI) that already holds the synthetic graph: export only
    process.stderr.write('reusing the synthetic graph already in the database\n');
  } else {
    await generate(db, database);
  }
  const repeat = Number(process.env.BENCH_REPEAT ?? 1);
  for (let run = 1; run <= repeat; run++) await exportOnce(db.driver, database, run);
  await stopSharedNeo4j();
}

async function generate(db: TestNeo4j, database: string | undefined): Promise<void> {
  await clearDatabase(db);
  await ensureSchema(db.driver, database);
  const session = db.driver.session({ database });
  // JavaScript numbers go to Cypher as floats; ids built from them would read "e:person:bench-5.0"
  const started = Date.now();
  try {
    await session.run(
      `UNWIND range(0, $n - 1) AS i
       CALL (i) {
         CREATE (e:Entity:Person {id: 'e:person:bench-' + i, name: 'Person ' + i, type: 'Person',
                 aliases: ['Person ' + i, 'P. ' + i], aliasText: 'Person ' + i + ' | P. ' + i,
                 mentionCount: 1 + i % 17, articleCount: 1 + i % 5})
       } IN TRANSACTIONS OF 10000 ROWS`,
      { n: neo4j.int(ENTITIES) },
    );
    const perType = Math.ceil(FACTS / TYPES.length);
    for (const [t, type] of TYPES.entries()) {
      await session.run(
        `UNWIND range($from, $to - 1) AS i
         CALL (i) {
           MATCH (s:Entity {id: 'e:person:bench-' + (i % $n)}), (o:Entity {id: 'e:person:bench-' + ((i * 7919 + 13) % $n)})
           CREATE (s)-[:${type} {text: 'met with', texts: ['met with', 'meets'], confidence: 0.5 + (i % 50) / 100.0,
                   articles: ['a-' + (i % 1000), 'a-' + (i % 777)], sources: 2, sourceNames: ['Wire', 'Post'],
                   evidenceCount: 2, dates: ['2025-03-0' + (1 + i % 9)], firstDate: '2025-03-01', lastDate: '2025-03-09',
                   evidenceArticle: ['a-' + (i % 1000), 'a-' + (i % 777)],
                   evidenceSentence: ['Person met with another & said "hello" <here>.', 'A second sentence.'],
                   evidenceStart: [0, 120], evidenceEnd: [50, 140], evidenceText: ['met with', 'meets'],
                   evidenceConfidence: [0.5, 0.6], evidenceDate: ['', '2025-03-01']}]->(o)
         } IN TRANSACTIONS OF 10000 ROWS`,
        { from: neo4j.int(t * perType), to: neo4j.int(Math.min(FACTS, (t + 1) * perType)), n: neo4j.int(ENTITIES) },
      );
    }
  } finally {
    await session.close();
  }
  process.stderr.write(`generated ${ENTITIES} entities and ${FACTS} facts in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

async function exportOnce(driver: Driver, database: string | undefined, run: number): Promise<void> {
  const file = path.join(os.tmpdir(), `graphwire-bench-${process.pid}.graphml`);
  const out = fs.createWriteStream(file);
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const neo4jCpu0 = await neo4jCpuSeconds(driver);
  const load = os.loadavg()[0]!;
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const counts = await exportGraph(driver, 'graphml', out, { database });
  await new Promise((resolve) => out.end(resolve));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  const neo4jCpu1 = await neo4jCpuSeconds(driver);
  const size = fs.statSync(file).size;
  fs.rmSync(file);
  const neo4jCpu = neo4jCpu0 !== undefined && neo4jCpu1 !== undefined ? `${(neo4jCpu1 - neo4jCpu0).toFixed(1)} s` : 'unknown';
  console.log(`GraphML export, run ${run}${run === 1 ? ' (first since the graph was generated or the server started)' : ''}: ${counts.nodes} nodes, ${counts.edges} edges, ${(size / 1e6).toFixed(1)} MB`);
  console.log(`time            ${seconds.toFixed(2)} s (target < 10 s); load average ${load.toFixed(1)} on ${os.cpus().length} cores at the start`);
  console.log(`peak memory     ${(peakRss / 1e6).toFixed(0)} MB RSS of this process during the export, ${(rssBefore / 1e6).toFixed(0)} MB before it (target < 500 MB; Neo4j runs apart)`);
  console.log(`CPU             this process ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, Neo4j ${neo4jCpu}; ${Math.round(counts.edges / seconds)} edges/s`);
}

/** The server's process CPU time, through JMX; undefined where the procedure is not allowed. */
async function neo4jCpuSeconds(driver: Driver): Promise<number | undefined> {
  try {
    const { records } = await driver.executeQuery(
      "CALL dbms.queryJmx('java.lang:type=OperatingSystem') YIELD attributes RETURN attributes.ProcessCpuTime.value AS ns",
    );
    return Number(records[0]?.get('ns')) / 1e9;
  } catch {
    return undefined;
  }
}

main().catch(async (error) => {
  console.error(error);
  await stopSharedNeo4j().catch(() => undefined);
  process.exitCode = 1;
});
