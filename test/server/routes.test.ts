import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { QueryTarget } from '../../src/query';
import { checkBinding, completionQuery } from '../../src/server';
import { fixtureGraph } from '../support/graph';
import { apiServers } from '../support/server';

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  /** an object is sent as JSON; a string as-is with the content type in `type` */
  body?: unknown;
  type?: string;
  status: number;
  /** the `error` code of an error answer, or a check of a good one */
  error?: string;
  check?: (body: Record<string, any>) => void;
}

async function call(base: string, row: Pick<Row, 'method' | 'url' | 'body' | 'type'>, headers: Record<string, string> = {}) {
  const init: RequestInit = { method: row.method, headers: { ...headers } };
  if (row.body !== undefined) {
    init.body = typeof row.body === 'string' ? row.body : JSON.stringify(row.body);
    (init.headers as Record<string, string>)['content-type'] = row.type ?? 'application/json';
  }
  const response = await fetch(base + row.url, init);
  const text = await response.text();
  let json: Record<string, any> = {};
  try {
    json = JSON.parse(text);
  } catch {
    json = { text };
  }
  return { status: response.status, body: json, headers: response.headers };
}

const names = (body: Record<string, any>, column: string): string[] => body.rows.map((r: Record<string, any>) => r[column]?.label ?? r[column]);

describe('the HTTP API (integration)', function () {
  this.timeout(120_000);
  let query: QueryTarget;
  let base: string;
  const servers = apiServers(() => query);
  const start = servers.start;

  before(async () => {
    const db = await fixtureGraph();
    query = { driver: db.driver, database: db.target.database };
    base = await start();
  });
  after(async () => {
    await servers.closeAll();
  });

  const table: Row[] = [
    { method: 'GET', url: '/api/health', status: 200, check: (b) => assert.equal(b.status, 'ok') },
    { method: 'GET', url: '/api/presets', status: 200, check: (b) => assert.ok(b.presets.some((p: any) => p.name === 'neighbourhood' && p.params.some((q: any) => q.name === 'hops' && q.max === 3))) },
    { method: 'GET', url: '/api/presets/timeline', status: 200, check: (b) => assert.match(b.cypher, /@name timeline/) },
    { method: 'GET', url: '/api/presets/nope', status: 404, error: 'unknown_preset' },
    { method: 'POST', url: '/api/presets/attendance', body: {}, status: 200, check: (b) => assert.deepEqual(names(b, 'attendee'), ['Ilse Brandvik', 'Tomas Reyl']) },
    { method: 'POST', url: '/api/presets/schema', status: 200, check: (b) => assert.ok(b.rows.length > 0) },
    {
      method: 'POST', url: '/api/presets/neighbourhood', body: { name: 'Korvaj', hops: 1 }, status: 200,
      check: (b) => {
        assert.deepEqual(names(b, 'entity'), ['Anton Korvaj', 'Sarn Basin Commission']);
        assert.deepEqual(b.nodes.map((n: any) => n.data.id).sort(), ['e:organization:sarn-basin-commission', 'e:person:anton-korvaj']);
        assert.deepEqual(b.edges.map((e: any) => [e.group, e.data.type, e.data.source, e.data.target]), [['edges', 'LEADS', 'e:person:anton-korvaj', 'e:organization:sarn-basin-commission']]);
      },
    },
    { method: 'POST', url: '/api/presets/neighbourhood', body: { name: 'Korvaj', hops: 9 }, status: 400, error: 'bad_parameter', check: (b) => assert.match(b.message, /"hops"/) },
    { method: 'POST', url: '/api/presets/neighbourhood', body: { name: 'Korvaj', hops: '2' }, status: 400, error: 'bad_parameter', check: (b) => assert.match(b.message, /"hops"/) },
    { method: 'POST', url: '/api/presets/neighbourhood', body: { nmae: 'Korvaj' }, status: 400, error: 'bad_parameter', check: (b) => assert.match(b.message, /"nmae"/) },
    { method: 'POST', url: '/api/presets/entity', body: {}, status: 400, error: 'bad_parameter', check: (b) => assert.match(b.message, /"id"/) },
    { method: 'POST', url: '/api/presets/nope', body: {}, status: 404, error: 'unknown_preset' },
    { method: 'POST', url: '/api/presets/Bad_Name', body: {}, status: 400, error: 'bad_request' },
    { method: 'POST', url: '/api/presets/attendance', body: [1, 2], status: 400, error: 'bad_request' },
    { method: 'POST', url: '/api/presets/attendance', body: '{"event": ', status: 400 },
    { method: 'POST', url: '/api/presets/attendance', body: 'event=x', type: 'text/plain', status: 415, error: 'unsupported_media_type' },
    { method: 'POST', url: '/api/cypher', body: { cypher: 'MATCH (e:Country) RETURN e.name AS name ORDER BY name' }, status: 200, check: (b) => assert.deepEqual(b.rows, [{ name: 'Tarvia' }, { name: 'Veldora' }]) },
    { method: 'POST', url: '/api/cypher', body: { cypher: 'MATCH (e:Entity {id: $id}) RETURN e', params: { id: 'e:location:halvik' } }, status: 200, check: (b) => assert.deepEqual(b.nodes.map((n: any) => n.data.label), ['Halvik']) },
    { method: 'POST', url: '/api/cypher', body: { cypher: 'CREATE (n:Entity) RETURN n' }, status: 403, error: 'read_only' },
    { method: 'POST', url: '/api/cypher', body: { cypher: 'MERGE (n:Entity {id: "x"})' }, status: 403, error: 'read_only' },
    { method: 'POST', url: '/api/cypher', body: { cypher: 'MATCH (n) DETACH DELETE n' }, status: 403, error: 'read_only' },
    { method: 'POST', url: '/api/cypher', body: { cypher: 'MATCH (n) SET n.x = 1' }, status: 403, error: 'read_only' },
    { method: 'POST', url: '/api/cypher', body: { cypher: 'MATCH (n) REMOVE n.name' }, status: 403, error: 'read_only' },
    { method: 'POST', url: '/api/cypher', body: { cypher: "LOAD CSV FROM 'file:///etc/hostname' AS l RETURN l" }, status: 403, error: 'read_only' },
    { method: 'POST', url: '/api/cypher', body: { cypher: "CALL db.createLabel('X')" }, status: 403, error: 'read_only' },
    { method: 'POST', url: '/api/cypher', body: { cypher: 'MATCH (n RETURN n' }, status: 400, error: 'cypher_error' },
    { method: 'POST', url: '/api/cypher', body: {}, status: 400, error: 'bad_request' },
    { method: 'POST', url: '/api/cypher', body: { cypher: 'RETURN 1', extra: true }, status: 400, error: 'bad_request' },
    { method: 'POST', url: '/api/cypher', body: { cypher: `RETURN '${'x'.repeat(70_000)}'` }, status: 413, error: 'body_too_large' },
    { method: 'GET', url: '/api/entities?q=brandv', status: 200, check: (b) => assert.deepEqual(b.rows.map((r: any) => r.name), ['Ilse Brandvik']) },
    { method: 'GET', url: '/api/entities?q=halvik%20s&limit=5', status: 200, check: (b) => assert.deepEqual(b.rows.map((r: any) => r.name), ['Halvik summit']) },
    { method: 'GET', url: '/api/entities?q=%22)%20OR%20*%3A*', status: 200, check: (b) => assert.deepEqual(b.rows, []) },
    { method: 'GET', url: '/api/entities?q=', status: 200, check: (b) => assert.deepEqual(b.rows, []) },
    { method: 'GET', url: '/api/entities', status: 400, error: 'bad_request' },
    { method: 'GET', url: '/api/entities?q=x&limit=1000', status: 400, error: 'bad_request' },
    { method: 'GET', url: '/api/entity/e%3Aperson%3Atomas-reyl', status: 200, check: (b) => assert.deepEqual(names(b, 'other'), ['Halvik summit', 'Ilse Brandvik']) },
    { method: 'GET', url: '/api/entity/e%3Aperson%3Anobody', status: 404, error: 'unknown_entity' },
    { method: 'GET', url: '/api/export/pdf', status: 400, error: 'bad_request' },
    { method: 'GET', url: '/api/export/graphml?articles=maybe', status: 400, error: 'bad_request' },
    { method: 'GET', url: '/api/nothing', status: 404, error: 'not_found' },
    { method: 'DELETE', url: '/api/presets/schema', status: 404, error: 'not_found' },
    { method: 'GET', url: '/', status: 404, error: 'not_found' },
  ];

  describe('GET /api/export/:format', () => {
    it('streams the whole graph as GraphML, as a download', async () => {
      const response = await fetch(`${base}/api/export/graphml`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /xml/);
      assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="graphwire\.graphml"/);
      const xml = await response.text();
      assert.equal(xml.match(/<node /g)?.length, 13);
      assert.equal(xml.match(/<edge /g)?.length, 12);
      assert.ok(xml.includes('&lt;img src=x onerror=alert(1)&gt;'), 'hostile names are escaped');
    });

    it('adds articles and mentions when asked, and speaks cytoscape.js JSON', async () => {
      const withArticles = await (await fetch(`${base}/api/export/graphml?articles=true`)).text();
      assert.equal(withArticles.match(/<node /g)?.length, 18);
      const json = (await (await fetch(`${base}/api/export/json`)).json()) as { elements: { nodes: unknown[]; edges: unknown[] } };
      assert.deepEqual([json.elements.nodes.length, json.elements.edges.length], [13, 12]);
    });
  });

  for (const row of table) {
    it(`${row.method} ${row.url.slice(0, 60)}${row.body === undefined ? '' : ` ${JSON.stringify(row.body).slice(0, 60)}`} → ${row.status}`, async () => {
      const answer = await call(base, row);
      assert.equal(answer.status, row.status, JSON.stringify(answer.body).slice(0, 300));
      assert.match(answer.headers.get('content-type') ?? '', /application\/json/);
      if (row.status >= 400) {
        assert.deepEqual(Object.keys(answer.body).sort(), ['error', 'message']);
        assert.doesNotMatch(answer.body.message, /\n\s+at /, 'no stack trace');
      }
      if (row.error) assert.equal(answer.body.error, row.error);
      row.check?.(answer.body);
    });
  }

  describe('with an API token', () => {
    const token = 'a-test-token-of-enough-length';
    let guarded: string;
    before(async () => {
      guarded = await start({ token, staticDir: path.join(__dirname, '..', 'fixtures', 'server', 'static') });
    });
    const cases: Array<[string, Record<string, string>, number]> = [
      ['no token', {}, 401],
      ['a wrong token', { authorization: 'Bearer a-test-token-of-enough-lengtX' }, 401],
      ['a prefix of the token', { authorization: 'Bearer a-test-token' }, 401],
      ['the token without Bearer', { authorization: token }, 401],
      ['the token', { authorization: `Bearer ${token}` }, 200],
    ];
    for (const [what, headers, status] of cases) {
      for (const url of ['/api/health', '/api/presets', '/api/entities?q=x', '/']) {
        it(`GET ${url} with ${what} → ${status}`, async () => {
          const answer = await call(guarded, { method: 'GET', url }, headers);
          assert.equal(answer.status, status);
          if (status === 401) assert.equal(answer.body.error, 'unauthorized');
        });
      }
    }
    it('checks the token before anything else, even on unknown routes and bad bodies', async () => {
      assert.equal((await call(guarded, { method: 'GET', url: '/api/nothing' })).status, 401);
      assert.equal((await call(guarded, { method: 'POST', url: '/api/cypher', body: { cypher: 'CREATE (n)' } })).status, 401);
    });
    it('serves the static folder at /', async () => {
      const response = await fetch(`${guarded}/`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.status, 200);
      assert.match(await response.text(), /viewer stub/);
    });
  });

  describe('limits', () => {
    it('a configured row limit truncates and says so', async () => {
      const limited = await start({ limits: { rowLimit: 3 } });
      const answer = await call(limited, { method: 'POST', url: '/api/cypher', body: { cypher: 'UNWIND range(1, 10) AS i RETURN i' } });
      assert.equal(answer.status, 200);
      assert.deepEqual([answer.body.rows.length, answer.body.truncated], [3, true]);
    });
    it('a configured time limit answers 408', async () => {
      const slow = await start({ limits: { timeoutMs: 200 } });
      const answer = await call(slow, { method: 'POST', url: '/api/cypher', body: { cypher: 'UNWIND range(1, 100000000) AS i WITH i WHERE i < 0 RETURN count(i)' } });
      assert.deepEqual([answer.status, answer.body.error], [408, 'timeout']);
    });
  });
});

describe('serving safely', () => {
  it('refuses a non-loopback address without a token, and a short token', () => {
    assert.throws(() => checkBinding('0.0.0.0', undefined), /GRAPHWIRE_API_TOKEN/);
    assert.throws(() => checkBinding('192.168.1.5', undefined), /--token/);
    assert.throws(() => checkBinding('0.0.0.0', 'short'), /too short/);
    assert.doesNotThrow(() => checkBinding('0.0.0.0', 'x'.repeat(24)));
    assert.doesNotThrow(() => checkBinding('127.0.0.1', undefined));
    assert.doesNotThrow(() => checkBinding('::1', undefined));
  });

  it('turns typed text into a Lucene query that cannot inject syntax', () => {
    assert.equal(completionQuery('Ilse Brandv'), 'ilse AND brandv*');
    assert.equal(completionQuery('") OR *:* ~'), 'or*');
    assert.equal(completionQuery('  '), undefined);
    assert.equal(completionQuery('Zoë'), 'zoë*');
  });
});
