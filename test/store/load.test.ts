import assert from 'node:assert/strict';
import neo4j from 'neo4j-driver';
import { Neo4jUnavailableError } from '../../src/errors';
import { knownArticleIds, loadExtraction, retractArticles } from '../../src/store';
import type { ExtractionDocument } from '../../src/model/extraction';
import { clearDatabase, testNeo4j, type TestNeo4j } from '../support/neo4j';
import { countGraph, fixtureDocument, graphFingerprint } from '../support/graph';

const without = (doc: ExtractionDocument, article: string): ExtractionDocument => ({
  articles: doc.articles.filter((a) => a.id !== article),
  entities: doc.entities
    .map((e) => ({ ...e, articles: e.articles.filter((a) => a !== article), mentions: e.mentions?.filter((m) => m.article !== article) }))
    .filter((e) => e.articles.length > 0),
  relations: doc.relations
    .map((r) => ({ ...r, evidence: r.evidence.filter((ev) => ev.article !== article) }))
    .filter((r) => r.evidence.length > 0),
});

describe('loading extractions into Neo4j (integration)', function () {
  this.timeout(120_000);
  let db: TestNeo4j;
  const q = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await db.driver.executeQuery(cypher, params, { database: db.target.database })).records.map((r) => r.toObject());

  before(async () => {
    db = await testNeo4j();
  });
  beforeEach(() => clearDatabase(db));

  it('writes articles, typed entities, mentions and facts with their provenance', async () => {
    const summary = await loadExtraction(db.driver, fixtureDocument(), { database: db.target.database });
    assert.deepEqual(summary.articles, { new: 5, unchanged: 0, updated: 0, failed: 0 });
    assert.deepEqual(summary.entities, { created: 13, updated: 0 });
    assert.equal(summary.relations.created, 12);
    assert.deepEqual(summary.failures, []);

    const [brandvik] = await q('MATCH (e:Entity:Person {id: "e:person:ilse-brandvik"}) RETURN e {.*} AS e, labels(e) AS labels');
    assert.equal(brandvik!.e.name, 'Ilse Brandvik');
    assert.equal(brandvik!.e.mentionCount, 7);
    assert.equal(brandvik!.e.articleCount, 3);
    assert.deepEqual([...brandvik!.e.aliases].sort(), ['Brandvik', 'Foreign Minister Ilse Brandvik', 'Ilse Brandvik']);
    assert.deepEqual(await q('MATCH (e:Country) RETURN e.name AS name ORDER BY name'), [{ name: 'Tarvia' }, { name: 'Veldora' }]);

    const [attended] = await q('MATCH (:Person {name: "Ilse Brandvik"})-[r:ATTENDED]->(:Event {name: "Halvik summit"}) RETURN r {.*} AS r');
    const r = attended!.r;
    assert.deepEqual([...r.articles].sort(), ['a-meridian-01', 'a-post-05']);
    assert.equal(r.sources, 2);
    assert.deepEqual([...r.sourceNames].sort(), ['Continental Post', 'Meridian Wire']);
    assert.equal(r.evidenceCount, 2);
    assert.equal(r.confidence, 0.9);
    assert.deepEqual(r.dates, ['2025-03-10']);
    assert.equal(r.firstDate, '2025-03-10');
    assert.deepEqual([...r.texts].sort(), ['attended', 'will attend']);
    assert.equal(r.evidenceSentence.length, 2);
    assert.equal(r.evidenceEnd[0] - r.evidenceStart[0], r.evidenceSentence[0].length);

    const drift = await q('MATCH (e:Entity) WHERE e.factCount <> COUNT { (e)-[r]-(:Entity) } + COUNT { (e)-[r]->(e) } RETURN e.id AS id');
    assert.deepEqual(drift, [], 'factCount counts each fact an entity takes part in');
    assert.equal(brandvik!.e.factCount, 3);

    const [mention] = await q('MATCH (:Article {id: "a-northgate-03"})-[m:MENTIONS]->(:Entity {id: "e:person:anton-korvaj"}) RETURN m.count AS count');
    assert.equal(mention!.count, 4);
    const [position] = await q('MATCH (:Person)-[r:HOLDS_POSITION]->(:Country) RETURN r.title AS title');
    assert.equal(position!.title, 'Foreign Minister');
  });

  it('keeps two people who share a surname apart', async () => {
    await loadExtraction(db.driver, fixtureDocument(), { database: db.target.database });
    const rows = await q('MATCH (e:Person) WHERE "Reyl" IN e.aliases OR e.name ENDS WITH "Reyl" RETURN e.name AS name ORDER BY name');
    assert.deepEqual(rows, [{ name: 'Mara Reyl' }, { name: 'Tomas Reyl' }]);
  });

  it('changes nothing when the same extraction is loaded again', async () => {
    await loadExtraction(db.driver, fixtureDocument(), { database: db.target.database });
    const before = await graphFingerprint(db);
    const counts = await countGraph(db);
    const again = await loadExtraction(db.driver, fixtureDocument(), { database: db.target.database, batchSize: 7 });
    assert.deepEqual(again.articles, { new: 0, unchanged: 5, updated: 0, failed: 0 });
    assert.deepEqual(again.relations, { created: 0, updated: 0 });
    assert.deepEqual(await countGraph(db), counts);
    assert.equal(await graphFingerprint(db), before);
  });

  it('gives the same graph whatever the batch size', async () => {
    await loadExtraction(db.driver, fixtureDocument(), { database: db.target.database, batchSize: 100_000 });
    const oneBatch = await graphFingerprint(db);
    await clearDatabase(db);
    await loadExtraction(db.driver, fixtureDocument(), { database: db.target.database, batchSize: 1 });
    assert.equal(await graphFingerprint(db), oneBatch);
  });

  for (const article of ['a-meridian-01', 'a-post-05', 'a-courier-02']) {
    it(`retracts ${article} exactly: the graph equals one loaded without it`, async () => {
      const doc = fixtureDocument();
      await loadExtraction(db.driver, without(doc, article), { database: db.target.database });
      const expected = await graphFingerprint(db);
      await clearDatabase(db);
      await loadExtraction(db.driver, doc, { database: db.target.database });
      const result = await retractArticles(db.driver, [article], { database: db.target.database });
      assert.deepEqual(result.removed, [article]);
      assert.equal(await graphFingerprint(db), expected);
    });
  }

  it('keeps a fact while one supporting article remains, and drops it and orphan entities with the last', async () => {
    await loadExtraction(db.driver, fixtureDocument(), { database: db.target.database });
    const attended = 'MATCH (:Person {name: "Ilse Brandvik"})-[r:ATTENDED]->(:Event) RETURN r.articles AS articles, r.sources AS sources, r.evidenceCount AS n';
    await retractArticles(db.driver, ['a-meridian-01'], { database: db.target.database });
    assert.deepEqual(await q(attended), [{ articles: ['a-post-05'], sources: 1, n: 1 }]);
    await retractArticles(db.driver, ['a-post-05'], { database: db.target.database });
    assert.deepEqual(await q(attended), []);
    assert.deepEqual(await q('MATCH (e:Entity {name: "Halvik Accord"}) RETURN e'), []);
    const [brandvik] = await q('MATCH (e:Entity {id: "e:person:ilse-brandvik"}) RETURN e.mentionCount AS m, e.articleCount AS a, e.aliases AS aliases');
    assert.deepEqual({ m: brandvik!.m, a: brandvik!.a }, { m: 3, a: 1 });
    assert.deepEqual([...brandvik!.aliases].sort(), ['Brandvik', 'Foreign Minister Ilse Brandvik', 'Ilse Brandvik'], 'the name stays an alias');
    const missing = await retractArticles(db.driver, ['no-such-article'], { database: db.target.database });
    assert.deepEqual(missing.notFound, ['no-such-article']);
  });

  it('replaces the facts of an edited version of a document (same key, new text)', async () => {
    const doc = fixtureDocument();
    await loadExtraction(db.driver, doc, { database: db.target.database });
    const edited = without(doc, 'a-meridian-04');
    edited.articles = [{ ...doc.articles.find((a) => a.id === 'a-meridian-04')!, id: 'a-meridian-04-v2' }];
    edited.entities = [
      { id: 'e:organization:sarn-basin-commission', name: 'Sarn Basin Commission', type: 'Organization', aliases: ['SBC'], articles: ['a-meridian-04-v2'] },
      { id: 'e:location:orlek', name: 'Orlek', type: 'Location', aliases: ['Orlek'], articles: ['a-meridian-04-v2'] },
    ];
    edited.relations = [
      {
        subject: 'e:organization:sarn-basin-commission', predicate: 'DEPLOYED_TO', object: 'e:location:orlek', text: 'sent', confidence: 0.8,
        evidence: [{ article: 'a-meridian-04-v2', sentence: 'The SBC sent 20 observers to Orlek.', start: 0, end: 35 }],
      },
    ];
    const summary = await loadExtraction(db.driver, edited, { database: db.target.database });
    assert.deepEqual(summary.articles, { new: 0, unchanged: 0, updated: 1, failed: 0 });
    assert.deepEqual(await q('MATCH (a:Article) WHERE a.id STARTS WITH "a-meridian-04" RETURN a.id AS id'), [{ id: 'a-meridian-04-v2' }]);
    assert.deepEqual(await q('MATCH (:Organization)-[r:DEPLOYED_TO]->(l) RETURN l.name AS place'), [{ place: 'Orlek' }]);
    assert.deepEqual(await q('MATCH (l:Location {name: "Tessenford"}) RETURN l'), []);
  });

  it('never takes two different articles with the same file name and no key for versions of one document', async () => {
    const doc = fixtureDocument();
    for (const a of doc.articles) {
      delete a.key;
      a.file = 'article.txt';
    }
    const summary = await loadExtraction(db.driver, doc, { database: db.target.database, batchSize: 1 });
    assert.deepEqual(summary.articles, { new: 5, unchanged: 0, updated: 0, failed: 0 });
    assert.equal((await q('MATCH (a:Article) RETURN count(a) AS n'))[0]!.n, 5);
  });

  it('tells which articles are already loaded, and names the articles not loaded when the server is gone', async () => {
    await loadExtraction(db.driver, fixtureDocument(), { database: db.target.database });
    const asked = [{ id: 'a-post-05', file: '05-accord-signed.html' }, { id: 'a-new', file: 'new.txt' }];
    assert.deepEqual([...(await knownArticleIds(db.driver, asked, { database: db.target.database }))], ['a-post-05']);
    // nothing listens on port 1; a short retry window keeps the test quick
    const gone = neo4j.driver('bolt://127.0.0.1:1', undefined, { maxTransactionRetryTime: 300, connectionTimeout: 1000 });
    try {
      await assert.rejects(knownArticleIds(gone, asked), (error: unknown) =>
        error instanceof Neo4jUnavailableError && /2 article\(s\) not loaded: 05-accord-signed\.html, new\.txt/.test(error.message));
    } finally {
      await gone.close();
    }
  });

  it('rolls back a batch that fails mid-way, reports its articles, and loads the rest', async () => {
    await db.driver.executeQuery('CREATE CONSTRAINT test_location_name IF NOT EXISTS FOR (e:Location) REQUIRE e.name IS UNIQUE', {}, { database: db.target.database });
    try {
      const doc = fixtureDocument();
      // a second entity with Tarvia's name violates the constraint when a-courier-02's mentions are written
      doc.entities.push({ id: 'e:location:tarvia-duplicate', name: 'Tarvia', type: 'Location', aliases: ['Tarvia'], articles: ['a-courier-02'] });
      const summary = await loadExtraction(db.driver, doc, { database: db.target.database, batchSize: 100_000 });
      assert.equal(summary.articles.failed, 1);
      assert.equal(summary.articles.new, 4);
      assert.deepEqual(summary.failures.map((f) => f.articles.map((a) => a.file)), [['02-farmers-march.txt']]);
      assert.match(summary.failures[0]!.message, /already exists|constraint/i);
      assert.deepEqual(await q('MATCH (a:Article {id: "a-courier-02"}) RETURN a'), []);
      assert.deepEqual(await q('MATCH (e:Entity) WHERE e.id IN ["e:location:tarvia-duplicate", "e:person:mara-reyl", "e:organization:brennmark-hydro"] RETURN e'), []);
      assert.equal((await q('MATCH (a:Article) RETURN count(a) AS n'))[0]!.n, 4);
    } finally {
      await db.driver.executeQuery('DROP CONSTRAINT test_location_name IF EXISTS', {}, { database: db.target.database });
    }
  });

  it('refuses an article whose facts name an entity it does not mention, and loads the others', async () => {
    const doc = fixtureDocument();
    doc.relations.push({
      subject: 'e:person:anton-korvaj', predicate: 'VISITED', object: 'e:location:tessenford', text: 'visited', confidence: 0.5,
      evidence: [{ article: 'a-northgate-03', sentence: 'Korvaj visited Tessenford.', start: 0, end: 26 }],
    });
    const summary = await loadExtraction(db.driver, doc, { database: db.target.database });
    assert.equal(summary.articles.failed, 1);
    assert.match(summary.failures[0]!.message, /does not mention e:location:tessenford/);
    assert.equal(summary.articles.new, 4);
  });

  it('stores text that looks like Cypher or HTML verbatim and inert', async () => {
    await loadExtraction(db.driver, fixtureDocument(), { database: db.target.database });
    const [row] = await q('MATCH (e:Person {id: "e:person:xss"})-[r:STATED]->() RETURN e.name AS name, r.evidenceSentence[0] AS sentence, r.evidenceQuote[0] AS quote');
    assert.equal(row!.name, '<img src=x onerror=alert(1)>');
    assert.match(row!.sentence, /'\}\) DETACH DELETE n \/\/\.$/);
    assert.equal(row!.quote, '<script>alert(1)</script>');
    assert.equal((await countGraph(db)).nodes, 18);
  });
});
