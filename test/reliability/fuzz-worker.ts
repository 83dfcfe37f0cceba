/**
 * Child process of fuzz.test.ts: reads and extracts fuzz inputs one at a time and reports each to the parent, so the
 * parent can stop it when one input takes too long (a hang in synchronous code cannot be interrupted in-process).
 *   argv: <from> <to> <seed> <scratch dir>
 * Messages: {type: 'start', i, kind, name}, {type: 'done', i, ms, articles}, {type: 'error', i, kind, name, message},
 * {type: 'heap', i, heapUsed, rss}, {type: 'end'}.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Extractor, readArticles, type ArticleExtraction } from '../../ingest';
import { fuzzInput } from './fuzz-inputs';

const [from, to, seed] = process.argv.slice(2, 5).map(Number) as [number, number, number];
const scratch = process.argv[5]!;
const send = (message: object): Promise<void> => new Promise((resolve) => process.send!(message, () => resolve()));
const gc = (globalThis as { gc?: () => void }).gc;

async function main(): Promise<void> {
  const extractor = new Extractor();
  let pending: ArticleExtraction[] = [];
  for (let i = from; i < to; i++) {
    const input = fuzzInput(i, seed);
    await send({ type: 'start', i, kind: input.kind, name: input.name });
    const began = performance.now();
    const file = path.join(scratch, input.name);
    fs.writeFileSync(file, input.bytes);
    let articles = 0;
    try {
      for await (const event of readArticles([file])) {
        if (event.kind !== 'article') continue;
        articles++;
        pending.push(extractor.article(event.article));
      }
      // the cross-article merge too, a window at a time as the ingest command does
      if (pending.length >= 50) {
        extractor.merge(pending);
        pending = [];
      }
    } catch (error) {
      const e = error as Error;
      await send({ type: 'error', i, kind: input.kind, name: input.name, message: `${e.message}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}` });
    } finally {
      fs.rmSync(file, { force: true });
    }
    await send({ type: 'done', i, ms: performance.now() - began, articles });
    if ((i - from) % 100 === 99) {
      gc?.();
      const { heapUsed, rss } = process.memoryUsage();
      await send({ type: 'heap', i, heapUsed, rss });
    }
  }
  extractor.merge(pending);
  await send({ type: 'end' });
}

main().then(
  () => process.disconnect(),
  async (error: unknown) => {
    await send({ type: 'error', i: -1, kind: 'worker', name: '', message: String((error as Error).stack ?? error) });
    process.disconnect();
  },
);
