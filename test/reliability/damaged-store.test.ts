import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveConfig } from '../../src/config';
import { Neo4jUnavailableError } from '../../src/errors';
import { BundledNeo4j, bundledPaths, openDriver, type ServerState } from '../../src/neo4j';
import { makeTempHome } from '../support/neo4j';

describe('reliability: a bundled store that cannot be opened fails the start at once, saying why (integration)', function () {
  this.timeout(180_000);
  let home: string;
  let server: BundledNeo4j;

  async function run(state: ServerState, cypher: string): Promise<number> {
    const driver = openDriver({ uri: state.uri, username: state.username, password: server.password(), bundled: true });
    try {
      const { records } = await driver.executeQuery(cypher);
      return records.length > 0 ? (records[0]!.get(0) as number) : 0;
    } finally {
      await driver.close();
    }
  }

  before(() => {
    home = makeTempHome('graphwire-damaged-');
    const config = resolveConfig({ env: { GRAPHWIRE_HOME: home, GRAPHWIRE_NEO4J_PORT: '0' }, flags: {} });
    server = new BundledNeo4j(home, config.bundled);
  });
  after(async () => {
    await server?.stop(10_000).catch(() => undefined);
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('a damaged transaction log: start rejects within seconds naming the store and the cause; moving the data aside starts an empty graph', async () => {
    const first = await server.start();
    for (let i = 0; i < 5; i++) await run(first.state, 'UNWIND range(1, 5000) AS i CREATE (:Kept {i: i, text: "a line of filler text " + i})');
    // a crash leaves the writes in the log only, so the next start must replay it
    process.kill(first.state.pid, 'SIGKILL');
    await waitGone(first.state.pid);

    const logs = path.join(bundledPaths(home).data, 'transactions', 'neo4j');
    const log = fs.readdirSync(logs).filter((f) => f.startsWith('neostore.transaction.db.')).sort().pop()!;
    const fd = fs.openSync(path.join(logs, log), 'r+');
    try {
      const size = fs.fstatSync(fd).size;
      assert.ok(size > 100_000, `the log holds the writes (${size} bytes)`);
      fs.writeSync(fd, Buffer.alloc(256, 0xde), 0, 256, Math.floor(size / 2));
    } finally {
      fs.closeSync(fd);
    }

    const began = Date.now();
    const error = await server.start().then(
      () => assert.fail('start succeeded on a damaged log'),
      (e: unknown) => e,
    );
    const took = Date.now() - began;
    assert.ok(error instanceof Neo4jUnavailableError, String(error));
    assert.match(error.message, new RegExp(`the graph store in ${escape(bundledPaths(home).data)} could not be opened: .*log`, 'i'));
    assert.match(error.message, /restore that folder from a backup, or move it aside/);
    // Neo4j's own recovery attempt takes 1–30 s here; the point is not waiting out the 180 s start timeout
    assert.ok(took < 120_000, `start gave up after ${took} ms`);
    assert.equal(server.status().running, false);

    fs.renameSync(bundledPaths(home).data, `${bundledPaths(home).data}.damaged`);
    const fresh = await server.start();
    assert.equal(await run(fresh.state, 'MATCH (k:Kept) RETURN count(k)'), 0);
    await server.stop();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function waitGone(pid: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`pid ${pid} still there`);
}
