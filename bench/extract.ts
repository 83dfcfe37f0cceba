/**
 * Throughput of the whole extraction pipeline over the news corpus in ../shared/data/news:
 * read -> clean -> NLP -> entities -> resolution -> relations per article, then the cross-article merge.
 * Prints words per CPU second (one core) and per wall-clock second, and the peak resident memory.
 *
 * With --workers N the per-article step runs in N worker threads instead (the merge stays here), and the figures are
 * wall-clock words per second and the CPU the whole process used, workers included.
 *
 *   ts-node bench/extract.ts [--limit N] [--workers N] [PATH...]
 */
import { performance } from 'node:perf_hooks';
import { readArticles } from '../ingest/read';
import { Extractor, ExtractionPool, extractInOrder, type ArticleExtraction } from '../ingest/extract';
import type { Article } from '../src/model/article';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let limit = Infinity;
  let workers = 0;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--limit') limit = Number(args[++i]);
    else if (args[i] === '--workers') workers = Number(args[++i]);
    else paths.push(args[i]!);
  }
  if (paths.length === 0) paths.push('../shared/data/news');
  if (workers > 0) return threaded(paths, limit, workers);
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
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;
  console.log(`${articles} articles, ${words} words -> ${doc.entities.length} entities, ${doc.relations.length} relations`);
  console.log(`read+clean+NLP+entities+resolve+relations: ${perArticleCpu.toFixed(2)} CPU s (${Math.round(words / perArticleCpu)} words per CPU second)`);
  console.log(`whole pipeline with the cross-article merge: ${cpu.toFixed(2)} CPU s, ${Math.round(words / cpu)} words per CPU second; ${Math.round(words / wall)} words/s wall clock`);
  console.log(`peak RSS ${mb(peak)}; per-article results kept for the merge: ${mb(Buffer.byteLength(JSON.stringify(results)))} as JSON`);
}

async function threaded(paths: string[], limit: number, workers: number): Promise<void> {
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
    console.log(`${articles} articles, ${words} words -> ${doc.entities.length} entities, ${doc.relations.length} relations`);
    console.log(`${workers} worker threads, merge included: ${Math.round(words / wall)} words/s wall clock; ${cpu.toFixed(2)} CPU s in all (${Math.round(words / cpu)} words per CPU second)`);
    console.log(`peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB (all threads)`);
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
