import assert from 'node:assert/strict';
import { entityId, joinKnown, namesToLookUp, type KnownEntity } from '../../ingest/resolve';
import type { ExtractedEntity, ExtractedRelation, ExtractionDocument } from '../../src/model/extraction';

type E = [name: string, type: string, aliases?: string[]];

function entity([name, type, aliases = []]: E, article = 'a1'): ExtractedEntity {
  return { id: entityId(type, name), name, type, aliases: [...new Set([name, ...aliases])], articles: [article], mentions: [{ article, count: 1, aliases: [name] }] };
}

function known([name, type, aliases = []]: E): KnownEntity {
  return { id: entityId(type, name), name, type, aliases: [...new Set([name, ...aliases])] };
}

function doc(entities: E[], relations: ExtractedRelation[] = []): ExtractionDocument {
  return { articles: [{ id: 'a1', file: 'a1.txt' }], entities: entities.map((e) => entity(e)), relations };
}

const id = (name: string, type = 'Person'): string => entityId(type, name);

describe('resolution over time: a new document joined to entities already in the graph', () => {
  // [what, the document's entities, the graph's entities, expected: document name -> graph name it joins (absent: none)]
  const cases: Array<[string, E[], E[], Record<string, string>]> = [
    ['a lone surname joins the one known person with it', [['Esper', 'Person']], [['Mark Esper', 'Person']], { Esper: 'Mark Esper' }],
    ['a lone first name joins the one known person with it', [['Ilse', 'Person']], [['Ilse Brandt', 'Person']], { Ilse: 'Ilse Brandt' }],
    ['an acronym joins the body that has it as an alias', [['NATO', 'Organization']], [['North Atlantic Treaty Organization', 'Organization', ['NATO']]], { NATO: 'North Atlantic Treaty Organization' }],
    ['an alias written differently still meets ("the U.N." / "UN")', [['the U.N.', 'Organization']], [['United Nations', 'Organization', ['UN']]], { 'the U.N.': 'United Nations' }],
    ['a full name the graph has as an alias', [['Secretary Mark Esper', 'Person', ['Mark T. Esper']]], [['Mark Esper', 'Person', ['Mark T. Esper']]], { 'Secretary Mark Esper': 'Mark Esper' }],
    // must not join
    ['a surname two known people share joins neither', [['Esper', 'Person']], [['Mark Esper', 'Person'], ['Jane Esper', 'Person']], {}],
    ['a surname shared by a known person and a new full name here joins neither', [['Esper', 'Person'], ['Jane Esper', 'Person']], [['Mark Esper', 'Person']], {}],
    ['two full names never join on a shared surname', [['Boris Johnson', 'Person']], [['Paul Johnson', 'Person']], {}],
    ['a person never joins a body or place of the same word', [['Esper', 'Organization']], [['Mark Esper', 'Person']], {}],
    ['a word inside a longer word is not the name', [['Esperanza', 'Person']], [['Mark Esper', 'Person']], {}],
    ['an alias two known bodies share joins neither', [['ECB', 'Organization']], [['European Central Bank', 'Organization', ['ECB']], ['Eastern Caribbean Bank', 'Organization', ['ECB']]], {}],
    ['the same name with another type is another thing', [['Georgia', 'Person']], [['Georgia', 'Location']], {}],
    ['a lone word never matches a known person by a lone word of theirs', [['Brandt', 'Person']], [['Brandt', 'Organization']], {}],
  ];
  for (const [what, mine, graph, expected] of cases) {
    it(what, () => {
      const { doc: out, joins } = joinKnown(doc(mine), graph.map(known), new Set());
      const joined: Record<string, string> = {};
      for (const j of joins) {
        const from = mine.find((e) => entityId(e[1], e[0]) === j.from)!;
        joined[from[0]] = graph.find((g) => entityId(g[1], g[0]) === j.to)![0];
        assert.match(j.because, /already in the graph/);
      }
      assert.deepEqual(joined, expected);
      for (const [from, to] of Object.entries(expected)) {
        const type = mine.find((e) => e[0] === from)![1];
        const node = out.entities.find((e) => e.id === entityId(type, to))!;
        assert.equal(node.name, to, 'the node keeps the name the graph gave it');
        assert.ok(node.aliases.includes(from), 'the new surface form becomes an alias');
        assert.equal(out.entities.some((e) => e.id === entityId(type, from)), false);
      }
      if (joins.length === 0) assert.deepEqual(out, doc(mine));
    });
  }

  it('leaves alone an entity whose own id is already in the graph', () => {
    const mine = doc([['Esper', 'Person']]);
    const { joins } = joinKnown(mine, [known(['Mark Esper', 'Person'])], new Set([id('Esper')]));
    assert.deepEqual(joins, []);
  });

  it('two entities that join the same known one become one; their facts follow, coincide and merge; a fact between them goes', () => {
    const ev = (start: number) => ({ article: 'a1', sentence: 's', start, end: start + 1 });
    const rel = (s: string, p: string, o: string, start: number, confidence = 0.5): ExtractedRelation => ({ subject: s, predicate: p, object: o, text: p.toLowerCase(), confidence, evidence: [ev(start)] });
    const mine: ExtractionDocument = {
      articles: [{ id: 'a1', file: 'a1.txt' }, { id: 'a2', file: 'a2.txt' }],
      entities: [entity(['Esper', 'Person']), entity(['Mark', 'Person'], 'a2'), entity(['Brussels', 'Location'])],
      relations: [rel(id('Esper'), 'VISITED', id('Brussels', 'Location'), 0), rel(id('Mark'), 'VISITED', id('Brussels', 'Location'), 5, 0.9), rel(id('Esper'), 'MET_WITH', id('Mark'), 9)],
    };
    const { doc: out, joins } = joinKnown(mine, [known(['Mark Esper', 'Person'])], new Set());
    assert.equal(joins.length, 2);
    const esper = out.entities.filter((e) => e.id === id('Mark Esper'));
    assert.equal(esper.length, 1);
    assert.deepEqual(esper[0]!.articles, ['a1', 'a2']);
    assert.deepEqual(esper[0]!.mentions!.map((m) => [m.article, m.count]), [['a1', 1], ['a2', 1]]);
    assert.deepEqual(esper[0]!.aliases, ['Mark Esper', 'Esper', 'Mark']);
    assert.equal(out.relations.length, 1);
    assert.equal(out.relations[0]!.subject, id('Mark Esper'));
    assert.equal(out.relations[0]!.confidence, 0.9);
    assert.deepEqual(out.relations[0]!.evidence.map((e) => e.start), [0, 5]);
  });

  it('looks up the one-word names and aliases of entities new to the graph, and no descriptions', () => {
    const mine = doc([['Esper', 'Person', ['ESPER', 'Dr. Esper']], ['Mark Esper', 'Person'], ['North Atlantic Treaty Organization', 'Organization', ['NATO']], ['the talks', 'Event']]);
    assert.deepEqual(namesToLookUp(mine, new Set([id('Mark Esper')])), [
      { name: 'Esper', type: 'Person' },
      { name: 'ESPER', type: 'Person' },
      { name: 'NATO', type: 'Organization' },
    ]);
  });
});
