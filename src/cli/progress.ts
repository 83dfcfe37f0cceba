import { SingleBar } from 'cli-progress';

/**
 * A progress bar for long runs: items done of a total, bytes, rate and time left. Shown only
 * when the stream is a terminal and the user did not ask for quiet; otherwise every call is a
 * no-op except `log`, so commands use it the same way in scripts and pipes.
 */
export interface Progress {
  /** one more item done, `bytes` long */
  tick(bytes?: number): void;
  /** the totals, once known; the bar shows a count alone until then */
  setTotal(items: number, bytes?: number): void;
  /** a message for people, printed above the bar so the two do not garble each other */
  log(message: string): void;
  stop(): void;
}

export interface ProgressOptions {
  /** what is counted ("files") */
  unit: string;
  /** where the bar goes (stderr) */
  stream: NodeJS.WriteStream;
  quiet: boolean;
  totalItems?: number;
  totalBytes?: number;
}

export function startProgress(options: ProgressOptions): Progress {
  const { stream } = options;
  if (options.quiet || !stream.isTTY) {
    return { tick() {}, setTotal() {}, log: (message) => void stream.write(`${message}\n`), stop() {} };
  }

  const started = Date.now();
  let items = 0;
  let bytes = 0;
  let totalItems = options.totalItems ?? 0;
  let totalBytes = options.totalBytes ?? 0;
  const bar = new SingleBar({
    stream,
    format: `{bar} {value}/{totalShown} ${options.unit} | {bytesShown} | {rateShown} | ETA {etaShown}`,
    hideCursor: true,
    clearOnComplete: true,
    barsize: 24,
    fps: 8,
  });
  const payload = () => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const rate = bytes / seconds;
    // bytes predict the time left better than file counts when file sizes vary
    const left = totalBytes > 0 ? (totalBytes - bytes) / Math.max(rate, 1) : totalItems > 0 ? ((totalItems - items) * seconds) / Math.max(items, 1) : NaN;
    return {
      totalShown: totalItems > 0 ? String(totalItems) : '?',
      bytesShown: totalBytes > 0 ? `${size(bytes)}/${size(totalBytes)}` : size(bytes),
      rateShown: `${size(rate)}/s`,
      etaShown: Number.isFinite(left) ? duration(left) : '?',
    };
  };
  bar.start(Math.max(totalItems, 1), 0, payload());

  return {
    tick(n = 0) {
      items++;
      bytes += n;
      if (items > totalItems && totalItems > 0) bar.setTotal(items);
      bar.update(items, payload());
    },
    setTotal(itemsTotal, bytesTotal) {
      totalItems = itemsTotal;
      totalBytes = bytesTotal ?? 0;
      bar.setTotal(Math.max(totalItems, 1));
      bar.update(items, payload());
    },
    log(message) {
      // clear the bar's line, write the message, let the next update redraw the bar below it
      stream.write(`\r\x1b[K${message}\n`);
      bar.render();
    },
    stop() {
      bar.stop();
    },
  };
}

function size(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
