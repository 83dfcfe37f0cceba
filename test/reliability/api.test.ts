import assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadPresets, type QueryTarget } from '../../src/query';
import { fixtureGraph, graphFingerprint } from '../support/graph';
import { apiServers } from '../support/server';
import type { TestNeo4j } from '../support/neo4j';
import { percentile, random } from './numbers';

interface Request {
  method: string;
  url: string;
  body?: string | Buffer;
  type?: string;
  headers?: Record<string, string>;
}

interface Answer {
  status: number;
  json: Record<string, unknown> | undefined;
  text: string;
  headers: Headers;
  ms: number;
}

/** Every request gets at most this long: a hang fails the test instead of stalling it. */
const REQUEST_TIMEOUT_MS = 15_000;

async function send(base: string, r: Request): Promise<Answer> {
  const headers: Record<string, string> = { ...r.headers };
  if (r.type !== undefined) headers['content-type'] = r.type;
  const began = performance.now();
  const response = await fetch(base + r.url, { method: r.method, headers, body: r.body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text, headers: response.headers, ms: performance.now() - began };
}

const show = (r: Request): string => `${r.method} ${r.url.slice(0, 80)} ${r.type ?? ''} ${String(r.body ?? '').slice(0, 80)}`;

/** Bodies that are not JSON at all, or not the JSON a route takes. */
function hostileBodies(seed: number): Array<{ body: string | Buffer; type?: string }> {
  const rnd = random(seed);
  const json = 'application/json';
  const out: Array<{ body: string | Buffer; type?: string }> = [
    ...['{', '{"cypher": ', '[', 'nul', '{"a":1}{"b":2}', '{"cypher": "RETURN 1",}', "{'cypher': 'RETURN 1'}", '\u0000', '""', '   ', '', 'NaN', '1e999999']
      .map((body) => ({ body, type: json })),
    ...['null', 'true', '42', '"RETURN 1"', '[]', '[{}]', '{"cypher": 1}', '{"cypher": null}', '{"cypher": []}', '{"cypher": {"x": 1}}', '{"cypher": ""}',
      '{"cypher": "RETURN 1", "params": "x"}', '{"cypher": "RETURN 1", "params": [1]}', '{"cypher": "RETURN $p", "params": {"p": {"a": {"b": [1, {"c": null}]}}}}',
      '{"cypher": "RETURN 1", "extra": true}', '{"name": 7, "hops": "x"}', '{"hops": 1e308}', '{"hops": -1}', '{"limit": 99999999999999999999}', '{"id": ["a"]}',
      '{"__proto__": {"polluted": true}}', '{"constructor": {"prototype": {"polluted": true}}}', '{"cypher": "RETURN 1", "params": {"__proto__": {"x": 1}}}']
      .map((body) => ({ body, type: json })),
    // deep nesting, a very long key, many keys
    { body: '['.repeat(20_000) + ']'.repeat(20_000), type: json },
    { body: JSON.stringify({ [`k${'x'.repeat(30_000)}`]: 1 }), type: json },
    { body: JSON.stringify(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`p${i}`, i]))), type: json },
    // too large: just over the limit, and far over it
    { body: JSON.stringify({ cypher: `RETURN '${'y'.repeat(70_000)}'` }), type: json },
    { body: Buffer.alloc(8 * 1024 * 1024, 0x61), type: json },
    // other media types
    { body: 'cypher=RETURN+1', type: 'application/x-www-form-urlencoded' },
    { body: 'RETURN 1', type: 'text/plain' },
    { body: '<cypher>RETURN 1</cypher>', type: 'application/xml' },
    { body: '{"cypher": "RETURN 1"}', type: 'application/json; charset=utf-16' },
    { body: '{"cypher": "RETURN 1"}', type: 'multipart/form-data; boundary=x' },
    { body: '{"cypher": "RETURN 1"}' },
  ];
  for (let i = 0; i < 60; i++) {
    const bytes = Buffer.alloc(1 + Math.floor(rnd() * 2000));
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(rnd() * 256);
    out.push({ body: bytes, type: rnd() < 0.8 ? json : 'application/octet-stream' });
  }
  return out;
}

/** URLs with odd path parameters and query strings, for every route that takes them. */
const HOSTILE_URLS = [
  '/api/presets/%', '/api/presets/%E0%A4%A', '/api/presets/..%2F..%2Fetc%2Fpasswd', '/api/presets/' + 'a'.repeat(5000), '/api/presets/%00', '/api/presets/schema%20',
  '/api/entity/%', '/api/entity/%00', '/api/entity/' + 'e'.repeat(400), '/api/entity/%F0%9F%92%A5', "/api/entity/x'})%20DETACH%20DELETE%20n%20%2F%2F",
  '/api/entities?q=%', '/api/entities?q=a&q=b', '/api/entities?q=x&limit=abc', '/api/entities?q=x&limit=-1', '/api/entities?q=x&limit=1.5', '/api/entities?q[]=x',
  '/api/entities?q=' + 'z'.repeat(500), '/api/entities?q=%00%01%02', '/api/entities?q=*:*', '/api/entities?q=x&limit=1e3', '/api/entities?q=x&__proto__[a]=1',
  '/api/export/graphml?articles=1&articles=2', '/api/export/%2e%2e', '/api/export/json?extra=1', '/api/export/' + 'g'.repeat(3000),
  '/api/health?' + 'x=1&'.repeat(2000), '/api//presets', '/api/presets/schema/extra', '/%2e%2e/%2e%2e/etc/passwd',
];

/** Every form of writing (or reaching past the graph) we know of, each to be refused with 4xx and change nothing. */
const WRITE_FORMS = [
  'CREATE (n:Entity {id: "x"})', 'create (n)', 'MERGE (n:Entity {id: "x"})', 'MATCH (n) SET n.pwned = true', 'MATCH (n) SET n:Pwned', 'MATCH (n) REMOVE n.name',
  'MATCH (n) REMOVE n:Entity', 'MATCH (n) DELETE n', 'MATCH (n) DETACH DELETE n', 'MATCH ()-[r]->() DELETE r', 'FOREACH (i IN [1] | CREATE (:X))',
  'CALL () { CREATE (:X) }', 'CALL { CREATE (:X) } IN TRANSACTIONS', 'MATCH (n) CALL (n) { SET n.x = 1 }', 'WITH 1 AS x CALL {CREATE ()} RETURN x',
  'RETURN 1 UNION CREATE (n) RETURN 1', 'CYPHER runtime=slotted CREATE (n)', 'EXPLAIN CREATE (n)', 'PROFILE MATCH (n) SET n.x = 1',
  '/* comment */ CREATE /* more */ (n)', 'RETURN 1 // comment\nCREATE (n)', "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
  "load csv from 'http://127.0.0.1:1/x' as l return l", 'CREATE INDEX pwn FOR (n:Entity) ON (n.pwn)', 'DROP CONSTRAINT entity_id IF EXISTS',
  'DROP INDEX entity_search IF EXISTS', 'CREATE CONSTRAINT pwn FOR (n:X) REQUIRE n.id IS UNIQUE', "CALL db.createLabel('Pwned')",
  "CALL db.createProperty('pwned')", "CALL db.createRelationshipType('PWNED')", "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
  'CALL dbms.killQueries([])', 'CALL dbms.security.createUser("x", "y", false)', "CALL apoc.create.node(['X'], {})", "CALL apoc.cypher.runWrite('CREATE (n)', {})",
  "CALL apoc.load.json('file:///etc/passwd')", "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})", 'TERMINATE TRANSACTIONS "neo4j-transaction-1"',
  'STOP DATABASE neo4j', 'USE system STOP DATABASE neo4j', 'USE system CREATE USER pwn SET PASSWORD "secretsecret"', 'CREATE DATABASE pwn',
  'ALTER USER neo4j SET PASSWORD "secretsecret"', 'GRANT ROLE admin TO neo4j', 'DENY READ {*} ON GRAPH * TO PUBLIC', 'REVOKE ROLE admin FROM neo4j',
  'MATCH (n) WITH n LIMIT 1 MERGE (n)-[:PWNED]->(n)', 'UNWIND [1] AS i CREATE (:X {i: i})', 'MATCH (n) SET n += {pwned: true}',
  'CALL db.index.fulltext.createNodeIndex("pwn", ["X"], ["y"])',
];

describe('reliability: the HTTP API under hostile requests and load (integration)', function () {
  this.timeout(180_000);
  let db: TestNeo4j;
  let query: QueryTarget;
  const servers = apiServers(() => query);
  const start = servers.start;

  before(async () => {
    db = await fixtureGraph();
    query = { driver: db.driver, database: db.target.database };
  });
  after(async () => {
    await servers.closeAll();
  });

  const routes: Request[] = [
    { method: 'GET', url: '/api/health' },
    { method: 'GET', url: '/api/presets' },
    { method: 'GET', url: '/api/presets/timeline' },
    { method: 'POST', url: '/api/presets/neighbourhood' },
    { method: 'POST', url: '/api/presets/schema' },
    { method: 'POST', url: '/api/cypher' },
    { method: 'GET', url: '/api/entities?q=halvik' },
    { method: 'GET', url: '/api/entity/e%3Aperson%3Atomas-reyl' },
    { method: 'GET', url: '/api/export/json' },
  ];

  it('answers every route under malformed, mistyped, oversized and unknown input with 4xx and a message, never 5xx or a hang', async () => {
    const base = await start();
    const before = await graphFingerprint(db);
    const requests: Request[] = [];
    for (const route of routes) {
      for (const { body, type } of hostileBodies(route.url.length)) requests.push({ method: route.method === 'GET' ? 'POST' : route.method, url: route.url, body, type });
      for (const method of ['PUT', 'PATCH', 'DELETE']) requests.push({ method, url: route.url, body: '{}', type: 'application/json' });
    }
    for (const url of HOSTILE_URLS) requests.push({ method: 'GET', url }, { method: 'POST', url, body: '{}', type: 'application/json' });
    const counts = new Map<number, number>();
    // a few at a time: the point is every answer, not throughput
    for (let i = 0; i < requests.length; i += 8) {
      await Promise.all(
        requests.slice(i, i + 8).map(async (r) => {
          const a = await send(base, r);
          counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
          assert.ok(a.status < 500, `${show(r)} → ${a.status} ${a.text.slice(0, 200)}`);
          if (a.status >= 400) {
            assert.ok(a.json !== undefined, `${show(r)} → ${a.status} answers JSON: ${a.text.slice(0, 200)}`);
            assert.equal(typeof a.json.error, 'string', show(r));
            assert.ok(typeof a.json.message === 'string' && a.json.message.length > 0, show(r));
            assert.doesNotMatch(a.json.message as string, /\n\s+at /, 'no stack trace');
          }
        }),
      );
    }
    const fourxx = [...counts].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0);
    assert.ok(fourxx > requests.length * 0.8, `most hostile requests are refused: ${JSON.stringify([...counts])}`);
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
    assert.equal(await graphFingerprint(db), before);
  });

  it('refuses every write form sent to POST /api/cypher, and the graph and its schema stay as they were', async () => {
    const base = await start();
    const fingerprint = await graphFingerprint(db);
    const schema = async () =>
      JSON.stringify((await db.driver.executeQuery('SHOW INDEXES YIELD name, state RETURN collect(name + state) AS s', {}, { database: db.target.database })).records[0]!.get('s'));
    const indexes = await schema();
    const refusals: string[] = [];
    const letThrough: string[] = [];
    for (const cypher of WRITE_FORMS) {
      const a = await send(base, { method: 'POST', url: '/api/cypher', body: JSON.stringify({ cypher }), type: 'application/json' });
      if (!(a.status >= 400 && a.status < 500)) letThrough.push(`${cypher} → ${a.status} ${a.text.slice(0, 300)}`);
      refusals.push(`${a.status} ${String(a.json?.error)} ${String(a.json?.message).slice(0, 100)}`);
    }
    assert.deepEqual(letThrough, []);
    // most are refused as writes before they reach Neo4j; the rest fail inside the READ transaction
    assert.ok(refusals.filter((r) => r.startsWith('403')).length >= WRITE_FORMS.length * 0.7, refusals.join(', '));
    assert.equal(await graphFingerprint(db), fingerprint);
    assert.equal(await schema(), indexes);
    const labels = await db.driver.executeQuery('CALL db.labels() YIELD label WHERE label IN ["Pwned", "X"] RETURN count(*) AS c', {}, { database: db.target.database });
    assert.equal(labels.records[0]!.get('c'), 0);
  });

  it('checks the token on every route, method and static file when one is configured', async () => {
    const token = 'reliability-token-0123456789';
    const base = await start({ token, staticDir: path.join(__dirname, '..', 'fixtures', 'server', 'static') });
    const all: Request[] = [
      ...routes.flatMap((r) => ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'].map((method) => ({ method, url: r.url, body: method === 'GET' || method === 'OPTIONS' ? undefined : '{"cypher":"RETURN 1"}', type: 'application/json' }))),
      { method: 'GET', url: '/' }, { method: 'GET', url: '/index.html' }, { method: 'HEAD', url: '/' }, { method: 'GET', url: '/api/nothing' }, { method: 'GET', url: '/../../etc/passwd' },
    ];
    const wrong: Array<Record<string, string>> = [
      {}, { authorization: '' }, { authorization: 'Bearer' }, { authorization: 'Bearer ' }, { authorization: `Basic ${Buffer.from(`x:${token}`).toString('base64')}` },
      { authorization: `Bearer ${token}x` }, { authorization: `Bearer ${token.slice(0, -1)}` }, { authorization: `Bearer ${token} ${token}` }, { authorization: token },
      { 'x-api-token': token }, { authorization: `Bearer ${token.toUpperCase()}` },
    ];
    for (const r of all) {
      for (const headers of wrong) {
        const a = await send(base, { ...r, headers });
        assert.equal(a.status, 401, `${show(r)} with ${JSON.stringify(headers)} → ${a.status}`);
        if (r.method !== 'HEAD') assert.equal(a.json?.error, 'unauthorized');
      }
      const ok = await send(base, { ...r, url: r.url.includes('?') ? `${r.url}&token=${token}` : `${r.url}?token=${token}` });
      assert.equal(ok.status, 401, `a token in the query string is not accepted: ${show(r)}`);
    }
    const good = await send(base, { method: 'GET', url: '/api/presets', headers: { authorization: `Bearer ${token}` } });
    assert.equal(good.status, 200);
  });

  it('stays responsive under 200 concurrent preset requests: all answered, health fast meanwhile; p50/p99 reported', async () => {
    const base = await start();
    const runnable = loadPresets().presets.filter((p) => p.params.every((q) => q.default !== undefined)).map((p) => p.name);
    assert.ok(runnable.length >= 3, runnable.join(', '));
    const began = performance.now();
    const burst = Array.from({ length: 200 }, (_, i) =>
      send(base, { method: 'POST', url: `/api/presets/${runnable[i % runnable.length]}`, body: '{}', type: 'application/json' }),
    );
    // while the burst is in flight, a health check still gets through
    const health = await send(base, { method: 'GET', url: '/api/health' });
    const answers = await Promise.all(burst);
    const wall = performance.now() - began;
    assert.equal(health.status, 200);
    const statuses = answers.map((a) => a.status);
    assert.deepEqual([...new Set(statuses)], [200], `statuses: ${statuses.join(',')}`);
    const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
    const p50 = percentile(ms, 50);
    const p99 = percentile(ms, 99);
    process.stderr.write(
      `      200 concurrent presets (${runnable.length} kinds): p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, ` +
        `wall ${wall.toFixed(0)} ms, health during the burst ${health.ms.toFixed(0)} ms\n`,
    );
    assert.ok(health.ms < 5000, `health took ${health.ms} ms during the burst`);
    assert.ok(p99 < REQUEST_TIMEOUT_MS, `p99 ${p99} ms`);
  });

  it('refuses work past the concurrency limit with 503 busy and Retry-After, and recovers after the burst', async () => {
    const base = await start({ concurrency: { maxRunning: 2, maxQueued: 4 } });
    const slow = JSON.stringify({ cypher: 'UNWIND range(1, 2000000) AS i WITH i WHERE i < 0 RETURN count(i) AS c' });
    const answers = await Promise.all(Array.from({ length: 30 }, () => send(base, { method: 'POST', url: '/api/cypher', body: slow, type: 'application/json' })));
    const ok = answers.filter((a) => a.status === 200);
    const busy = answers.filter((a) => a.status === 503);
    assert.equal(ok.length + busy.length, answers.length, answers.map((a) => a.status).join(','));
    assert.ok(ok.length >= 6, `the running and queued queries finish (${ok.length})`);
    assert.ok(busy.length >= 1, 'work past the queue is refused');
    assert.equal(busy[0]!.json?.error, 'busy');
    assert.match(String(busy[0]!.json?.message), /busy/);
    assert.equal(busy[0]!.headers.get('retry-after'), '1');
    const after = await send(base, { method: 'POST', url: '/api/presets/schema', body: '{}', type: 'application/json' });
    assert.equal(after.status, 200);
  });
});
