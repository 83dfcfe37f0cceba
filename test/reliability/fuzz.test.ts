import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Inputs fed through read → extract in one run. */
const INPUTS = Number(process.env.GRAPHWIRE_FUZZ_INPUTS ?? 2000);
const SEED = Number(process.env.GRAPHWIRE_FUZZ_SEED ?? 7);
/** No single input may take longer (a 1 MB line takes about a second on one core). */
const PER_INPUT_MS = 20_000;
/** Heap after GC may not grow by more than this from the first sample to the last. */
const HEAP_GROWTH_BYTES = 48 * 1024 * 1024;

interface Report {
  errors: string[];
  slowest: Map<string, number>;
  heap: number[];
  rss: number[];
  articles: number;
  done: number;
}

function runWorker(scratch: string): Promise<Report> {
  const report: Report = { errors: [], slowest: new Map(), heap: [], rss: [], articles: 0, done: 0 };
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'fuzz-worker.ts'), [String(0), String(INPUTS), String(SEED), scratch], {
      execArgv: ['--require', 'ts-node/register', '--expose-gc'],
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let current = 'start-up';
    let timer: NodeJS.Timeout | undefined;
    // the first input also waits for the model to load
    const arm = (ms: number): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`no answer within ${ms} ms on ${current} (a hang)`));
      }, ms);
    };
    arm(60_000);
    child.on('message', (m: { type: string; i: number; kind: string; name: string; ms: number; articles: number; message: string; heapUsed: number; rss: number }) => {
      if (m.type === 'start') {
        current = `input ${m.i} (${m.kind}, ${m.name})`;
        arm(PER_INPUT_MS);
      } else if (m.type === 'done') {
        report.done++;
        report.articles += m.articles;
        report.slowest.set(current.replace(/^input \d+ \((\S+),.*$/, '$1'), Math.max(m.ms, report.slowest.get(current.replace(/^input \d+ \((\S+),.*$/, '$1')) ?? 0));
      } else if (m.type === 'error') {
        report.errors.push(`input ${m.i} (${m.kind}, ${m.name}): ${m.message}`);
      } else if (m.type === 'heap') {
        report.heap.push(m.heapUsed);
        report.rss.push(m.rss);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(report);
      else reject(new Error(`the fuzz worker died (code ${code}, signal ${signal}) on ${current}`));
    });
  });
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;

describe('reliability: read → extract under hostile input', function () {
  this.timeout(600_000);

  it(`takes ${INPUTS} generated hostile inputs without an unhandled throw, a hang or unbounded memory growth`, async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'graphwire-fuzz-'));
    let report: Report;
    try {
      report = await runWorker(scratch);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
    const slowest = [...report.slowest].sort((a, b) => b[1] - a[1]).map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`).join(', ');
    process.stderr.write(
      `      ${report.done} inputs, ${report.articles} articles; slowest per kind: ${slowest}\n` +
        `      heap after GC every 100 inputs: ${report.heap.map(mb).join(' ')}; RSS ${report.rss.map(mb).join(' ')}\n`,
    );
    assert.deepEqual(report.errors, []);
    assert.equal(report.done, INPUTS);
    assert.ok(report.articles > INPUTS / 3, `most inputs still give articles (${report.articles})`);
    const first = report.heap[1] ?? report.heap[0]!;
    const last = Math.min(...report.heap.slice(-3));
    assert.ok(last - first < HEAP_GROWTH_BYTES, `heap grew from ${mb(first)} to ${mb(last)}`);
  });
});
