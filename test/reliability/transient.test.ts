import assert from 'node:assert/strict';
import neo4j, { type Driver } from 'neo4j-driver';
import { Neo4jUnavailableError } from '../../src/errors';
import type { ExtractionDocument } from '../../src/model/extraction';
import { loadExtraction } from '../../src/store';
import { countGraph, graphFingerprint } from '../support/graph';
import { clearDatabase, testNeo4j, type TestNeo4j } from '../support/neo4j';
import { extractGenerated } from './extract-generated';
import { CuttableProxy } from './proxy';

/** How long the driver keeps retrying a transaction here (its default is 30 s; shorter keeps the test quick). */
const RETRY_MS = 5000;

describe('reliability: connection lost while loading (integration)', function () {
  this.timeout(120_000);
  let db: TestNeo4j;
  let doc: ExtractionDocument;
  let clean: string;
  let proxy: CuttableProxy;
  let driver: Driver;

  before(async () => {
    db = await testNeo4j();
    doc = await extractGenerated(0, 60);
    await clearDatabase(db);
    await loadExtraction(db.driver, doc, { database: db.target.database });
    clean = await graphFingerprint(db);
    const target = new URL(db.target.uri);
    proxy = new CuttableProxy(target.hostname, Number(target.port));
    const port = await proxy.start();
    const auth = db.target.password === undefined ? undefined : neo4j.auth.basic(db.target.username, db.target.password);
    driver = neo4j.driver(`bolt://127.0.0.1:${port}`, auth, { disableLosslessIntegers: true, maxTransactionRetryTime: RETRY_MS, connectionTimeout: 2000 });
  });
  beforeEach(async () => {
    proxy.restore();
    await clearDatabase(db);
  });
  after(async () => {
    await driver?.close();
    await proxy?.stop();
  });

  it('retries with backoff through a 2 s outage in the middle of a load, and the graph equals a clean load', async () => {
    let cutAt = 0;
    const began = Date.now();
    const summary = await loadExtraction(driver, doc, {
      database: db.target.database,
      batchSize: 300,
      onProgress: (done) => {
        if (cutAt === 0 && done < doc.articles.length) {
          cutAt = Date.now();
          proxy.cut();
          setTimeout(() => proxy.restore(), 2000);
        }
      },
    });
    assert.ok(cutAt > 0, 'the cut happened during the load');
    assert.ok(proxy.refused >= 1, `connections were refused and retried (${proxy.refused})`);
    assert.ok(Date.now() - began >= 2000, 'the load waited for the server instead of failing');
    assert.deepEqual(summary.failures, []);
    assert.equal(summary.articles.new, doc.articles.length);
    assert.equal(await graphFingerprint(db), clean);
  });

  it('gives up after the retry time with an error naming the articles not loaded; loading again completes the graph', async () => {
    let cutAt = 0;
    const load = loadExtraction(driver, doc, {
      database: db.target.database,
      batchSize: 300,
      onProgress: (done) => {
        if (cutAt === 0 && done < doc.articles.length) {
          cutAt = Date.now();
          proxy.cut();
        }
      },
    });
    const error = await load.then(
      () => assert.fail('the load should fail while Neo4j is unreachable'),
      (e: unknown) => e,
    );
    const waited = Date.now() - cutAt;
    assert.ok(error instanceof Neo4jUnavailableError, String(error));
    assert.match(error.message, /gave up after retrying/);
    assert.match(error.message, /article\(s\) not loaded: report-\d{4}\.txt, /);
    assert.match(error.message, /Run the same command again/);
    // one retry window, not one per article of the failed batch
    assert.ok(waited >= RETRY_MS - 500 && waited < RETRY_MS * 3, `gave up after ${waited} ms`);

    const partial = await countGraph(db);
    assert.ok(partial.nodes > 0, 'the batches before the cut stay loaded');
    proxy.restore();
    const again = await loadExtraction(driver, doc, { database: db.target.database, batchSize: 300 });
    assert.deepEqual(again.failures, []);
    assert.ok(again.articles.unchanged > 0 && again.articles.new > 0, JSON.stringify(again.articles));
    assert.equal(await graphFingerprint(db), clean);
  });
});
