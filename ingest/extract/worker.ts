/**
 * One extraction worker thread (started by ExtractionPool): its own NLP model and caches, articles in, plain
 * per-article results out, in the order they came.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../../src/model/article';
import type { Schema } from '../schema';
import { Extractor } from './document';

export interface WorkerSetup {
  schema?: Schema;
  explain?: boolean;
}

export type WorkerRequest = { id: number; article: Article };
export type WorkerReply = { id: number; result: unknown } | { id: number; error: string } | { ready: true };

const setup = workerData as WorkerSetup;
const extractor = new Extractor({
  ...(setup.schema !== undefined ? { schema: setup.schema } : {}),
  ...(setup.explain ? { explain: true } : {}),
});
const port = parentPort!;
port.on('message', ({ id, article }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id, result: extractor.article(article) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
// tells the pool this worker started: one that dies before saying so never ran an article
port.postMessage({ ready: true } satisfies WorkerReply);
