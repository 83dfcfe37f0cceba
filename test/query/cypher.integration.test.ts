import assert from 'node:assert/strict';
import { CypherError, QueryRefusedError, QueryTimeoutError, runRead, runUserCypher, type QueryTarget } from '../../src/query';
import { fixtureGraph } from '../support/graph';

describe('user Cypher, read-only (integration)', function () {
  this.timeout(120_000);
  let target: QueryTarget;
  const limits = { timeoutMs: 10_000, rowLimit: 1000 };
  const count = async (): Promise<number> => (await runRead(target, 'MATCH (n) RETURN count(n) AS n', {}, limits)).rows[0].n as number;

  before(async () => {
    const db = await fixtureGraph();
    target = { driver: db.driver, database: db.target.database };
  });

  // each write form: refused before it is sent, and refused by Neo4j when sent anyway (the READ transaction)
  const writes: Array<[string, string]> = [
    ['CREATE', 'CREATE (n:Entity {id: "x"}) RETURN n'],
    ['MERGE', 'MERGE (n:Entity {id: "x"}) RETURN n'],
    ['DELETE', 'MATCH (n:Article) DETACH DELETE n'],
    ['SET', 'MATCH (n:Entity) SET n.name = "x" RETURN n'],
    ['REMOVE', 'MATCH (n:Entity) REMOVE n.name RETURN n'],
    ['a write procedure', "CALL db.createLabel('Injected')"],
  ];
  for (const [form, cypher] of writes) {
    it(`refuses ${form}, and the READ transaction refuses it even past the check`, async () => {
      if (form !== 'a write procedure') {
        await assert.rejects(runUserCypher(target, cypher), (e: unknown) => e instanceof QueryRefusedError && /only read queries run here/.test(e.message));
      }
      await assert.rejects(runRead(target, cypher, {}, limits), (e: unknown) => e instanceof QueryRefusedError && /writes to the database/.test(e.message));
    });
  }

  it('refuses a write procedure called through runUserCypher', async () => {
    await assert.rejects(runUserCypher(target, "CALL db.createLabel('Injected')"), QueryRefusedError);
    const labels = await runRead(target, 'CALL db.labels() YIELD label RETURN collect(label) AS labels', {}, limits);
    assert.ok(!(labels.rows[0].labels as string[]).includes('Injected'));
  });

  it('refuses LOAD CSV, which a READ transaction would let read server files', async () => {
    await assert.rejects(runUserCypher(target, "LOAD CSV FROM 'file:///etc/hostname' AS line RETURN line"), (e: unknown) => e instanceof QueryRefusedError && /LOAD CSV/.test(e.message));
  });

  it('left the graph as it was', async () => {
    assert.equal(await count(), 18);
  });

  it('runs a read query with parameters, whole numbers sent as integers', async () => {
    const result = await runUserCypher(target, 'MATCH (e:Person) RETURN e.name AS name ORDER BY name LIMIT $n', { n: 2 });
    assert.deepEqual(result.rows, [{ name: '<img src=x onerror=alert(1)>' }, { name: 'Anton Korvaj' }]);
    assert.deepEqual(result.columns, ['name']);
    assert.equal(result.truncated, false);
  });

  it('stops reading at the row limit and says so', async () => {
    const result = await runUserCypher(target, 'UNWIND range(1, 1000000) AS i RETURN i', {}, { ...limits, rowLimit: 5 });
    assert.deepEqual(result.rows.map((r) => r.i), [1, 2, 3, 4, 5]);
    assert.equal(result.truncated, true);
    const exact = await runUserCypher(target, 'UNWIND range(1, 5) AS i RETURN i', {}, { ...limits, rowLimit: 5 });
    assert.equal(exact.truncated, false);
  });

  it('stops a query that runs past the time limit', async () => {
    await assert.rejects(
      runUserCypher(target, 'UNWIND range(1, 100000000) AS i WITH i WHERE i < 0 RETURN count(i)', {}, { ...limits, timeoutMs: 300 }),
      (e: unknown) => e instanceof QueryTimeoutError && /longer than 0.3 s/.test(e.message),
    );
  });

  it("reports a syntax error in Neo4j's words", async () => {
    await assert.rejects(runUserCypher(target, 'MATCH (n RETURN n'), (e: unknown) => e instanceof CypherError && e.code === 'Neo.ClientError.Statement.SyntaxError');
  });

  it('fetches the end nodes of relationships returned alone, so every edge can be drawn', async () => {
    const result = await runUserCypher(target, 'MATCH ()-[r:LEADS]->() RETURN r');
    assert.equal(result.edges.length, 1);
    assert.deepEqual([result.edges[0].data.source, result.edges[0].data.target], ['e:person:anton-korvaj', 'e:organization:sarn-basin-commission']);
    assert.deepEqual(result.nodes.map((n) => n.data.id).sort(), ['e:organization:sarn-basin-commission', 'e:person:anton-korvaj']);
    assert.deepEqual(result.rows[0].r, { kind: 'relationship', id: result.edges[0].data.id, type: 'LEADS', source: 'e:person:anton-korvaj', target: 'e:organization:sarn-basin-commission' });
  });

  it('shapes paths, temporals and maps into JSON', async () => {
    const result = await runUserCypher(target, "MATCH p = (:Article {id: 'a-meridian-04'})-[:MENTIONS]->(e:Location {name: 'Tessenford'}) RETURN p, date('2025-03-05') AS d, {n: e} AS m");
    const row = result.rows[0];
    assert.deepEqual(row.p, { kind: 'path', nodes: ['a-meridian-04', 'e:location:tessenford'], edges: [result.edges[0].data.id] });
    assert.equal(row.d, '2025-03-05');
    assert.deepEqual(row.m, { n: { kind: 'node', id: 'e:location:tessenford', label: 'Tessenford', type: 'Location' } });
    const article = result.nodes.find((n) => n.data.id === 'a-meridian-04');
    assert.deepEqual([article?.data.label, article?.data.type], ['Observers sent to Tessenford', 'Article']);
    assert.equal(result.edges[0].data.properties.count, 2);
  });
});
