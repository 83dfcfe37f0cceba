import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import neo4j from 'neo4j-driver';
import { resolveConfig } from '../../src/config';
import { BundledNeo4j, openDriver, type ServerState } from '../../src/neo4j';
import { makeTempHome, testNeo4j } from '../support/neo4j';

describe('the bundled Neo4j (integration)', function () {
  this.timeout(240_000);

  it('stores and reads nodes through neo4j-driver on the shared test server', async () => {
    const db = await testNeo4j();
    const marker = `probe-${Date.now()}`;
    await db.driver.executeQuery('CREATE (:Probe {marker: $marker, n: $n})', { marker, n: neo4j.int(42) }, { database: db.target.database });
    const { records } = await db.driver.executeQuery(
      'MATCH (p:Probe {marker: $marker}) RETURN p.n AS n',
      { marker },
      { database: db.target.database, routing: neo4j.routing.READ },
    );
    assert.equal(records.length, 1);
    assert.equal(records[0]!.get('n'), 42);
    await db.driver.executeQuery('MATCH (p:Probe {marker: $marker}) DELETE p', { marker }, { database: db.target.database });
  });

  describe('lifecycle in its own home', () => {
    let home: string;
    let server: BundledNeo4j;

    before(() => {
      home = makeTempHome('graphwire-lifecycle-');
      server = new BundledNeo4j(home, resolveConfig({ env: { GRAPHWIRE_HOME: home, GRAPHWIRE_NEO4J_PORT: '0' }, flags: {} }).bundled);
    });
    after(async () => {
      await server.stop().catch(() => undefined);
      fs.rmSync(home, { recursive: true, force: true });
    });

    async function withDriver<T>(state: ServerState, body: (driver: ReturnType<typeof openDriver>) => Promise<T>): Promise<T> {
      const driver = openDriver({ uri: state.uri, username: state.username, password: server.password(), bundled: true });
      try {
        return await body(driver);
      } finally {
        await driver.close();
      }
    }

    it('keeps data across a clean stop and restart', async () => {
      const first = await server.start();
      assert.equal(first.alreadyRunning, false);
      assert.match(first.state.uri, /^bolt:\/\/127\.0\.0\.1:\d+$/);
      await withDriver(first.state, (d) => d.executeQuery('UNWIND range(1, 500) AS i CREATE (:Kept {i: i})'));

      const stopped = await server.stop();
      assert.deepEqual(stopped, { stopped: true, pid: first.state.pid });
      assert.equal(server.status().running, false);

      const second = await server.start();
      assert.equal(second.alreadyRunning, false);
      assert.notEqual(second.state.pid, first.state.pid);
      const count = await withDriver(second.state, async (d) => (await d.executeQuery('MATCH (k:Kept) RETURN count(k) AS c')).records[0]!.get('c'));
      assert.equal(count, 500);
    });

    it('reports the running server instead of starting a second one', async () => {
      const running = server.status();
      assert.equal(running.running, true);
      const again = await server.start();
      assert.equal(again.alreadyRunning, true);
      assert.equal(again.state.pid, running.state!.pid);
    });

    it('refuses clients without the generated password', async () => {
      const state = server.status().state!;
      const driver = openDriver({ uri: state.uri, username: 'neo4j', password: 'wrong-password', bundled: true });
      await assert.rejects(driver.executeQuery('RETURN 1'), (error: { code?: string }) => /Unauthorized/.test(String(error.code)));
      await driver.close();
      assert.equal(fs.statSync(server.paths.passwordFile).mode & 0o077, 0, 'password file is private to its owner');
    });

    it('recovers committed data after the server is killed without warning', async () => {
      const state = server.status().state!;
      process.kill(state.pid, 'SIGKILL');
      while (server.status().running) await new Promise((r) => setTimeout(r, 50));
      assert.equal(server.status().stale, true);
      const restarted = await server.start();
      const count = await withDriver(restarted.state, async (d) => (await d.executeQuery('MATCH (k:Kept) RETURN count(k) AS c')).records[0]!.get('c'));
      assert.equal(count, 500);
    });
  });
});
