import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveConfig, type Config } from '../../src/config';
import { BundledNeo4j } from '../../src/neo4j';
import { writeGeneratedArticles } from '../fixtures/reliability/articles';
import { countGraph, graphFingerprint } from '../support/graph';
import { clearDatabase, connectBundled, makeTempHome, type TestNeo4j } from '../support/neo4j';
import { graphwire, type CliRun } from './cli';

const ARTICLES = 240;
/**
 * Articles resolved together, each window one transaction: a stop then never splits a window, and the resumed ingest
 * resolves exactly the windows a clean run does (a window split across two runs can resolve some names differently).
 */
const WINDOW = 20;
/** room for the 64 MB a load keeps free, the stores, and a clean ingest */
const TMPFS_MB = 128;
const RESERVE = 64 * 1024 * 1024;

function sh(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function freeBytes(dir: string): number {
  const disk = fs.statfsSync(dir);
  return disk.bavail * disk.bsize;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first article named as not loaded. */
function firstNotLoaded(run: CliRun): string | undefined {
  return /article\(s\) not loaded: (report-\d{4}\.txt)/.exec(run.stderr)?.[1];
}

function report(n: number): string {
  return `report-${String(n).padStart(4, '0')}.txt`;
}

/**
 * The bundled server's data folder is a small tmpfs of its own, so the test can fill it and make it read-only without
 * touching the machine's disks. Mounting needs Linux and root; anywhere else the suite is skipped, saying why.
 */
describe('reliability: disk full and a read-only data folder (integration, tmpfs)', function () {
  this.timeout(300_000);
  let home: string | undefined;
  let data: string;
  let mounted = false;
  let config: Config;
  let server: BundledNeo4j;
  const warnings: string[] = [];
  let db: TestNeo4j | undefined;
  let files: string[];
  let expected: string;
  let expectedCounts: Awaited<ReturnType<typeof countGraph>>;
  /** how much of the disk one clean ingest of the articles takes */
  let ingestBytes: number;
  const filler = (): string => path.join(data, 'filler');
  const flags = ['--window', String(WINDOW)];
  const bundledEnv = () => ({ GRAPHWIRE_HOME: home, GRAPHWIRE_NEO4J_PORT: '0', NEO4J_URI: undefined, NEO4J_USERNAME: undefined, NEO4J_PASSWORD: undefined, NEO4J_DATABASE: undefined });

  async function connect(): Promise<TestNeo4j> {
    await db?.driver.close();
    db = await connectBundled(server, config);
    return db;
  }

  /** Leaves `bytes` free on the data disk. */
  function fill(bytes: number): void {
    fs.rmSync(filler(), { force: true });
    fs.writeFileSync(filler(), Buffer.alloc(Math.max(0, freeBytes(data) - bytes)));
  }

  function assertClean(run: CliRun): void {
    assert.doesNotMatch(run.stderr, /unexpected error|\n\s+at /);
    // stopped at the first failure: no article-by-article retries, each failing alike
    assert.doesNotMatch(run.stderr, /warning: .*not loaded/);
  }

  before(async function () {
    const skip = (why: string): never => {
      process.stderr.write(`      SKIPPED (disk full / read-only data folder): ${why}\n`);
      this.skip();
    };
    if (process.platform !== 'linux') skip(`mounting a tmpfs needs Linux, this is ${process.platform}`);
    if (process.getuid?.() !== 0) skip('mounting a tmpfs needs root');
    home = makeTempHome('graphwire-diskfull-');
    config = resolveConfig({ env: { GRAPHWIRE_HOME: home, GRAPHWIRE_NEO4J_PORT: '0' }, flags: {} });
    server = new BundledNeo4j(home, config.bundled, { warn: (m) => warnings.push(m) });
    data = server.paths.data;
    fs.mkdirSync(data, { recursive: true });
    try {
      sh('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_MB}m`, 'tmpfs', data]);
      mounted = true;
    } catch (error) {
      skip(`mount -t tmpfs failed: ${String((error as { stderr?: unknown }).stderr ?? (error as Error).message).trim()}`);
    }
    files = writeGeneratedArticles(path.join(home, 'articles'), 0, ARTICLES);
    await connect();
    const before = freeBytes(data);
    const clean = await graphwire(['ingest', ...flags, ...files], bundledEnv()).done;
    assert.equal(clean.code, 0, clean.stderr);
    ingestBytes = before - freeBytes(data);
    expected = await graphFingerprint(db!);
    expectedCounts = await countGraph(db!);
  });

  after(async function () {
    this.timeout(60_000);
    await db?.driver.close();
    if (mounted) {
      // space and write access first, or the server's shutdown (and the unmount) could hang on them
      fs.rmSync(filler(), { force: true });
      try {
        sh('mount', ['-o', 'remount,rw', data]);
      } catch {
        // already writable
      }
      await server?.stop(10_000).catch(() => undefined);
      try {
        sh('umount', [data]);
      } catch {
        sh('umount', ['-l', data]);
      }
    }
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it(`an ingest of ${ARTICLES} articles onto a nearly full disk stops before Neo4j runs out (exit 4, naming the folder and the articles); the server stays healthy, and with space back the same command completes to a clean run's graph`, async () => {
    await clearDatabase(db!);
    // room for the reserve and about half of the ingest: some batches commit, then the load stops itself
    fill(RESERVE + Math.floor(ingestBytes / 2));
    const low = await graphwire(['ingest', ...flags, ...files], bundledEnv()).done;
    assert.equal(low.code, 4, `${low.stdout}\n${low.stderr}`);
    assert.match(low.stderr, new RegExp(`only \\d+\\.\\d MB free on the disk holding ${escape(data)}, the Neo4j data folder \\(a load leaves 64\\.0 MB free`));
    assert.match(low.stderr, /\d+ article\(s\) not loaded: report-\d{4}\.txt, report-\d{4}\.txt/);
    assert.match(low.stderr, /Articles loaded before stay loaded\. Free disk space there, then run the same command again/);
    assertClean(low);

    // Neo4j never ran out: it still answers, holding whole windows, and the first article named is the first not there
    const { records } = await db!.driver.executeQuery('MATCH (a:Article) RETURN count(a) AS n');
    const loaded = records[0]!.get('n') as number;
    process.stderr.write(`      nearly full: stopped with ${loaded} of ${ARTICLES} articles loaded (a clean ingest takes ${(ingestBytes / 1024).toFixed(0)} KiB) in ${(low.ms / 1000).toFixed(1)} s\n`);
    assert.ok(loaded > 0 && loaded < ARTICLES && loaded % WINDOW === 0, `${loaded} loaded: some windows should commit first`);
    assert.equal(firstNotLoaded(low), report(loaded));

    fs.rmSync(filler());
    const done = await graphwire(['ingest', ...flags, ...files], bundledEnv()).done;
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stdout, new RegExp(`articles new ${ARTICLES - loaded}, unchanged ${loaded}, updated 0, failed 0`));
    assert.deepEqual(await countGraph(db!), expectedCounts);
    assert.equal(await graphFingerprint(db!), expected);
  });

  it('when Neo4j itself runs out of disk (a server whose disk graphwire cannot see) the ingest stops at once with what Neo4j said (exit 4); a full-disk stop kills the server; a read-only data folder is refused clearly; freed, restarted and run again, the graph is a clean run\'s', async () => {
    await clearDatabase(db!);
    // the same server named by NEO4J_URI: graphwire treats it as someone else's and cannot watch its disk
    const externalEnv = { ...bundledEnv(), NEO4J_URI: db!.target.uri, NEO4J_USERNAME: db!.target.username, NEO4J_PASSWORD: db!.target.password };
    fill(Math.floor(ingestBytes / 2));
    const full = await graphwire(['ingest', ...flags, ...files], externalEnv).done;
    const code = /so the load stopped \((Neo\.[\w.]+):/.exec(full.stderr)?.[1];
    process.stderr.write(`      out of disk: Neo4j said ${code}; the ingest stopped in ${(full.ms / 1000).toFixed(1)} s\n`);
    assert.equal(full.code, 4, `${full.stdout}\n${full.stderr}`);
    assert.match(full.stderr, new RegExp(`Neo4j cannot write to its database \\(No space left on device; data folder ${escape(data)}\\), so the load stopped \\(Neo\\.DatabaseError\\.`));
    assert.match(full.stderr, /\d+ article\(s\) not loaded: report-\d{4}\.txt, report-\d{4}\.txt/);
    assert.match(full.stderr, /First free disk space there or make the folder writable, then restart Neo4j .*run the same command again/);
    assertClean(full);

    // the database now fails every transaction until restarted: running again says so instead of failing each article
    const again = await graphwire(['ingest', ...flags, ...files], externalEnv).done;
    assert.equal(again.code, 4, `${again.stdout}\n${again.stderr}`);
    assert.match(again.stderr, /Neo4j cannot write to its database \(No space left on device; data folder .*restart Neo4j/s);
    assertClean(again);

    // a clean shutdown could not write and may damage the transaction log: on a full disk stop() kills at once
    assert.ok(freeBytes(data) < 1024 * 1024, `${freeBytes(data)} bytes free`);
    const began = Date.now();
    const stopped = await server.stop(30_000);
    assert.equal(stopped.killed, true);
    assert.ok(Date.now() - began < 15_000, `stop took ${Date.now() - began} ms`);
    assert.match(warnings.at(-1) ?? '', new RegExp(`the disk holding ${escape(data)} is full .* was killed \\(SIGKILL\\) instead\\. Free disk space before starting it again`));

    // the data folder read-only: refused before Neo4j starts, naming the folder; nothing is started
    sh('mount', ['-o', 'remount,ro', data]);
    const readOnly = await graphwire(['neo4j', 'start'], bundledEnv()).done;
    assert.equal(readOnly.code, 4, `${readOnly.stdout}\n${readOnly.stderr}`);
    assert.match(readOnly.stderr, new RegExp(`cannot write to ${escape(data)}: EROFS: read-only file system`));
    assert.match(readOnly.stderr, new RegExp(`make ${escape(data)} writable again`));
    assert.doesNotMatch(readOnly.stderr, /unexpected error|\n\s+at /);
    assert.equal(server.status().running, false);

    // space and write access back: the start recovers, and the same command loads exactly what was named
    sh('mount', ['-o', 'remount,rw', data]);
    fs.rmSync(filler());
    const done = await graphwire(['ingest', ...flags, ...files], bundledEnv()).done;
    assert.equal(done.code, 0, done.stderr);
    // every window committed before the disk ran out survived the failure, the kill and the recovery, and the first
    // article named then is the first one missing
    const unchanged = Number(/articles new \d+, unchanged (\d+), updated 0, failed 0/.exec(done.stdout)?.[1]);
    process.stderr.write(`      recovered ${unchanged} of ${ARTICLES} articles loaded before the disk ran out\n`);
    assert.ok(unchanged > 0 && unchanged < ARTICLES && unchanged % WINDOW === 0, done.stdout);
    assert.equal(firstNotLoaded(full), report(unchanged));
    const restarted = await connect();
    assert.deepEqual(await countGraph(restarted), expectedCounts);
    assert.equal(await graphFingerprint(restarted), expected);
  });
});
