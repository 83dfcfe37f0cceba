import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempHome } from '../support/neo4j';

const bin = path.resolve(__dirname, '../../bin/graphwire');

function graphwire(args: string[], env: Record<string, string | undefined> = {}) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the graphwire CLI shell', function () {
  this.timeout(60_000);
  let home: string;
  before(() => {
    home = makeTempHome('graphwire-cli-');
  });
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  it('prints help on stdout and exits 0', () => {
    const run = graphwire(['--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Usage: graphwire/);
    assert.match(run.stdout, /neo4j/);
  });

  it('exits 2 with a message on stderr for an unknown command', () => {
    const run = graphwire(['frobnicate']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /unknown command 'frobnicate'/);
  });

  it('exits 2 naming the variable for bad configuration', () => {
    const run = graphwire(['neo4j', 'status'], { GRAPHWIRE_HOME: home, NEO4J_URI: 'http://nope' });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /NEO4J_URI "http:\/\/nope" is not a Neo4j URI/);
  });

  const badFlags: Array<[string[], RegExp]> = [
    [['ingest', '--batch-size', '0', 'x.txt'], /--batch-size "0" is not a positive whole number/],
    [['ingest', '--window', 'many', 'x.txt'], /--window "many" is not a positive whole number/],
    [['load', '--batch-size', '-3', 'x.json'], /--batch-size "-3" is not a positive whole number/],
    [['serve', '--port', '99999'], /--port "99999" is not a port number/],
    [['serve', '--max-running', '0'], /--max-running "0" is not a positive whole number/],
    [['serve', '--max-queued', 'lots'], /--max-queued "lots" is not a positive whole number/],
    [['query', 'schema', '--limit', 'abc'], /--limit "abc" is not a positive whole number/],
  ];
  for (const [args, message] of badFlags) {
    it(`exits 2 naming the flag for \`graphwire ${args.join(' ')}\`, before touching any input or Neo4j`, () => {
      const run = graphwire(args, { GRAPHWIRE_HOME: home });
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, message);
    });
  }

  it('reports a stopped server on stdout and exits 1', () => {
    const run = graphwire(['neo4j', 'status', '--json'], { GRAPHWIRE_HOME: home });
    assert.equal(run.code, 1);
    const status = JSON.parse(run.stdout);
    assert.equal(status.running, false);
    assert.equal(status.home, path.join(home, 'neo4j'));
  });

  it('says what is missing and both ways out when Java cannot be found', () => {
    const run = graphwire(['neo4j', 'start'], { GRAPHWIRE_HOME: home, PATH: '/nonexistent', JAVA_HOME: '' });
    assert.equal(run.code, 4);
    assert.match(run.stderr, /Java 17\+ not found/);
    assert.match(run.stderr, /NEO4J_URI/);
    assert.match(run.stderr, /apt-get install/);
  });
});
