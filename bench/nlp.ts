/**
 * Throughput of the NLP layer over the news corpus in ../shared/data/news: tokenise + split sentences +
 * part of speech + entities (the columnar `annotate`), then the full `analyse` with events, dates and
 * quantities. Prints tokens per CPU second (one core) and per wall-clock second.
 *
 *   ts-node bench/nlp.ts [--limit N] [DIR...]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadNlp } from '../ingest/nlp';

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /^\d+\.txt$/.test(name) ? [path] : [];
    });
}

function main(): void {
  const args = process.argv.slice(2);
  let limit = Infinity;
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--limit') limit = Number(args[++i]);
    else dirs.push(args[i]!);
  }
  if (dirs.length === 0) dirs.push('../shared/data/news');
  const texts = dirs.flatMap(files).slice(0, limit).map((f) => readFileSync(f, 'utf8'));
  const chars = texts.reduce((s, t) => s + t.length, 0);

  const loadStart = performance.now();
  const nlp = loadNlp();
  const loadMs = performance.now() - loadStart;
  process.stdout.write(`model loaded in ${loadMs.toFixed(0)} ms; ${texts.length} articles, ${(chars / 1e6).toFixed(1)} MB\n`);

  for (const pass of ['warm-up', 'measured']) {
    let tokens = 0;
    let entities = 0;
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (const text of texts) {
      const doc = nlp.annotate(text);
      tokens += doc.tokenCount;
      entities += doc.mentionCount;
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = cpuOf(cpu);
    process.stdout.write(
      `annotate (tokenise + sentences + POS + NER), ${pass}: ${tokens} tokens, ${entities} mentions; ` +
        `${Math.round(tokens / cpuSeconds)} tokens per CPU second (${cpuSeconds.toFixed(2)} s), ` +
        `${Math.round(tokens / seconds)} tokens/s wall clock\n`,
    );
  }
  let tokens = 0;
  let dates = 0;
  let quantities = 0;
  const cpu = process.cpuUsage();
  for (const text of texts) {
    const analysis = nlp.analyse(text, { published: '2020-02-13' });
    tokens += analysis.tokens.count;
    // found when first read: read here, so they are measured
    dates += analysis.dates.length;
    quantities += analysis.quantities.length;
  }
  process.stdout.write(
    `analyse (objects, chunks, events, ${dates} dates, ${quantities} quantities): ${Math.round(tokens / cpuOf(cpu))} tokens per CPU second\n`,
  );
}

/**
 * CPU seconds of this process since `since`: the machine is shared, so wall-clock time measures the
 * neighbours as much as us. The work is single-threaded; GC helper threads add a little CPU time, so
 * this understates one core's throughput slightly.
 */
function cpuOf(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

main();
