import { HttpError } from './errors';

export interface ConcurrencyLimits {
  /** queries sent to Neo4j at once; default 16 */
  maxRunning: number;
  /** queries waiting for a turn; one more is refused with 503; default 256 */
  maxQueued: number;
}

export const DEFAULT_CONCURRENCY: ConcurrencyLimits = { maxRunning: 16, maxQueued: 256 };

/**
 * Lets a bounded number of queries run at once and a bounded number wait, first come first served. Without it a
 * burst of requests would each hold a driver connection and a Neo4j thread, and the server would stop answering
 * anything (health checks included) until the burst drained; with it, work past the queue is refused at once.
 */
export class QueryGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limits: ConcurrencyLimits) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Waits for a turn and returns the function that gives it back (call it exactly once). */
  async acquire(): Promise<() => void> {
    if (this.running >= this.limits.maxRunning) {
      if (this.waiting.length >= this.limits.maxQueued) {
        throw new HttpError(
          503,
          'busy',
          `the server is busy (${this.running} queries running, ${this.waiting.length} waiting); try again in a moment`,
        );
      }
      // the releasing query hands its turn straight over, so `running` stays counted
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    };
  }
}
