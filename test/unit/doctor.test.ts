import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { resolveConfig } from '../../src/config';
import { runChecks } from '../../src/doctor';
import { makeTempHome } from '../support/neo4j';

describe('graphwire doctor', function () {
  this.timeout(30_000);
  let home: string;
  before(() => {
    home = makeTempHome('graphwire-doctor-');
  });
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  const statusOf = (results: Awaited<ReturnType<typeof runChecks>>, name: string) => results.find((r) => r.name === name);

  it('passes on a machine with Node, Java, Maven and a free port', async () => {
    const config = resolveConfig({ env: { GRAPHWIRE_HOME: home, GRAPHWIRE_NEO4J_PORT: '0' }, flags: {} });
    const results = await runChecks(config, { env: process.env, nodeVersion: 'v20.11.0' });
    assert.deepEqual(results.filter((r) => r.status === 'fail'), []);
    assert.equal(statusOf(results, 'Java')?.status, 'ok');
  });

  it('names the problem and the fix for an old Node, an unwritable home and a taken port', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const file = path.join(home, 'a-file');
    fs.writeFileSync(file, '');
    try {
      const config = resolveConfig({ env: { GRAPHWIRE_HOME: path.join(file, 'home'), GRAPHWIRE_NEO4J_PORT: String(port) }, flags: {} });
      const results = await runChecks(config, { env: process.env, nodeVersion: 'v18.19.0' });
      assert.equal(statusOf(results, 'Node.js')?.status, 'fail');
      assert.match(statusOf(results, 'data directory')?.fix ?? '', /GRAPHWIRE_HOME/);
      assert.equal(statusOf(results, 'Bolt port')?.status, 'fail');
      assert.match(statusOf(results, 'Bolt port')?.detail ?? '', new RegExp(`:${port} is in use`));
    } finally {
      blocker.close();
    }
  });

  it('reports a configured server that does not answer, and skips the bundled checks', async () => {
    const config = resolveConfig({ env: { GRAPHWIRE_HOME: home, NEO4J_URI: 'bolt://127.0.0.1:1' }, flags: {} });
    const results = await runChecks(config, { env: process.env, nodeVersion: 'v20.11.0' });
    const server = statusOf(results, 'Neo4j (NEO4J_URI)');
    assert.equal(server?.status, 'fail');
    assert.match(server?.fix ?? '', /unset NEO4J_URI/);
    assert.equal(statusOf(results, 'Java'), undefined);
  });

  it('says when Java is missing', async () => {
    const config = resolveConfig({ env: { GRAPHWIRE_HOME: home, GRAPHWIRE_NEO4J_PORT: '0' }, flags: {} });
    const results = await runChecks(config, { env: { PATH: '/nonexistent' }, nodeVersion: 'v20.11.0' });
    assert.equal(statusOf(results, 'Java')?.status, 'fail');
    assert.match(statusOf(results, 'Java')?.fix ?? '', /JDK 17/);
  });
});
