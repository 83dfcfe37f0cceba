/**
 * Preset latency on a synthetic graph of 100,000 entities and about 300,000 facts (plus the articles and
 * MENTIONS that the data model requires), in the bundled Neo4j; and what the HTTP layer adds over the driver.
 *
 *   npx ts-node bench/presets.ts                 # bundled Neo4j in a temporary home, graph generated (~1-2 min)
 *   GRAPHWIRE_BENCH_NEO4J_URI=bolt://… NEO4J_PASSWORD=… npx ts-node bench/presets.ts   # a server of yours: it is WIPED
 *   BENCH_ENTITIES=20000 BENCH_RUNS=30 …         # smaller or longer runs
 *   BENCH_REUSE=1 with a server of yours that already holds the graph: measure again without regenerating
 *
 * Targets: every preset p95 < 50 ms; HTTP overhead < 2 ms at p50.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { resolveConfig } from '../src/config';
import { BundledNeo4j, openDriver, type Neo4jTarget } from '../src/neo4j';
import { loadPresets, runPreset, type QueryTarget } from '../src/query';
import { createApp } from '../src/server';
import { ensureSchema } from '../src/store';

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 100_000);
const ARTICLES = Math.round(ENTITIES * 0.3);
const FACTS_PER_ARTICLE = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const TYPES = ['Person', 'Organization', 'Location', 'Event', 'Other'];
const RELATIONS = ['ATTENDED', 'MET_WITH', 'NEGOTIATED_WITH', 'AGREED_WITH', 'STATED', 'SUPPORTS', 'CRITICIZED', 'LEADS', 'LOCATED_IN', 'MEMBER_OF'];
const OUTLETS = ['Meridian Wire', 'Continental Post', 'Northgate Review', 'The Tarvian Courier', 'Harbour Daily', 'Eastline'];

async function main(): Promise<void> {
  const { target, stop } = await server();
  const driver = openDriver(target);
  try {
    const db: QueryTarget = { driver, database: target.database };
    if (process.env.BENCH_REUSE && (await holdsGraph(driver, target.database))) process.stdout.write('reusing the synthetic graph already in the database\n');
    else await generate(driver, target.database);
    const presets = loadPresets();
    const samples = await sampleParams(driver, target.database);
    if (process.env.BENCH_HTTP_ONLY) return await httpOverhead(db, presets);
    process.stdout.write(`\npreset latency, ${RUNS} runs each after 5 warm-up runs (ms; machine shared with other work, so noisy)\n`);
    process.stdout.write(`${'preset'.padEnd(16)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}  rows  target p95 < 50\n`);
    for (const preset of presets.presets) {
      const params = samples[preset.name] ?? (() => ({}));
      for (let i = 0; i < 5; i++) await runPreset(db, preset, params(i));
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        const result = await runPreset(db, preset, params(i));
        times.push(performance.now() - t);
        rows = result.rows.length;
      }
      const [p50, p95, max] = [pct(times, 50), pct(times, 95), Math.max(...times)];
      process.stdout.write(`${preset.name.padEnd(16)} ${f(p50)} ${f(p95)} ${f(max)} ${String(rows).padStart(5)}  ${p95 < 50 ? 'ok' : 'MISSED'}\n`);
    }
    await httpOverhead(db, presets);
  } finally {
    await driver.close();
    await stop();
  }
}

/** The same preset through the driver and through HTTP on loopback, interleaved so both see the same load. */
async function httpOverhead(db: QueryTarget, presets: ReturnType<typeof loadPresets>): Promise<void> {
  const app = createApp({ query: db, presets });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const preset = presets.get('entity');
    const body = JSON.stringify({ id: 'e:person:0' });
    const direct: number[] = [];
    const http: number[] = [];
    for (let i = 0; i < RUNS * 5 + 20; i++) {
      let t = performance.now();
      await runPreset(db, preset, { id: 'e:person:0' });
      const d = performance.now() - t;
      t = performance.now();
      JSON.parse(await post(`${base}/api/presets/entity`, body));
      const h = performance.now() - t;
      if (i >= 20) {
        direct.push(d);
        http.push(h);
      }
    }
    const overhead = pct(http, 50) - pct(direct, 50);
    process.stdout.write(`\nHTTP overhead (POST /api/presets/entity vs runPreset, ${http.length} interleaved pairs)\n`);
    process.stdout.write(`driver p50 ${pct(direct, 50).toFixed(2)} ms, HTTP p50 ${pct(http, 50).toFixed(2)} ms: overhead ${overhead.toFixed(2)} ms (target < 2) ${overhead < 2 ? 'ok' : 'MISSED'}\n`);
  } finally {
    agent.destroy();
    await app.close();
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** A bare keep-alive POST: fetch() costs a millisecond or more of its own per call, which is not the server's. */
function post(url: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Parameters per preset, varied per run over well-connected and ordinary entities. */
async function sampleParams(driver: Driver, database?: string): Promise<Record<string, (i: number) => Record<string, unknown>>> {
  const q = async (cypher: string) => (await driver.executeQuery(cypher, {}, { database, routing: neo4j.routing.READ })).records;
  // mostly ordinary entities, with the hubs of the skewed generator in the mix
  const names = (await q('UNWIND [0, 1, 2, 7, 50, 333, 1234, 5000, 20000, 60000, 99999] AS n MATCH (e:Entity {id: "e:" + toLower(["person","organization","location","event","other"][n % 5]) + ":" + n}) RETURN e.name AS name')).map((r) => r.get('name') as string);
  const events = (await q('MATCH (e:Event) RETURN e.name AS name LIMIT 5')).map((r) => r.get('name') as string);
  const articles = (await q('MATCH (a:Article) RETURN a.id AS id LIMIT 20')).map((r) => r.get('id') as string);
  const pick = <T>(list: T[], i: number): T => list[i % list.length];
  return {
    'entity-profile': (i) => ({ name: pick(names, i) }),
    entity: (i) => ({ id: `e:person:${(i * 7919) % ENTITIES - ((i * 7919) % ENTITIES) % 5}` }),
    neighbourhood: (i) => ({ name: pick(names, i), hops: 2 }),
    'facts-between': (i) => ({ a: pick(names, i), b: pick(names, i + 3) }),
    'shortest-path': (i) => ({ a: pick(names, i), b: pick(names, i + 5) }),
    attendance: (i) => ({ event: i % 2 === 0 ? '' : pick(events, i), limit: 200 }),
    'co-mentioned': (i) => ({ name: pick(names, i) }),
    'article-facts': (i) => ({ article: pick(articles, i) }),
    timeline: (i) => ({ name: pick(names, i) }),
    search: (i) => ({ q: `${pick(names, i).split(' ')[0].toLowerCase()}*` }),
  };
}

/** Whether a server of one's own already holds this bench's graph (BENCH_REUSE: measure again without regenerating). */
async function holdsGraph(driver: Driver, database?: string): Promise<boolean> {
  const { records } = await driver.executeQuery('MATCH (e:Entity) WHERE e.id STARTS WITH "e:" RETURN count(e) AS n, max(e.factCount) AS facts', {}, { database });
  return Number(records[0]!.get('n')) === ENTITIES && records[0]!.get('facts') !== null;
}

async function generate(driver: Driver, database?: string): Promise<void> {
  // auto-commit transactions: CALL … IN TRANSACTIONS refuses to run inside an explicit one
  const run = async (cypher: string, params: Record<string, unknown> = {}) => {
    const session = driver.session({ database });
    try {
      return await session.run(cypher, params);
    } finally {
      await session.close();
    }
  };
  const started = performance.now();
  await run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  await ensureSchema(driver, database);
  const syllables = ['al', 'bren', 'cor', 'dan', 'el', 'fal', 'gor', 'hal', 'isk', 'jor', 'kel', 'lor', 'mar', 'nor', 'ost', 'pel', 'quin', 'ros', 'sal', 'tor', 'ul', 'var', 'wen', 'yor', 'zan'];
  const step = 10_000;
  for (let from = 0; from < ENTITIES; from += step) {
    await run(
      `UNWIND range($from, $to - 1) AS i
       WITH i, $types[i % 5] AS type,
            $syl[i % 25] + $syl[(i / 25) % 25] + ' ' + $syl[(i / 625) % 25] + $syl[(i / 15625) % 25] + 'ik ' + i AS name
       CREATE (e:Entity {id: 'e:' + toLower(type) + ':' + i, name: name, type: type, aliases: [name, 'alias ' + i],
                         aliasText: name + ' | alias ' + i, mentionCount: 0, articleCount: 0})
       SET e:$(type)`,
      { from: neo4j.int(from), to: neo4j.int(Math.min(from + step, ENTITIES)), types: TYPES, syl: syllables },
    );
  }
  for (let from = 0; from < ARTICLES; from += step) {
    await run(
      `UNWIND range($from, $to - 1) AS i
       CREATE (:Article {id: 'a' + i, key: 'bench/' + i + '.txt', file: i + '.txt', title: 'Article ' + i,
                         source: $outlets[i % size($outlets)], published: '2025-0' + (1 + i % 9) + '-1' + (i % 10), ingestedAt: '2025-10-01T00:00:00Z'})`,
      { from: neo4j.int(from), to: neo4j.int(Math.min(from + step, ARTICLES)), outlets: OUTLETS },
    );
  }
  // mentions skewed to low entity numbers (the product of two uniforms), so some entities are hubs
  await run(
    `MATCH (a:Article)
     CALL (a) {
       UNWIND range(1, 10) AS k
       WITH DISTINCT toInteger($n * rand() * rand()) AS p
       MATCH (e:Entity {id: 'e:' + toLower($types[p % 5]) + ':' + p})
       CREATE (a)-[:MENTIONS {count: 1 + p % 3, aliases: [e.name]}]->(e)
     } IN TRANSACTIONS OF 2000 ROWS`,
    { n: neo4j.int(ENTITIES), types: TYPES },
  );
  // facts between entities the same article mentions, as the loader's invariant requires
  await run(
    `MATCH (a:Article)
     CALL (a) {
       MATCH (a)-[:MENTIONS]->(e:Entity)
       WITH a, collect(e) AS es
       WHERE size(es) > 1
       UNWIND range(1, $perArticle) AS k
       WITH a, es, k, es[toInteger(rand() * size(es))] AS s, es[toInteger(rand() * size(es))] AS o
       WHERE s <> o
       WITH a, s, o, $relations[k % size($relations)] AS type, 1 + toInteger(rand() * 3) AS sources, '2025-03-' + (10 + k) AS date
       CREATE (s)-[r:$(type) {text: toLower(type), texts: [toLower(type)], confidence: 0.5 + rand() / 2, articles: [a.id],
                              sources: sources, sourceNames: $outlets[0..sources], evidenceCount: 1,
                              dates: [date], firstDate: date, lastDate: date,
                              evidenceArticle: [a.id], evidenceSentence: ['A sentence of ' + a.title + '.'], evidenceStart: [0], evidenceEnd: [40],
                              evidenceText: [toLower(type)], evidenceConfidence: [0.8], evidenceDate: [date],
                              evidenceSubjectStart: [-1], evidenceSubjectEnd: [-1], evidenceObjectStart: [-1], evidenceObjectEnd: [-1], evidenceQuote: ['']}]->(o)
     } IN TRANSACTIONS OF 2000 ROWS`,
    { perArticle: neo4j.int(FACTS_PER_ARTICLE + 1), relations: RELATIONS, outlets: OUTLETS },
  );
  await run(
    `MATCH (e:Entity)
     CALL (e) {
       OPTIONAL MATCH (e)<-[m:MENTIONS]-()
       WITH e, coalesce(sum(m.count), 0) AS mentions, count(m) AS articles
       // factCount as the loader keeps it: the facts the entity takes part in, either end
       SET e.mentionCount = mentions, e.articleCount = articles,
           e.factCount = COUNT { (e)-->(:Entity) } + COUNT { (e)<--(:Entity) }
     } IN TRANSACTIONS OF 10000 ROWS`,
  );
  await run('CALL db.awaitIndexes(300)');
  const counts = (await run('MATCH (e:Entity) WITH count(e) AS entities MATCH (:Entity)-[r]->(:Entity) RETURN entities, count(r) AS facts')).records[0];
  const mentions = (await run('MATCH ()-[r:MENTIONS]->() RETURN count(r) AS n')).records[0].get('n');
  const hub = (await run('MATCH (e:Entity) RETURN max(COUNT { (e)--() }) AS d')).records[0].get('d');
  process.stdout.write(
    `synthetic graph: ${num(counts.get('entities'))} entities, ${num(counts.get('facts'))} facts, ${ARTICLES} articles, ${num(mentions)} MENTIONS; ` +
      `largest degree ${num(hub)}; generated in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
  );
}

async function server(): Promise<{ target: Neo4jTarget; stop: () => Promise<void> }> {
  const uri = process.env.GRAPHWIRE_BENCH_NEO4J_URI;
  if (uri) {
    return {
      target: { uri, username: process.env.NEO4J_USERNAME ?? 'neo4j', password: process.env.NEO4J_PASSWORD, database: process.env.NEO4J_DATABASE, bundled: false },
      stop: async () => {},
    };
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'graphwire-bench-'));
  const config = resolveConfig({ env: { GRAPHWIRE_HOME: home, GRAPHWIRE_NEO4J_PORT: '0', GRAPHWIRE_NEO4J_HEAP: '1g', GRAPHWIRE_NEO4J_PAGECACHE: '512m' }, flags: {} });
  const bundled = new BundledNeo4j(config.home, config.bundled, { log: (m) => process.stderr.write(`${m}\n`) });
  const { state } = await bundled.start();
  return {
    target: { uri: state.uri, username: state.username, password: bundled.password(), bundled: true },
    stop: async () => {
      await bundled.stop();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const f = (ms: number): string => ms.toFixed(1).padStart(7);
const num = (v: unknown): string => Number(v).toLocaleString('en-US');

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
