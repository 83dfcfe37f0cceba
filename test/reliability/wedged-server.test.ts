import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { resolveConfig } from '../../src/config';
import { BundledNeo4j, openDriver, type ServerState } from '../../src/neo4j';
import { makeTempHome } from '../support/neo4j';

/** A process is there (stopped, running or exiting), as opposed to gone or a zombie with no thread left. */
function present(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return !(/^State:\s+Z/m.test(status) && /^Threads:\s+1$/m.test(status));
  } catch {
    return !fs.existsSync('/proc/self');
  }
}

describe('reliability: a wedged bundled Neo4j is stopped anyway (integration)', function () {
  this.timeout(180_000);
  let home: string;
  let server: BundledNeo4j;
  const warnings: string[] = [];
  let frozen: number | undefined;

  async function count(state: ServerState): Promise<number> {
    const driver = openDriver({ uri: state.uri, username: state.username, password: server.password(), bundled: true });
    try {
      return (await driver.executeQuery('MATCH (k:Kept) RETURN count(k) AS n')).records[0]!.get('n') as number;
    } finally {
      await driver.close();
    }
  }

  before(() => {
    home = makeTempHome('graphwire-wedged-');
    const config = resolveConfig({ env: { GRAPHWIRE_HOME: home, GRAPHWIRE_NEO4J_PORT: '0' }, flags: {} });
    server = new BundledNeo4j(home, config.bundled, { warn: (m) => warnings.push(m) });
  });
  after(async () => {
    if (frozen !== undefined && present(frozen)) process.kill(frozen, 'SIGKILL');
    await server?.stop(10_000).catch(() => undefined);
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('a server that ignores SIGTERM (SIGSTOPped) is killed after the timeout with a warning; the next start recovers every committed write', async () => {
    const first = await server.start();
    const driver = openDriver({ uri: first.state.uri, username: first.state.username, password: server.password(), bundled: true });
    await driver.executeQuery('UNWIND range(1, 2000) AS i CREATE (:Kept {i: i})');
    await driver.close();

    frozen = first.state.pid;
    process.kill(frozen, 'SIGSTOP');
    const began = Date.now();
    const result = await server.stop(2000);
    const took = Date.now() - began;

    assert.deepEqual(result, { stopped: true, pid: frozen, killed: true });
    assert.ok(took >= 2000 && took < 12_000, `stop took ${took} ms`);
    assert.equal(present(frozen), false, 'the wedged process is gone');
    assert.equal(server.status().running, false);
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0]!, new RegExp(`pid ${frozen}\\) did not stop within 2 s of SIGTERM, so it was killed \\(SIGKILL\\)`));
    assert.match(warnings[0]!, /next start recovers the store from the transaction log/);

    const second = await server.start();
    assert.notEqual(second.state.pid, frozen);
    assert.equal(await count(second.state), 2000);
    // and a healthy server still stops cleanly, without being killed
    assert.deepEqual(await server.stop(), { stopped: true, pid: second.state.pid });
    assert.equal(warnings.length, 1);
  });
});
