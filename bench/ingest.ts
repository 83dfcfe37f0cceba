/**
 * End to end: N real articles from ../shared/data/news read → extracted → loaded into a fresh bundled Neo4j by
 * `graphwire ingest`, timed wall-clock (Neo4j start-up excluded: the server is started first).
 *   npx ts-node bench/ingest.ts [--count 2000] [--folder ../shared/data/news/bbc]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
}

function main(): void {
  const count = Number(flag('count', '2000'));
  const folder = path.resolve(flag('folder', path.join(__dirname, '..', '..', 'shared', 'data', 'news', 'bbc')));
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.txt')).sort().slice(0, count).map((f) => path.join(folder, f));
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'graphwire-bench-ingest-'));
  const env = { ...process.env, GRAPHWIRE_HOME: home, GRAPHWIRE_NEO4J_PORT: '0' };
  const bin = path.join(__dirname, '..', 'bin', 'graphwire');
  try {
    const started = spawnSync(process.execPath, [bin, 'neo4j', 'start'], { env, encoding: 'utf8' });
    if (started.status !== 0) throw new Error(started.stderr);
    const t0 = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [bin, '--quiet', 'ingest', ...files], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (run.status !== 0 && run.status !== 3) throw new Error(`ingest failed (${run.status}): ${run.stderr.slice(-2000)}`);
    console.log(run.stdout.trim());
    const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
    console.log(`${files.length} articles (${(bytes / 1e6).toFixed(1)} MB) from ${folder}: read → extract → load in ${seconds.toFixed(1)} s (${(files.length / seconds).toFixed(0)} articles/s)`);
    console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}, Node ${process.version}`);
  } finally {
    spawnSync(process.execPath, [bin, 'neo4j', 'stop'], { env });
    fs.rmSync(home, { recursive: true, force: true });
  }
}

main();
