/**
 * Load on the HTTP API: bursts of concurrent preset requests (default 5 bursts of 200) against the fixture graph in a
 * bundled Neo4j in a fresh temporary home (or GRAPHWIRE_TEST_NEO4J_URI, which is wiped). Prints p50/p90/p99 latency,
 * throughput, the statuses seen, and how long a health check took in the middle of a burst.
 *
 *   ts-node bench/api-load.ts [--concurrency 200] [--bursts 5] [--max-running 16]
 */
import { loadPresets } from '../src/query';
import { createApp } from '../src/server';
import { loadExtraction } from '../src/store';
import { fixtureDocument } from '../test/support/graph';
import { clearDatabase, stopSharedNeo4j, testNeo4j } from '../test/support/neo4j';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: number): number => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const concurrency = flag('--concurrency', 200);
  const bursts = flag('--bursts', 5);
  const maxRunning = flag('--max-running', 16);
  const db = await testNeo4j();
  try {
    await clearDatabase(db);
    await loadExtraction(db.driver, fixtureDocument(), { database: db.target.database });
    const presets = loadPresets();
    const runnable = presets.presets.filter((p) => p.params.every((q) => q.default !== undefined)).map((p) => p.name);
    const app = createApp({ query: { driver: db.driver, database: db.target.database }, presets, concurrency: { maxRunning } });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const timed = async (url: string, init: RequestInit): Promise<{ status: number; ms: number }> => {
      const began = performance.now();
      const response = await fetch(base + url, init);
      await response.arrayBuffer();
      return { status: response.status, ms: performance.now() - began };
    };
    // warm-up: plans cached, connections open
    await Promise.all(runnable.map((name) => timed(`/api/presets/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })));
    const all: number[] = [];
    const statuses = new Map<number, number>();
    const health: number[] = [];
    const began = performance.now();
    for (let b = 0; b < bursts; b++) {
      const burst = Array.from({ length: concurrency }, (_, i) =>
        timed(`/api/presets/${runnable[i % runnable.length]}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      );
      health.push((await timed('/api/health', {})).ms);
      for (const r of await Promise.all(burst)) {
        all.push(r.ms);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    }
    const wall = (performance.now() - began) / 1000;
    all.sort((a, b) => a - b);
    process.stdout.write(
      `${bursts} bursts of ${concurrency} concurrent preset requests (${runnable.length} presets, max ${maxRunning} running):\n` +
        `  p50 ${percentile(all, 50).toFixed(0)} ms, p90 ${percentile(all, 90).toFixed(0)} ms, p99 ${percentile(all, 99).toFixed(0)} ms, max ${all[all.length - 1]!.toFixed(0)} ms\n` +
        `  ${(all.length / wall).toFixed(0)} requests/s; statuses ${JSON.stringify(Object.fromEntries(statuses))}\n` +
        `  health during bursts: ${health.map((h) => h.toFixed(0)).join(', ')} ms\n`,
    );
    await app.close();
  } finally {
    await stopSharedNeo4j();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
