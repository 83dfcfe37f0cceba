import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ConfigError, StageError } from '../../src/errors';
import { checkPipeline, DEFAULT_PIPELINE, DEFAULT_SCHEMA, Extractor, loadSchema } from '../../ingest/extract';
import { resolveSchema } from '../../ingest/schema';
import { article, extractor } from './helpers';

const fixtures = join(__dirname, '..', 'fixtures', 'extract');

describe('extract: schema and stages', function () {
  this.timeout(20000);

  it('the default schema has the spec node and relationship types', () => {
    assert.deepEqual(DEFAULT_SCHEMA.nodeTypes.map((t) => t.name), ['Person', 'Organization', 'Location', 'Event', 'Other']);
    for (const t of ['ATTENDED', 'NEGOTIATED_WITH', 'STATED', 'HOLDS_POSITION', 'LOCATED_IN', 'RELATED_TO']) {
      assert.ok(DEFAULT_SCHEMA.relationTypes.some((r) => r.name === t), t);
    }
  });

  it('a YAML schema file extends the default: a new type and the verb that signals it', () => {
    const schema = loadSchema(join(fixtures, 'schema-extend.yaml'));
    assert.ok(schema.relationTypes.some((t) => t.name === 'DEFEATED'));
    assert.ok(schema.relationTypes.some((t) => t.name === 'ATTENDED'), 'the default stays');
    const x = new Extractor({ schema });
    const doc = x.merge([x.article(article('Real Madrid defeated Barcelona on Sunday.'))]);
    const names = new Map(doc.entities.map((e) => [e.id, e.name]));
    assert.ok(doc.relations.some((r) => r.predicate === 'DEFEATED' && names.get(r.subject) === 'Real Madrid' && names.get(r.object) === 'Barcelona'), JSON.stringify(doc.relations));
  });

  it('mode replace drops the default', () => {
    const schema = resolveSchema({ mode: 'replace', nodeTypes: [{ name: 'Person' }], relationTypes: [{ name: 'KNOWS' }], verbs: [{ verbs: ['know'], predicate: 'KNOWS' }] });
    assert.deepEqual(schema.relationTypes.map((t) => t.name), ['KNOWS']);
  });

  it('a pattern naming an unknown relationship type fails before any article is read', () => {
    assert.throws(() => loadSchema(join(fixtures, 'schema-bad.json')), (e: unknown) => e instanceof ConfigError && /EMPLOYED/.test((e as Error).message));
    assert.throws(() => loadSchema(join(fixtures, 'missing.json')), ConfigError);
  });

  it('the pipeline is checked: a stage before what it needs is refused', () => {
    assert.equal(checkPipeline(DEFAULT_PIPELINE).length, 7);
    assert.throws(() => checkPipeline(['read', 'clean', 'entities', 'segment']), (e: unknown) => e instanceof StageError && /needs analysis/.test((e as Error).message));
    assert.throws(() => checkPipeline(['read', 'nonsense']), StageError);
  });

  it('the per-article result is plain data that survives JSON', () => {
    const result = extractor().article(article('Chancellor Olaf Scholz visited Warsaw on Tuesday.'));
    assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
    assert.equal(result.article.key, '/tmp/test.txt');
  });
});
