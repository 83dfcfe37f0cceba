import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../viz/support';

const repo = path.resolve(__dirname, '..', '..');
const SCREENSHOT = path.join(repo, 'test-output', 'first-run.png');

/**
 * The README's first command on a fresh machine, as a new user runs it: a fresh clone, no GRAPHWIRE_HOME,
 * `npm install && npm start`, then the printed URL in a browser must show a populated graph, and Ctrl-C
 * must stop the server and the bundled Neo4j.
 */
describe('the first ten minutes: npm install && npm start from a fresh clone (end to end)', function () {
  this.timeout(900_000);
  let work: string;
  let start: ChildProcess | undefined;

  before(function () {
    if (!fs.existsSync(CHROMIUM)) {
      console.log(`      skipped: ${CHROMIUM} is missing (apt-get install chromium)`);
      this.skip();
    }
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'graphwire-first-run-'));
  });

  after(() => {
    if (start?.pid !== undefined && start.exitCode === null && start.signalCode === null) {
      try {
        process.kill(-start.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('clones, installs, ingests the examples and serves a populated viewer, then stops cleanly on Ctrl-C', async () => {
    const clone = path.join(work, 'graphwire');
    const home = path.join(work, 'home');
    const env: NodeJS.ProcessEnv = { ...process.env, GRAPHWIRE_HOME: home, GRAPHWIRE_NEO4J_PORT: '0' };
    for (const name of ['NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete env[name];

    const cloned = spawnSync('git', ['clone', '--quiet', repo, clone], { encoding: 'utf8' });
    assert.equal(cloned.status, 0, cloned.stderr);
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: clone, env, encoding: 'utf8', timeout: 600_000 });
    assert.equal(install.status, 0, `npm install failed:\n${install.stdout}\n${install.stderr}`);

    // detached: its own process group, so the "Ctrl-C" below reaches npm and graphwire as a terminal's would
    start = spawn('npm', ['start', '--', '--port', '0'], { cwd: clone, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    start.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    start.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL after 6 minutes:\n${stdout}\n${stderr}`)), 360_000);
      const poll = setInterval(() => {
        const found = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(stdout)?.[1];
        if (found) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(found);
        } else if (start!.exitCode !== null) {
          clearInterval(poll);
          clearTimeout(timer);
          reject(new Error(`npm start exited with ${start!.exitCode}:\n${stdout}\n${stderr}`));
        }
      }, 200);
    });
    assert.match(stdout, /ingest: articles new 16, unchanged 0, updated 0, failed 0/);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      // a function, not a string: the viewer's Content-Security-Policy forbids evaluating strings
      await page.waitForFunction(() => {
        const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
        return /^[1-9]\d* nodes · [1-9]\d* links/.test(doc.querySelector('#status')?.textContent ?? '');
      }, null, { timeout: 60_000 });
      const status = await page.locator('#status').innerText();
      assert.match(status, /^[1-9]\d* nodes · [1-9]\d* links/);
      assert.equal(await page.locator('#health').innerText(), 'Neo4j connected');
      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.waitForTimeout(1500);
      await page.screenshot({ path: SCREENSHOT });
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }

    process.kill(-start.pid!, 'SIGINT');
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => start!.once('exit', (c, s) => resolve([c, s])));
    // npm itself ends by the SIGINT it got, as in a terminal; graphwire must have shut down cleanly under it
    assert.ok(code === 0 || signal === 'SIGINT', `npm start ended with ${code ?? signal}:\n${stderr}`);
    assert.match(stderr, /Stopping…/);
    assert.match(stderr, /Stopped the bundled Neo4j/);
    assert.doesNotMatch(stderr, /unexpected error/);
    const status = spawnSync(process.execPath, [path.join(clone, 'bin', 'graphwire'), 'neo4j', 'status', '--json'], { env, encoding: 'utf8' });
    assert.equal(JSON.parse(status.stdout).running, false);
  });
});
