/**
 * Throughput of the whole extraction pipeline over the news corpus in ../shared/data/news:
 * read -> clean -> NLP -> entities -> resolution -> relations per article, then the cross-article merge.
 * Prints words per CPU second (one core) and per wall-clock second, and the peak resident memory.
 *
 * With --workers N the per-article step runs in N worker threads instead (the merge stays here), and the figures are
 * wall-clock words per second and the CPU the whole process used, workers included.
 *
 * With --runs N it runs N times, each in a fresh process (so no run inherits another's compiled code or caches), prints
 * each run's figures and then the median and the range: this machine's speed drifts by ±10% over minutes, and one
 * run says little.
 *
 *   ts-node bench/extract.ts [--limit N] [--workers N] [--runs N] [PATH...]
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { readArticles } from '../ingest/read';
import { Extractor, ExtractionPool, extractInOrder, type ArticleExtraction } from '../ingest/extract';
import type { Article } from '../src/model/article';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let limit = Infinity;
  let workers = 0;
  let runs = 1;
  let json = false;
  const paths: string[] = [];
  const forwarded: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--runs') runs = Number(args[++i]);
    else if (args[i] === '--json') json = true;
    else {
      forwarded.push(args[i]!);
      if (args[i] === '--limit') forwarded.push(String((limit = Number(args[++i]))));
      else if (args[i] === '--workers') forwarded.push(String((workers = Number(args[++i]))));
      else paths.push(args[i]!);
    }
  }
  if (!(runs >= 1) || !Number.isInteger(runs)) throw new Error(`--runs takes a whole number of runs, not ${runs}`);
  if (runs > 1) return repeated(runs, forwarded);
  if (paths.length === 0) paths.push('../shared/data/news');
  const print = json ? (_line: string) => undefined : (line: string) => console.log(line);
  if (workers > 0) return threaded(paths, limit, workers, print, json);
  const extractor = new Extractor();
  // warm up the model and the JIT on a few articles, not counted
  let warm = 0;
  for await (const e of readArticles(paths)) {
    if (e.kind === 'article') extractor.article(e.article);
    if (++warm >= 30) break;
  }

  const words = await countWords(paths, limit);
  let peak = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  let articles = 0;
  const results: ArticleExtraction[] = [];
  for await (const event of readArticles(paths)) {
    if (event.kind !== 'article') continue;
    results.push(extractor.article(event.article));
    if (++articles % 500 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    if (articles >= limit) break;
  }
  const cpu1 = process.cpuUsage(cpu0);
  const perArticleCpu = (cpu1.user + cpu1.system) / 1e6;
  const doc = extractor.merge(results);
  const cpu2 = process.cpuUsage(cpu0);
  const wall = (performance.now() - wall0) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  const cpu = (cpu2.user + cpu2.system) / 1e6;
  print(`${articles} articles, ${words} words -> ${doc.entities.length} entities, ${doc.relations.length} relations`);
  print(`read+clean+NLP+entities+resolve+relations: ${perArticleCpu.toFixed(2)} CPU s (${Math.round(words / perArticleCpu)} words per CPU second)`);
  print(`whole pipeline with the cross-article merge: ${cpu.toFixed(2)} CPU s, ${Math.round(words / cpu)} words per CPU second; ${Math.round(words / wall)} words/s wall clock`);
  print(`peak RSS ${mb(peak)}; per-article results kept for the merge: ${mb(Buffer.byteLength(JSON.stringify(results)))} as JSON`);
  if (json) console.log(JSON.stringify({ words, perArticle: words / perArticleCpu, merged: words / cpu, wall: words / wall, peak } satisfies RunFigures));
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** One run's figures, as a child run (--json) hands them to the parent; words per CPU second unless said. */
interface RunFigures {
  words: number;
  /** per-article step (merged: with the merge); with workers, both are the whole process's CPU */
  perArticle: number;
  merged: number;
  /** words per wall-clock second */
  wall: number;
  peak: number;
}

/** The same bench `runs` times, each in a process of its own, then the median and the range of each figure. */
function repeated(runs: number, args: readonly string[]): void {
  // the child needs TypeScript loaded the way this process has it
  const loader = process.execArgv.some((a) => a.includes('ts-node')) || !__filename.endsWith('.ts') ? [] : ['-r', 'ts-node/register/transpile-only'];
  const all: RunFigures[] = [];
  for (let r = 1; r <= runs; r++) {
    const out = execFileSync(process.execPath, [...process.execArgv, ...loader, __filename, ...args, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const figures = JSON.parse(out.trim().split('\n').pop()!) as RunFigures;
    all.push(figures);
    const cpu = args.includes('--workers') ? `${round(figures.merged)} words per CPU second (all threads)` : `${round(figures.perArticle)} words per CPU second per article, ${round(figures.merged)} with the merge`;
    console.log(`run ${r}/${runs}: ${cpu}; ${round(figures.wall)} words/s wall clock; peak RSS ${mb(figures.peak)}`);
  }
  const summary = (pick: (f: RunFigures) => number): string => {
    const sorted = all.map(pick).sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    return `median ${round(median)} (${round(sorted[0]!)}–${round(sorted[sorted.length - 1]!)})`;
  };
  console.log(`${runs} runs over ${all[0]!.words} words:`);
  if (args.includes('--workers')) console.log(`  words per CPU second, all threads:  ${summary((f) => f.merged)}`);
  else {
    console.log(`  per article, words per CPU second: ${summary((f) => f.perArticle)}`);
    console.log(`  with the cross-article merge:       ${summary((f) => f.merged)}`);
  }
  console.log(`  wall clock, words per second:       ${summary((f) => f.wall)}`);
  console.log(`  peak RSS: ${mb(Math.min(...all.map((f) => f.peak)))}–${mb(Math.max(...all.map((f) => f.peak)))}`);
}

const round = (n: number): string => Math.round(n).toLocaleString('en-US');

async function threaded(paths: string[], limit: number, workers: number, print: (line: string) => void, json: boolean): Promise<void> {
  const pool = new ExtractionPool(workers);
  const extractor = new Extractor();
  try {
    // the workers load their models and compile while these few articles go through, not counted
    const warm: Promise<unknown>[] = [];
    for await (const e of readArticles(paths)) {
      if (e.kind === 'article') warm.push(pool.extract(e.article));
      if (warm.length >= 30 * workers) break;
    }
    await Promise.all(warm);

    const words = await countWords(paths, limit);
    let peak = process.memoryUsage().rss;
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    let articles = 0;
    async function* source(): AsyncGenerator<Article> {
      for await (const event of readArticles(paths)) {
        if (event.kind !== 'article') continue;
        yield event.article;
        if (++articles >= limit) return;
      }
    }
    const results: ArticleExtraction[] = [];
    for await (const { result, error } of extractInOrder(pool, source(), 16 * workers)) {
      if (error) throw error;
      results.push(result!);
      if (results.length % 500 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    const doc = extractor.merge(results);
    const wall = (performance.now() - wall0) / 1000;
    const cpu1 = process.cpuUsage(cpu0);
    const cpu = (cpu1.user + cpu1.system) / 1e6;
    peak = Math.max(peak, process.memoryUsage().rss);
    print(`${articles} articles, ${words} words -> ${doc.entities.length} entities, ${doc.relations.length} relations`);
    print(`${workers} worker threads, merge included: ${Math.round(words / wall)} words/s wall clock; ${cpu.toFixed(2)} CPU s in all (${Math.round(words / cpu)} words per CPU second)`);
    print(`peak RSS ${mb(peak)} (all threads)`);
    if (json) console.log(JSON.stringify({ words, perArticle: words / cpu, merged: words / cpu, wall: words / wall, peak } satisfies RunFigures));
  } finally {
    await pool.close();
  }
}

/** Words (runs of non-space) in the articles the timed pass reads: counted in a pass of their own, so counting is not timed. */
async function countWords(paths: string[], limit: number): Promise<number> {
  let words = 0;
  let articles = 0;
  for await (const event of readArticles(paths)) {
    if (event.kind !== 'article') continue;
    words += wordsIn(event.article.text);
    if (++articles >= limit) break;
  }
  return words;
}

function wordsIn(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
