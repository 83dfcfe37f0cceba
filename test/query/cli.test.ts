import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const bin = path.resolve(__dirname, '../../bin/graphwire');

/** Only what runs before any connection: these never start Neo4j (a bad NEO4J_URI would fail if they tried). */
function graphwire(args: string[]) {
  const env = { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'unused' };
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, timeout: 30_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('graphwire presets / query / serve (CLI, no Neo4j)', function () {
  this.timeout(30_000);

  it('presets --json lists every preset with its parameters', () => {
    const run = graphwire(['presets', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const list = JSON.parse(run.stdout) as Array<{ name: string; params: Array<{ name: string }> }>;
    assert.equal(list.length, 15);
    assert.deepEqual(list.find((p) => p.name === 'facts-between')?.params.map((p) => p.name), ['a', 'b']);
  });

  it('presets prints each with --param lines', () => {
    const run = graphwire(['presets']);
    assert.match(run.stdout, /^neighbourhood\n {4}.+\n {4}--param name=<string> \(default "Ilse Brandvik"\)/m);
    assert.match(run.stdout, /--param hops=<int 1\.\.3> \(default 2\)/);
  });

  const usage: Array<[string[], RegExp]> = [
    [['query'], /exactly one of them/],
    [['query', 'schema', '--cypher', 'RETURN 1'], /exactly one of them/],
    [['query', 'nope'], /no preset named "nope"/],
    [['query', 'neighbourhood', '-p', 'hops=lots'], /parameter "hops": must be a whole number, not "lots"/],
    [['query', 'neighbourhood', '-p', 'depth=2'], /parameter "depth": .*takes name, hops, limit/],
    [['query', '--cypher', 'MATCH (n) DETACH DELETE n'], /DETACH writes to the database/],
    [['query', '--cypher', 'RETURN 1', '--limit', '0'], /--limit "0" is not a positive whole number/],
    [['query', 'schema', '--format', 'xml'], /Allowed choices are table, json, csv/],
    [['serve', '--host', '0.0.0.0'], /needs|GRAPHWIRE_API_TOKEN/],
  ];
  for (const [args, message] of usage) {
    it(`exits 2 for ${args.join(' ')}`, () => {
      const run = graphwire(args);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    });
  }
});
