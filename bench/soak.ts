/**
 * Soak: one `graphwire ingest` over a whole corpus (default ../shared/data/news, ≈21,000 articles) into a bundled
 * Neo4j in a fresh temporary home, with the resident memory of the ingest process (and of Neo4j) sampled every
 * second. Prints the RSS series summary and whether the ingest's memory stays flat.
 *
 *   ts-node bench/soak.ts [--window N] [PATH...]
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveConfig } from '../src/config';
import { BundledNeo4j } from '../src/neo4j';

function rssOf(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;

function summary(series: number[]): string {
  if (series.length === 0) return 'no samples';
  const max = Math.max(...series);
  return `start ${mb(series[0]!)}, max ${mb(max)}, end ${mb(series[series.length - 1]!)} (${series.length} samples)`;
}

/** Flat: the median of the last fifth is within 15% (or 50 MB) of the median of the second fifth (after warm-up). */
function flatness(series: number[]): { flat: boolean; early: number; late: number } {
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const fifth = Math.max(1, Math.floor(series.length / 5));
  const early = median(series.slice(fifth, 2 * fifth));
  const late = median(series.slice(-fifth));
  return { flat: late - early <= Math.max(0.15 * early, 50 * 1024 * 1024), early, late };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let window = '1000';
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--window') window = args[++i]!;
    else paths.push(args[i]!);
  }
  if (paths.length === 0) paths.push(path.resolve(__dirname, '../../shared/data/news'));
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'graphwire-soak-'));
  const config = resolveConfig({ env: { GRAPHWIRE_HOME: home, GRAPHWIRE_NEO4J_PORT: '0' }, flags: {} });
  const server = new BundledNeo4j(home, config.bundled);
  try {
    const { state } = await server.start();
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('NEO4J_')) env[k] = v;
    env.GRAPHWIRE_HOME = home;
    const began = Date.now();
    const child = spawn(process.execPath, [path.resolve(__dirname, '../bin/graphwire'), '--quiet', 'ingest', '--window', window, ...paths], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const ingest: number[] = [];
    const neo4j: number[] = [];
    const timer = setInterval(() => {
      const a = rssOf(child.pid!);
      const b = rssOf(state.pid);
      if (a !== undefined) ingest.push(a);
      if (b !== undefined) neo4j.push(b);
    }, 1000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(timer);
    const seconds = (Date.now() - began) / 1000;
    process.stdout.write(`ingest of ${paths.join(' ')} (window ${window}): exit ${code} in ${seconds.toFixed(0)} s\n${stdout.trim()}\n`);
    const warnings = stderr.split('\n').filter((l) => l.trim() !== '');
    if (warnings.length > 0) process.stdout.write(`${warnings.length} stderr lines, first: ${warnings.slice(0, 3).join(' | ')}\n`);
    const f = flatness(ingest);
    process.stdout.write(`ingest process RSS: ${summary(ingest)}\n`);
    process.stdout.write(`  second fifth median ${mb(f.early)}, last fifth median ${mb(f.late)}: ${f.flat ? 'flat' : 'GROWING'}\n`);
    process.stdout.write(`Neo4j RSS: ${summary(neo4j)}\n`);
    const step = Math.max(1, Math.floor(ingest.length / 20));
    process.stdout.write(`ingest RSS every ${step} s: ${ingest.filter((_, i) => i % step === 0).map(mb).join(' ')}\n`);
  } finally {
    await server.stop().catch(() => undefined);
    fs.rmSync(home, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
