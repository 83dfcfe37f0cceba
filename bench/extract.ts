/**
 * Throughput of the whole extraction pipeline over the news corpus in ../shared/data/news:
 * read -> clean -> NLP -> entities -> resolution -> relations per article, then the cross-article merge.
 * Prints words per CPU second (one core) and per wall-clock second, and the peak resident memory.
 *
 *   ts-node bench/extract.ts [--limit N] [PATH...]
 */
import { performance } from 'node:perf_hooks';
import { readArticles } from '../ingest/read';
import { Extractor, type ArticleExtraction } from '../ingest/extract';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let limit = Infinity;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--limit') limit = Number(args[++i]);
    else paths.push(args[i]!);
  }
  if (paths.length === 0) paths.push('../shared/data/news');
  const extractor = new Extractor();
  // warm up the model and the JIT on a few articles, not counted
  let warm = 0;
  for await (const e of readArticles(paths)) {
    if (e.kind === 'article') extractor.article(e.article);
    if (++warm >= 30) break;
  }

  let peak = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  let words = 0;
  let articles = 0;
  const results: ArticleExtraction[] = [];
  for await (const event of readArticles(paths)) {
    if (event.kind !== 'article') continue;
    words += countWords(event.article.text);
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

function countWords(text: string): number {
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
