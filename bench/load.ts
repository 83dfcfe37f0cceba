/**
 * Load throughput into the bundled Neo4j: a synthetic graph of 100,000 entities and 300,000 facts through the
 * batched loader, then the same loader one fact per transaction on a sample, both in this run.
 * Then, as a yardstick, the same entities and relationships with none of graphwire's data model: what Neo4j itself
 * manages on this machine for bare nodes and bare relationships (skipped with --no-yardstick).
 *   npx ts-node bench/load.ts [--entities N] [--relations N] [--batch N] [--no-yardstick]
 * Uses a temporary GRAPHWIRE_HOME: its own server on a free port.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveConfig } from '../src/config';
import { BundledNeo4j, openDriver, type Neo4jTarget } from '../src/neo4j';
import type { Driver } from 'neo4j-driver';
import { loadExtraction } from '../src/store';
import type { ExtractionDocument } from '../src/model/extraction';
import { syntheticExtraction } from './synthetic';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** CPU time (user + system) a process has used so far, from /proc; 0 where /proc is absent. */
function serverCpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const entities = flag('entities', 100_000);
  const relations = flag('relations', 300_000);
  const batch = flag('batch', 20_000);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'graphwire-bench-'));
  const config = resolveConfig({ env: { GRAPHWIRE_HOME: home, GRAPHWIRE_NEO4J_PORT: '0', GRAPHWIRE_NEO4J_HEAP: '1g', GRAPHWIRE_NEO4J_PAGECACHE: '1g' }, flags: {} });
  const server = new BundledNeo4j(home, config.bundled);
  const { state } = await server.start();
  const target: Neo4jTarget = { uri: state.uri, username: state.username, password: server.password(), bundled: true };
  const driver = openDriver(target);
  try {
    const doc = syntheticExtraction(entities, relations);
    console.log(`synthetic graph: ${doc.entities.length} entities, ${doc.relations.length} facts, ${doc.articles.length} articles`);

    let started = process.hrtime.bigint();
    const cpuBefore = serverCpuSeconds(state.pid);
    const clientBefore = process.cpuUsage();
    const summary = await loadExtraction(driver, doc, { batchSize: batch });
    const batchedS = Number(process.hrtime.bigint() - started) / 1e9;
    const serverCpu = serverCpuSeconds(state.pid) - cpuBefore;
    const clientUsage = process.cpuUsage(clientBefore);
    const clientCpu = (clientUsage.user + clientUsage.system) / 1e6;
    if (summary.articles.failed > 0) throw new Error(`load failed: ${JSON.stringify(summary.failures.slice(0, 3))}`);
    const batchedRate = doc.relations.length / batchedS;
    console.log(`batched (${batch} rows/tx): ${doc.relations.length} facts + ${doc.entities.length} entities in ${batchedS.toFixed(1)} s = ${Math.round(batchedRate)} relationships/s`);
    console.log(`  Neo4j used ${serverCpu.toFixed(1)} CPU s (${Math.round(doc.relations.length / serverCpu)} relationships per server CPU second; load average ${os.loadavg()[0]!.toFixed(1)})`);
    console.log(`  graphwire (client) used ${clientCpu.toFixed(1)} CPU s`);

    // one fact per transaction: articles of one fact each, into a fresh part of the graph
    const sample = syntheticExtraction(2_000, 1_000, 1, 7);
    for (const a of sample.articles) a.id = `single-${a.id}`;
    for (const e of sample.entities) {
      e.id = `single-${e.id}`;
      e.articles = e.articles.map((x) => `single-${x}`);
      e.mentions = e.mentions!.map((m) => ({ ...m, article: `single-${m.article}` }));
    }
    for (const r of sample.relations) {
      r.subject = `single-${r.subject}`;
      r.object = `single-${r.object}`;
      r.evidence = r.evidence.map((ev) => ({ ...ev, article: `single-${ev.article}` }));
    }
    started = process.hrtime.bigint();
    await loadExtraction(driver, sample, { batchSize: 1 });
    const singleS = Number(process.hrtime.bigint() - started) / 1e9;
    const singleRate = sample.relations.length / singleS;
    console.log(`one fact per transaction: ${sample.relations.length} facts in ${singleS.toFixed(1)} s = ${Math.round(singleRate)} relationships/s`);
    console.log(`batched / one-per-transaction: ${(batchedRate / singleRate).toFixed(1)}x`);
    if (!process.argv.includes('--no-yardstick')) await bareYardstick(driver, doc, Math.min(batch, 10_000), state.pid);
    console.log(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; Neo4j heap 1g, page cache 1g`);
  } finally {
    await driver.close();
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/**
 * Neo4j's own pace on this machine for the same graph stripped of the data model: nodes with an id and a name under a
 * unique constraint, relationships with no properties, no other indexes, created with the fastest Cypher there is
 * (UNWIND … CREATE, MATCH/MATCH/CREATE), in batches of 10,000 rows: the bound any Cypher loader stays under.
 */
async function bareYardstick(driver: Driver, doc: ExtractionDocument, batch: number, pid: number): Promise<void> {
  await driver.executeQuery('CREATE CONSTRAINT bench_ceiling_id IF NOT EXISTS FOR (n:BenchCeiling) REQUIRE n.id IS UNIQUE');
  await driver.executeQuery('CALL db.awaitIndexes(300)');
  const nodes = doc.entities.map((e) => ({ id: e.id, name: e.name }));
  const rels = doc.relations.map((r) => ({ s: r.subject, o: r.object }));
  const cpuBefore = serverCpuSeconds(pid);
  const started = process.hrtime.bigint();
  for (let i = 0; i < nodes.length; i += batch) {
    await driver.executeQuery('UNWIND $rows AS row CREATE (:BenchCeiling {id: row.id, name: row.name})', { rows: nodes.slice(i, i + batch) });
  }
  const nodesDone = process.hrtime.bigint();
  for (let i = 0; i < rels.length; i += batch) {
    await driver.executeQuery(
      'UNWIND $rows AS row MATCH (s:BenchCeiling {id: row.s}) MATCH (o:BenchCeiling {id: row.o}) CREATE (s)-[:BENCH_CEILING]->(o)',
      { rows: rels.slice(i, i + batch) },
    );
  }
  const ended = process.hrtime.bigint();
  const nodeS = Number(nodesDone - started) / 1e9;
  const relS = Number(ended - nodesDone) / 1e9;
  console.log(
    `yardstick, the same graph bare (Neo4j alone, no provenance, no MENTIONS, one index): ${nodes.length} nodes in ${nodeS.toFixed(1)} s, ` +
      `${rels.length} relationships in ${relS.toFixed(1)} s (${Math.round(rels.length / relS)}/s); ` +
      `whole graph ${Math.round(rels.length / (nodeS + relS))} relationships/s; Neo4j used ${(serverCpuSeconds(pid) - cpuBefore).toFixed(1)} CPU s`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
