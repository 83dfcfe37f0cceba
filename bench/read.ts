/**
 * Read + clean throughput over a folder of articles (default: ../shared/data/news).
 * Run: npx ts-node bench/read.ts [PATH...] [--passes N]
 * The first pass warms the file-system cache; figures are per pass and for the best one.
 */
import * as path from 'node:path';
import { readArticles } from '../ingest/read';

async function pass(paths: string[]): Promise<{ seconds: number; bytes: number; files: number; articles: number; failures: number; textChars: number; peakRss: number }> {
  let bytes = 0;
  let files = 0;
  let articles = 0;
  let failures = 0;
  let textChars = 0;
  let peakRss = 0;
  const started = process.hrtime.bigint();
  for await (const event of readArticles(paths, { onInput: (input) => ((bytes += input.bytes), files++) })) {
    if (event.kind === 'article') {
      articles++;
      textChars += event.article.text.length;
      if (articles % 1000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    } else if (event.kind === 'failure') failures++;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, bytes, files, articles, failures, textChars, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const passesAt = args.indexOf('--passes');
  const passes = passesAt >= 0 ? Number(args.splice(passesAt, 2)[1]) : 3;
  const paths = args.length > 0 ? args : [path.resolve(__dirname, '..', '..', 'shared', 'data', 'news')];
  console.log(`read+clean over ${paths.join(' ')} (${passes} passes; the machine is shared, so expect noise)`);
  let best: Awaited<ReturnType<typeof pass>> | undefined;
  for (let i = 1; i <= passes; i++) {
    const r = await pass(paths);
    const mb = r.bytes / (1024 * 1024);
    console.log(
      `pass ${i}: ${r.files} files, ${mb.toFixed(1)} MB, ${r.articles} articles, ${r.failures} failures in ${r.seconds.toFixed(2)} s` +
        ` = ${(mb / r.seconds).toFixed(1)} MB/s, ${Math.round(r.articles / r.seconds)} articles/s; peak RSS ${(r.peakRss / 1048576).toFixed(0)} MB`,
    );
    if (!best || r.seconds < best.seconds) best = r;
  }
  if (best) {
    const mb = best.bytes / (1024 * 1024);
    console.log(`best: ${(mb / best.seconds).toFixed(1)} MB/s, ${Math.round(best.articles / best.seconds)} articles/s (cleaned text is ${((100 * best.textChars) / best.bytes).toFixed(1)}% of input bytes)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
