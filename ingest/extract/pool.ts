/**
 * Per-article extraction spread over worker threads. The per-article step is independent of every other article and
 * returns plain data, so it moves to a worker as it is; the merge stays with the caller, which receives the results in
 * the order the articles went in: the document is the same whatever the number of workers.
 */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Article } from '../../src/model/article';
import type { Extractor } from './document';
import type { ArticleExtraction } from './types';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './worker';

/** One a core, at most four: each worker holds its own model (≈ 50 MB) and word caches. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

interface Task {
  request: WorkerRequest;
  resolve: (result: ArticleExtraction) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** the worker's module loaded and it said so */
  ready: boolean;
  /** sent to this worker and not answered yet, in the order sent */
  inFlight: Map<number, Task>;
}

/** An article the worker could not extract (its message as the extractor gave it), or a worker that died on it. */
export class ExtractionFailed extends Error {}

// articles each worker holds at once: enough that it never waits for the next, few enough to bound memory
const PER_WORKER = 4;

/** Where per-article extractions come from: worker threads, or this thread. */
export interface ArticleExtractions {
  extract(article: Article): Promise<ArticleExtraction>;
  close(): Promise<void>;
}

export class ExtractionPool implements ArticleExtractions {
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 0;
  private closed = false;
  /** workers in a row that died before starting, and why the last did: past three the pool gives up */
  private failedStarts = 0;
  private broken: Error | undefined;

  /** `script` is the worker's module: the one beside this file unless a test wraps it. */
  constructor(
    readonly workers: number,
    private readonly setup: WorkerSetup = {},
    private readonly script = path.join(__dirname, `worker${path.extname(__filename)}`),
  ) {
    if (!(Number.isInteger(workers) && workers > 0)) throw new RangeError(`workers must be a positive integer, not ${workers}`);
    for (let i = 0; i < workers; i++) this.slots.push(this.spawn());
  }

  /** The extraction of one article; rejects with ExtractionFailed for that article alone. */
  extract(article: Article): Promise<ArticleExtraction> {
    if (this.closed) return Promise.reject(new Error('the extraction pool is closed'));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.waiting.push({ request: { id: this.nextId++, article }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(new Error('the extraction pool was closed'));
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let slot: Slot | undefined;
      for (const s of this.slots) if (s.inFlight.size < PER_WORKER && (slot === undefined || s.inFlight.size < slot.inFlight.size)) slot = s;
      if (slot === undefined) return;
      const task = this.waiting.shift()!;
      slot.inFlight.set(task.request.id, task);
      slot.worker.postMessage({ id: task.request.id, article: extractionPart(task.request.article) });
    }
  }

  private spawn(): Slot {
    // under ts-node (tests, benches) the worker is TypeScript source and must register ts-node itself
    const worker = new Worker(this.script, {
      workerData: this.setup,
      execArgv: this.script.endsWith('.ts') ? ['--require', 'ts-node/register'] : [],
    });
    const slot: Slot = { worker, ready: false, inFlight: new Map() };
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        this.failedStarts = 0;
        return;
      }
      const task = slot.inFlight.get(reply.id);
      if (!task) return;
      slot.inFlight.delete(reply.id);
      if ('error' in reply) task.reject(new ExtractionFailed(reply.error));
      else task.resolve(reply.result as ArticleExtraction);
      this.dispatch();
    });
    // A worker that dies (out of memory on a hostile article, say) fails the article it was working on, the oldest it
    // held, and nothing else: the others go back to the front of the queue, a new worker takes its place.
    const died = (why: string): void => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.slots.splice(index, 1);
      const [current, ...held] = slot.inFlight.values();
      slot.inFlight.clear();
      if (this.closed) {
        for (const task of [current, ...held]) task?.reject(new Error('the extraction pool was closed'));
        return;
      }
      if (slot.ready) {
        current?.reject(new ExtractionFailed(`the extraction worker stopped on this article: ${why}`));
        this.waiting.unshift(...held);
      } else {
        // it never ran an article: all it held goes back; a worker that cannot start at all must not be started forever
        this.waiting.unshift(...[current, ...held].filter((t): t is Task => t !== undefined));
        if (++this.failedStarts >= 3) {
          this.broken = new Error(`the extraction workers cannot start (${this.script}): ${why}`);
          for (const task of this.waiting.splice(0)) task.reject(this.broken);
          return;
        }
      }
      this.slots.push(this.spawn());
      this.dispatch();
    };
    worker.on('error', (error) => died(error.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
    return slot;
  }
}

/**
 * The article without what extraction never reads (the text as read, and the map back to it): copying them to a
 * worker made the extraction of 3,000 news articles take ≈ 30% more CPU.
 */
function extractionPart(article: Article): Article {
  return { ...article, original: '', offsets: { runs: [] }, removed: [] };
}

/** Extraction in this thread, behind the same interface; it gives way to other work (a load in flight) after each article. */
export class InlineExtractions implements ArticleExtractions {
  constructor(private readonly extractor: Extractor) {}

  async extract(article: Article): Promise<ArticleExtraction> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return this.extractor.article(article);
  }

  async close(): Promise<void> {}
}

export interface ExtractedArticle {
  article: Article;
  result?: ArticleExtraction;
  error?: Error;
}

/**
 * The extractions of a stream of articles, in the order the articles come, each with its result or its error;
 * at most `ahead` are started and not yet handed on, so memory stays bounded on any input.
 */
export async function* extractInOrder(
  source: ArticleExtractions,
  articles: Iterable<Article> | AsyncIterable<Article>,
  ahead = 32,
): AsyncGenerator<ExtractedArticle> {
  const started: Array<{ article: Article; extraction: Promise<ExtractedArticle> }> = [];
  const start = (article: Article): void => {
    const extraction = source.extract(article).then(
      (result) => ({ article, result }),
      (error: unknown) => ({ article, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    started.push({ article, extraction });
  };
  for await (const article of articles) {
    start(article);
    if (started.length >= ahead) yield await started.shift()!.extraction;
  }
  while (started.length > 0) yield await started.shift()!.extraction;
}
