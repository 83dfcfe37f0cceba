import assert from 'node:assert/strict';
import { loadPresets, runPreset, type Json, type QueryResult, type QueryTarget } from '../../src/query';
import { fixtureGraph } from '../support/graph';

/** Rows as the table shows them: nodes by name, relationships by type, lists sorted where order is not the point. */
function table(result: QueryResult, columns: string[]): Json[][] {
  return result.rows.map((row) => columns.map((c) => simple(row[c] ?? null)));
}

function simple(value: Json): Json {
  if (Array.isArray(value)) return value.map(simple);
  if (value !== null && typeof value === 'object') {
    if (value.kind === 'node') return value.label;
    if (value.kind === 'relationship') return value.type;
  }
  return value;
}

describe('the presets on the fixture graph (integration)', function () {
  this.timeout(120_000);
  const catalog = loadPresets();
  let target: QueryTarget;
  const run = (name: string, params: Record<string, unknown> = {}): Promise<QueryResult> => runPreset(target, catalog.get(name), params);

  before(async () => {
    const db = await fixtureGraph();
    target = { driver: db.driver, database: db.target.database };
  });

  it('entity-profile: finds an entity by alias in any case, with its types, aliases and every fact with evidence and sources', async () => {
    const result = await run('entity-profile', { name: 'foreign minister ilse brandvik' });
    assert.deepEqual(table(result, ['entity', 'types', 'relation', 'direction', 'other', 'text', 'sources', 'sourceNames']), [
      ['Ilse Brandvik', ['Person'], 'ATTENDED', 'out', 'Halvik summit', 'will attend', 2, ['Meridian Wire', 'Continental Post']],
      ['Ilse Brandvik', ['Person'], 'HOLDS_POSITION', 'out', 'Veldora', 'Foreign Minister', 1, ['Meridian Wire']],
      ['Ilse Brandvik', ['Person'], 'NEGOTIATED_WITH', 'out', 'Tomas Reyl', 'negotiated with', 1, ['Continental Post']],
    ]);
    assert.deepEqual([...(result.rows[0].aliases as string[])].sort(), ['Brandvik', 'Foreign Minister Ilse Brandvik', 'Ilse Brandvik']);
    assert.deepEqual(result.rows[0].evidence, [
      'Veldoran Foreign Minister Ilse Brandvik will attend the Halvik summit on March 10.',
      'Brandvik attended the Halvik water summit, which ended with the accord.',
    ]);
    // the graph part: the entity, the three at the other end, and the three facts between them
    assert.deepEqual(result.nodes.map((n) => n.data.id).sort(), ['e:event:halvik-summit', 'e:location:veldora', 'e:person:ilse-brandvik', 'e:person:tomas-reyl']);
    assert.equal(result.edges.length, 3);
    const holds = result.edges.find((e) => e.data.type === 'HOLDS_POSITION');
    assert.deepEqual([holds?.data.source, holds?.data.target, holds?.data.properties.title], ['e:person:ilse-brandvik', 'e:location:veldora', 'Foreign Minister']);
  });

  it('entity-profile: the surname alone finds the Reyl whose alias it is, not the other one', async () => {
    const result = await run('entity-profile', { name: 'Reyl' });
    assert.deepEqual(table(result, ['entity', 'relation', 'direction', 'other']), [
      ['Tomas Reyl', 'ATTENDED', 'out', 'Halvik summit'],
      ['Tomas Reyl', 'NEGOTIATED_WITH', 'in', 'Ilse Brandvik'],
    ]);
  });

  it('entity-profile: an entity with no facts still comes back with its types; an unknown name gives no rows', async () => {
    assert.deepEqual(table(await run('entity-profile', { name: 'the accord' }), ['entity', 'types', 'relation', 'other']), [['Halvik Accord', ['Other'], null, null]]);
    assert.deepEqual((await run('entity-profile', { name: 'Nobody "at" all\\' })).rows, []);
  });

  it('entity: by id, with mention counts', async () => {
    const result = await run('entity', { id: 'e:location:veldora' });
    assert.deepEqual(table(result, ['entity', 'mentionCount', 'articleCount', 'relation', 'direction', 'other']), [
      ['Veldora', 6, 4, 'AGREED_WITH', 'out', 'Tarvia'],
      ['Veldora', 6, 4, 'HOLDS_POSITION', 'in', 'Ilse Brandvik'],
      ['Veldora', 6, 4, 'NEGOTIATED_WITH', 'out', 'Tarvia'],
    ]);
    assert.deepEqual([...(result.rows[0].types as string[])].sort(), ['Country', 'Location']);
  });

  it('neighbourhood: breadth first, hop by hop, with the facts that reach each entity', async () => {
    const two = await run('neighbourhood', { name: 'Ilse Brandvik', hops: 2 });
    assert.deepEqual(table(two, ['hop', 'entity', 'reachedBy']).map(([hop, name, by]) => [hop, name, [...(by as string[])].sort()]), [
      [0, 'Ilse Brandvik', []],
      [1, 'Veldora', ['HOLDS_POSITION']],
      [1, 'Halvik summit', ['ATTENDED']],
      [1, 'Tomas Reyl', ['NEGOTIATED_WITH']],
      [2, 'Tarvia', ['AGREED_WITH', 'NEGOTIATED_WITH']],
      [2, 'Halvik', ['LOCATED_IN']],
    ]);
    const one = await run('neighbourhood', { name: 'Ilse Brandvik', hops: 1 });
    assert.deepEqual(table(one, ['hop', 'entity']), [[0, 'Ilse Brandvik'], [1, 'Veldora'], [1, 'Halvik summit'], [1, 'Tomas Reyl']]);
    // limit 1 keeps the most mentioned entity of each hop: Veldora (6), then Tarvia, whose only other link is Veldora
    const capped = await run('neighbourhood', { name: 'Ilse Brandvik', hops: 3, limit: 1 });
    assert.deepEqual(table(capped, ['hop', 'entity']), [[0, 'Ilse Brandvik'], [1, 'Veldora'], [2, 'Tarvia']]);
    const three = await run('neighbourhood', { name: 'Ilse Brandvik', hops: 3 });
    assert.deepEqual(table(three, ['hop', 'entity']).filter(([hop]) => hop === 3), [[3, 'Sarn Basin Commission']]);
  });

  it('facts-between: both directions, with evidence', async () => {
    const result = await run('facts-between', { a: 'Tarvia', b: 'Veldoran' });
    assert.deepEqual(table(result, ['subject', 'relation', 'object', 'text', 'sources', 'dates']), [
      ['Veldora', 'AGREED_WITH', 'Tarvia', 'signed', 1, ['2025-03-12']],
      ['Veldora', 'NEGOTIATED_WITH', 'Tarvia', 'held talks with', 2, ['2025-03-11']],
    ]);
    assert.deepEqual(result.rows[0].evidence, ['Veldora and Tarvia signed the Halvik Accord on March 12.']);
    assert.deepEqual((await run('facts-between', { a: 'Mara Reyl', b: 'Tomas Reyl' })).rows, []);
  });

  it('shortest-path: step by step through facts only, never through an article', async () => {
    const result = await run('shortest-path', { a: 'Tomas Reyl', b: 'Korvaj' });
    assert.deepEqual(table(result, ['step', 'from', 'relation', 'direction', 'to']), [
      [1, 'Tomas Reyl', 'ATTENDED', 'out', 'Halvik summit'],
      [2, 'Halvik summit', 'LOCATED_IN', 'out', 'Halvik'],
      [3, 'Halvik', 'LOCATED_IN', 'in', 'Sarn Basin Commission'],
      [4, 'Sarn Basin Commission', 'LEADS', 'in', 'Anton Korvaj'],
    ]);
    assert.equal(result.edges.length, 4);
    // Mara Reyl's only fact leads to a company no one else is linked to but the XSS test person
    assert.deepEqual((await run('shortest-path', { a: 'Mara Reyl', b: 'Tomas Reyl' })).rows, []);
  });

  it('attendance: every event, or one event by alias', async () => {
    const expected = [
      ['Halvik summit', 'Ilse Brandvik', ['Person'], ['2025-03-10'], 2],
      ['Halvik summit', 'Tomas Reyl', ['Person'], ['2025-03-10'], 1],
    ];
    assert.deepEqual(table(await run('attendance'), ['event', 'attendee', 'types', 'dates', 'sources']), expected);
    assert.deepEqual(table(await run('attendance', { event: 'halvik water summit' }), ['event', 'attendee', 'types', 'dates', 'sources']), expected);
    assert.deepEqual((await run('attendance', { event: 'Halvik Accord' })).rows, []);
  });

  it('most-connected: by number of facts, then mentions; optionally one type', async () => {
    assert.deepEqual(table(await run('most-connected', { limit: 4 }), ['entity', 'facts', 'mentions']), [
      ['Ilse Brandvik', 3, 7],
      ['Sarn Basin Commission', 3, 7],
      ['Veldora', 3, 6],
      ['Halvik summit', 3, 4],
    ]);
    assert.deepEqual(table(await run('most-connected', { type: 'Person' }), ['entity', 'facts']), [
      ['Ilse Brandvik', 3],
      ['Tomas Reyl', 2],
      ['Anton Korvaj', 1],
      ['<img src=x onerror=alert(1)>', 1],
      ['Mara Reyl', 1],
    ]);
  });

  it('most-mentioned: by mention count, then article count', async () => {
    assert.deepEqual(table(await run('most-mentioned', { limit: 5 }), ['entity', 'mentions', 'articles', 'facts']), [
      ['Sarn Basin Commission', 7, 4, 3],
      ['Ilse Brandvik', 7, 3, 3],
      ['Veldora', 6, 4, 3],
      ['Tarvia', 5, 3, 2],
      ['Anton Korvaj', 5, 2, 1],
    ]);
  });

  it('co-mentioned: by shared articles, saying whether a fact links them', async () => {
    assert.deepEqual(table(await run('co-mentioned', { name: 'Brandvik' }), ['other', 'articles', 'linked']), [
      ['Halvik summit', 3, true],
      ['Sarn Basin Commission', 3, false],
      ['Anton Korvaj', 2, false],
      ['Halvik', 2, false],
      ['Tarvia', 2, false],
      ['Veldora', 2, true],
      ['Halvik Accord', 1, false],
      ['Tomas Reyl', 1, true],
    ]);
  });

  it('article-facts: by id or key, with only that article\'s sentences', async () => {
    const expected = [
      ['Anton Korvaj', 'LEADS', 'Sarn Basin Commission', ["Korvaj, the commission's chair, witnessed the signing."]],
      ['Ilse Brandvik', 'ATTENDED', 'Halvik summit', ['Brandvik attended the Halvik water summit, which ended with the accord.']],
      ['Ilse Brandvik', 'NEGOTIATED_WITH', 'Tomas Reyl', ['Brandvik negotiated with Reyl for two days.']],
      ['Tomas Reyl', 'ATTENDED', 'Halvik summit', ['Minister Tomas Reyl attended the summit for Tarvia.']],
      ['Veldora', 'AGREED_WITH', 'Tarvia', ['Veldora and Tarvia signed the Halvik Accord on March 12.']],
      ['Veldora', 'NEGOTIATED_WITH', 'Tarvia', ['Veldora negotiated with Tarvia through the night.']],
    ];
    assert.deepEqual(table(await run('article-facts', { article: 'a-post-05' }), ['subject', 'relation', 'object', 'evidence']), expected);
    assert.deepEqual(table(await run('article-facts', { article: 'https://post.example/accord' }), ['subject', 'relation', 'object', 'evidence']), expected);
    assert.deepEqual(table(await run('article-facts', { article: 'a-meridian-04' }), ['subject', 'relation', 'object']), [
      ['Sarn Basin Commission', 'DEPLOYED_TO', 'Tessenford'],
    ]);
  });

  it('corroborated: facts with at least N sources', async () => {
    assert.deepEqual(table(await run('corroborated'), ['subject', 'relation', 'object', 'sources', 'sourceNames']), [
      ['Anton Korvaj', 'LEADS', 'Sarn Basin Commission', 2, ['Northgate Review', 'Continental Post']],
      ['Ilse Brandvik', 'ATTENDED', 'Halvik summit', 2, ['Meridian Wire', 'Continental Post']],
      ['Veldora', 'NEGOTIATED_WITH', 'Tarvia', 2, ['Meridian Wire', 'Continental Post']],
    ]);
    assert.deepEqual((await run('corroborated', { minSources: 3 })).rows, []);
    assert.equal((await run('corroborated', { minSources: 1 })).rows.length, 12);
  });

  it('single-source: the facts only one outlet reports, least confident first', async () => {
    assert.deepEqual(table(await run('single-source'), ['subject', 'relation', 'object', 'source', 'confidence']), [
      ['<img src=x onerror=alert(1)>', 'STATED', 'Brennmark Hydro Group', 'The Tarvian Courier', 0.5],
      ['Mara Reyl', 'CRITICIZED', 'Brennmark Hydro Group', 'The Tarvian Courier', 0.7],
      ['Sarn Basin Commission', 'LOCATED_IN', 'Halvik', 'Meridian Wire', 0.7],
      ['Ilse Brandvik', 'NEGOTIATED_WITH', 'Tomas Reyl', 'Continental Post', 0.75],
      ['Halvik summit', 'LOCATED_IN', 'Halvik', 'Meridian Wire', 0.8],
      ['Sarn Basin Commission', 'DEPLOYED_TO', 'Tessenford', 'Meridian Wire', 0.8],
      ['Tomas Reyl', 'ATTENDED', 'Halvik summit', 'Continental Post', 0.85],
      ['Veldora', 'AGREED_WITH', 'Tarvia', 'Continental Post', 0.85],
      ['Ilse Brandvik', 'HOLDS_POSITION', 'Veldora', 'Meridian Wire', 0.9],
    ]);
  });

  it('timeline: dated facts in date order', async () => {
    assert.deepEqual(table(await run('timeline', { name: 'Veldora' }), ['date', 'relation', 'direction', 'other', 'text']), [
      ['2025-03-11', 'NEGOTIATED_WITH', 'out', 'Tarvia', 'held talks with'],
      ['2025-03-12', 'AGREED_WITH', 'out', 'Tarvia', 'signed'],
    ]);
    assert.deepEqual(table(await run('timeline', { name: 'Halvik summit' }), ['date', 'relation', 'direction', 'other']), [
      ['2025-03-10', 'ATTENDED', 'in', 'Ilse Brandvik'],
      ['2025-03-10', 'ATTENDED', 'in', 'Tomas Reyl'],
      ['2025-03-10', 'LOCATED_IN', 'out', 'Halvik'],
    ]);
  });

  it('schema: every label and relationship type with its count', async () => {
    const counts = Object.fromEntries((await run('schema')).rows.map((r) => [`${r.kind}:${r.name}`, r.count]));
    assert.deepEqual(counts, {
      'label:Entity': 13, 'label:Article': 5, 'label:Person': 5, 'label:Location': 4, 'label:Country': 2,
      'label:Organization': 2, 'label:Event': 1, 'label:Other': 1,
      'relationship:MENTIONS': 29, 'relationship:ATTENDED': 2, 'relationship:LOCATED_IN': 2, 'relationship:NEGOTIATED_WITH': 2,
      'relationship:AGREED_WITH': 1, 'relationship:CRITICIZED': 1, 'relationship:DEPLOYED_TO': 1, 'relationship:HOLDS_POSITION': 1,
      'relationship:LEADS': 1, 'relationship:STATED': 1,
    });
  });

  it('search: full text over names and aliases, best match first', async () => {
    assert.deepEqual(table(await run('search', { q: 'halvik' }), ['name', 'type']), [
      ['Halvik', 'Location'],
      ['Halvik summit', 'Event'],
      ['Halvik Accord', 'Other'],
    ]);
    assert.deepEqual(table(await run('search', { q: 'sbc' }), ['name']), [['Sarn Basin Commission']]);
    assert.deepEqual(table(await run('search', { q: 'brenn*' }), ['name']), [['Brennmark Hydro Group']]);
  });

  it('keeps hostile strings inert: they come back as data', async () => {
    const result = await run('entity-profile', { name: '<img src=x onerror=alert(1)>' });
    assert.deepEqual(table(result, ['entity', 'relation', 'other']), [['<img src=x onerror=alert(1)>', 'STATED', 'Brennmark Hydro Group']]);
  });
});
