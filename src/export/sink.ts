import type { Writable } from 'node:stream';

/**
 * Buffers small writes into large chunks and honours the destination's back-pressure, so an export of any
 * size holds about one chunk in memory. Writers append with `write` and call `await drain()` now and then (or,
 * in a hot loop, `await flush()` when `full`).
 */
export class TextSink {
  private buffered = '';
  private failure: Error | undefined;
  private readonly onError = (error: Error): void => {
    this.failure ??= error;
  };

  constructor(
    private readonly out: Writable,
    private readonly chunkSize = 1 << 16,
  ) {
    out.on('error', this.onError);
  }

  write(text: string): void {
    this.buffered += text;
  }

  /** A chunk is ready: time to `flush`. Checked without an await, which costs a turn per record on hot loops. */
  get full(): boolean {
    return this.buffered.length >= this.chunkSize;
  }

  /** Hands the buffer on when it is full and waits while the destination is saturated. */
  async drain(): Promise<void> {
    if (this.full) await this.flush();
  }

  /** Hands everything buffered on; does not end the destination. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.out.destroyed || this.out.writableEnded) {
      throw new Error('the export destination was closed before the export finished');
    }
    if (this.buffered.length === 0) return;
    const chunk = this.buffered;
    this.buffered = '';
    if (!this.out.write(chunk)) await waitForDrain(this.out);
  }

  /** Flushes and stops listening to the destination. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      this.out.off('error', this.onError);
    }
  }
}

function waitForDrain(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error): void => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = (): void => done();
    const onClose = (): void => done(new Error('the export destination was closed before the export finished'));
    const onError = (error: Error): void => done(error);
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', onError);
  });
}
