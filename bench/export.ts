/**
 * GraphML export of a synthetic graph of 100,000 entities and 300,000 facts, shaped as docs/data-model.md says,
 * from a fresh bundled Neo4j. Target: under 10 s and under 500 MB peak memory (this process; Neo4j runs apart).
 *   npx ts-node bench/export.ts [entities] [facts]
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
  for (let run = 1; run <= repeat; run++) await exportOnce(db.driver, database);
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

async function exportOnce(driver: Driver, database: string | undefined): Promise<void> {
  const file = path.join(os.tmpdir(), `graphwire-bench-${process.pid}.graphml`);
  const out = fs.createWriteStream(file);
  let peakHeap = 0;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().rss);
  }, 50);
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const counts = await exportGraph(driver, 'graphml', out, { database });
  await new Promise((resolve) => out.end(resolve));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  clearInterval(sampler);
  const size = fs.statSync(file).size;
  fs.rmSync(file);
  const peakRss = Math.max(peakHeap, process.resourceUsage().maxRSS * 1024);
  console.log(`GraphML export: ${counts.nodes} nodes, ${counts.edges} edges, ${(size / 1e6).toFixed(1)} MB`);
  console.log(`time            ${seconds.toFixed(2)} s (target < 10 s)`);
  console.log(`peak memory     ${(peakRss / 1e6).toFixed(0)} MB RSS of this process (target < 500 MB; the Neo4j server is a separate process)`);
  const cpu = process.cpuUsage(cpu0);
  console.log(`throughput      ${Math.round(counts.edges / seconds)} edges/s; CPU of this process ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (the rest is Neo4j)`);
}

main().catch(async (error) => {
  console.error(error);
  await stopSharedNeo4j().catch(() => undefined);
  process.exitCode = 1;
});
