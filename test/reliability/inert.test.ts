import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Extractor, readArticles, type ArticleExtraction } from '../../ingest';
import { loadPresets } from '../../src/query';
import { createApp } from '../../src/server';
import { loadExtraction } from '../../src/store';
import { clearDatabase, makeTempHome, testNeo4j, type TestNeo4j } from '../support/neo4j';
import { CYPHER_LIKE, HTML_LIKE } from './fuzz-inputs';

describe('reliability: article text that looks like Cypher or HTML is stored and served inertly (integration)', function () {
  this.timeout(120_000);
  let db: TestNeo4j;
  let app: FastifyInstance;
  let base: string;
  let dir: string;
  const title = `${CYPHER_LIKE} ${HTML_LIKE}`;
  const sentence = `Orla Venmark met with Tobias Quillane in Veltmark, and the note they signed read "${CYPHER_LIKE}" above ${HTML_LIKE}.`;

  before(async () => {
    db = await testNeo4j();
    await clearDatabase(db);
    dir = makeTempHome('graphwire-inert-');
    const file = path.join(dir, 'hostile.txt');
    fs.writeFileSync(file, `${title}\n\n${sentence}\n\nTobias Quillane leads the Veltmark Water Board and visited Pellan on Monday.\n`);
    const extractor = new Extractor();
    const results: ArticleExtraction[] = [];
    for await (const event of readArticles([file])) {
      if (event.kind === 'failure') throw event.error;
      if (event.kind === 'article') results.push(extractor.article(event.article));
    }
    const summary = await loadExtraction(db.driver, extractor.merge(results), { database: db.target.database });
    assert.deepEqual(summary.failures, []);
    app = createApp({ query: { driver: db.driver, database: db.target.database }, presets: loadPresets() });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the text byte for byte in Neo4j, and the graph around it intact', async () => {
    const { records } = await db.driver.executeQuery('MATCH (a:Article) RETURN a.title AS title', {}, { database: db.target.database });
    assert.deepEqual(records.map((r) => r.get('title')), [title]);
    const facts = await db.driver.executeQuery(
      'MATCH ()-[r]->() WHERE any(s IN r.evidenceSentence WHERE s CONTAINS $marker) RETURN r.evidenceSentence AS s',
      { marker: 'DETACH DELETE n //' },
      { database: db.target.database },
    );
    assert.ok(facts.records.length > 0, 'a fact carries the hostile sentence as its evidence');
    assert.ok((facts.records[0]!.get('s') as string[]).some((s) => s.includes(CYPHER_LIKE) && s.includes(HTML_LIKE)));
    const people = await db.driver.executeQuery('MATCH (p:Person) RETURN count(p) AS n', {}, { database: db.target.database });
    assert.ok((people.records[0]!.get('n') as number) >= 2, 'nothing was deleted');
  });

  it('serves it as JSON data, never as markup, from the HTTP API', async () => {
    const response = await fetch(`${base}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cypher: 'MATCH (a:Article)-[:MENTIONS]->(e) RETURN a.title AS title, collect(e.name) AS names' }),
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const raw = await response.text();
    const body = JSON.parse(raw) as { rows: Array<{ title: string }> };
    assert.equal(body.rows[0]!.title, title);
    // the markup arrives as characters of a JSON string, which a page puts in with textContent, not innerHTML
    assert.ok(raw.includes(JSON.stringify(HTML_LIKE).slice(1, -1)));
    const search = await fetch(`${base}/api/entities?q=${encodeURIComponent("'}) DETACH")}`);
    assert.equal(search.status, 200);
  });
});
