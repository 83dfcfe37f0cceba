import assert from 'node:assert/strict';
import Graph from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { evidenceOf, highlight, type Evidence } from '../../viz/src/evidence';
import { edgePasses, emptyFilters, nodePasses, type FilterState } from '../../viz/src/filters';
import { toGraphML } from '../../viz/src/graphml';
import type { EdgeData, NodeData } from '../../viz/src/types';

/** The viewer's pure parts, in Node: evidence marks, filter rules and the GraphML of the current view. */

const sentence = (text: string, extra: Partial<Evidence> = {}): Evidence => ({
  article: 'a1', sentence: text, start: 100, end: 100 + text.length, text: '', confidence: 0.8, date: '', quote: '', ...extra,
});

const marked = (segments: ReturnType<typeof highlight>): string =>
  segments.map((s) => (s.mark ? `[${s.mark}:${s.text}]` : s.text)).join('');

describe('viewer: evidence of a fact', () => {
  it('zips the parallel evidence lists, with -1 offsets read as unknown', () => {
    const evidence = evidenceOf({
      evidenceArticle: ['a1', 'a2'],
      evidenceSentence: ['One.', 'Two.'],
      evidenceStart: [0, 10],
      evidenceEnd: [4, 14],
      evidenceText: ['met', 'saw'],
      evidenceConfidence: [0.9, 0.5],
      evidenceDate: ['2025-03-10', ''],
      evidenceSubjectStart: [0, -1],
      evidenceSubjectEnd: [3, -1],
      evidenceObjectStart: [-1, -1],
      evidenceObjectEnd: [-1, -1],
      evidenceQuote: ['', '<q>'],
    });
    assert.equal(evidence.length, 2);
    assert.deepEqual(evidence[0]!.subject, [0, 3]);
    assert.equal(evidence[1]!.subject, undefined);
    assert.equal(evidence[1]!.object, undefined);
    assert.deepEqual([evidence[1]!.article, evidence[1]!.date, evidence[1]!.quote, evidence[1]!.confidence], ['a2', '', '<q>', 0.5]);
  });

  it('reads an older load that lacks some lists without failing', () => {
    const [only] = evidenceOf({ evidenceArticle: ['a1'], evidenceSentence: ['Text.'] });
    assert.deepEqual([only!.sentence, only!.start, only!.confidence, only!.subject], ['Text.', -1, null, undefined]);
  });

  const table: Array<[string, Evidence, string[], string[], string]> = [
    [
      'marks names found as whole words, longest alias first',
      sentence('Veldoran Foreign Minister Ilse Brandvik will attend the summit.', { text: 'will attend' }),
      ['Ilse Brandvik', 'Brandvik', 'Foreign Minister Ilse Brandvik'],
      ['Halvik summit', 'the summit'],
      'Veldoran [subject:Foreign Minister Ilse Brandvik] [relation:will attend] [object:the summit].',
    ],
    [
      'prefers the stored offsets, taken relative to the sentence start',
      sentence('Reyl met Reyl.', { subject: [109, 113], object: [100, 104], text: 'met' }),
      ['Reyl'],
      ['Reyl'],
      '[object:Reyl] [relation:met] [subject:Reyl].',
    ],
    [
      'falls back to names when the offsets lie outside the sentence',
      sentence('Tarvia agreed with Veldora.', { subject: [5, 9] }),
      ['Veldora'],
      ['Tarvia'],
      '[object:Tarvia] agreed with [subject:Veldora].',
    ],
    [
      'does not mark a name inside a longer word',
      sentence('The Veldoran envoy left.'),
      ['Veldora'],
      [],
      'The Veldoran envoy left.',
    ],
    [
      'keeps markup-looking text as it is',
      sentence('A sign reading "<img src=x onerror=alert(1)>" mocked Brennmark.', { text: 'read' }),
      ['<img src=x onerror=alert(1)>'],
      ['Brennmark'],
      'A sign reading "[subject:<img src=x onerror=alert(1)>]" mocked [object:Brennmark].',
    ],
  ];
  for (const [name, evidence, subjects, objects, expected] of table) {
    it(name, () => assert.equal(marked(highlight(evidence, subjects, objects)), expected));
  }
});

describe('viewer: filters', () => {
  const fact = (type: string, properties: EdgeData['properties']): Pick<EdgeData, 'type' | 'properties'> => ({ type, properties });
  const published = new Map([['a1', '2025-02-24'], ['a2', '2025-03-12']]);
  const publishedOf = (id: string): string | undefined => published.get(id);
  const state = (over: Partial<FilterState>): FilterState => ({ ...emptyFilters(), ...over });

  const rows: Array<[string, Pick<EdgeData, 'type' | 'properties'>, Partial<FilterState>, boolean]> = [
    ['no filter lets every fact through', fact('MET_WITH', {}), {}, true],
    ['a relationship type switched off', fact('MET_WITH', {}), { hiddenEdgeTypes: new Set(['MET_WITH']) }, false],
    ['an outlet chosen that reports the fact', fact('MET_WITH', { sourceNames: ['Wire', 'Post'] }), { sources: new Set(['Post']) }, true],
    ['an outlet chosen that does not', fact('MET_WITH', { sourceNames: ['Wire'] }), { sources: new Set(['Post']) }, false],
    ['a date from the text in range', fact('X', { dates: ['2025-03-10'] }), { from: '2025-03-01', to: '2025-03-10' }, true],
    ['a date from the text out of range', fact('X', { dates: ['2025-03-10'] }), { from: '2025-03-11' }, false],
    ['an article published in range', fact('X', { articles: ['a1'] }), { to: '2025-02-28' }, true],
    ['an undated fact against a range', fact('X', { articles: ['unknown'] }), { from: '2025-01-01' }, false],
  ];
  for (const [name, edge, over, passes] of rows) {
    it(`${name}: ${passes ? 'shown' : 'hidden'}`, () => assert.equal(edgePasses(edge, state(over), publishedOf), passes));
  }

  it('hides entities by type and articles by outlet', () => {
    assert.equal(nodePasses({ type: 'Person', properties: {} }, state({ hiddenNodeTypes: new Set(['Person']) })), false);
    assert.equal(nodePasses({ type: 'Location', properties: {} }, state({ hiddenNodeTypes: new Set(['Person']) })), true);
    assert.equal(nodePasses({ type: 'Article', properties: { source: 'Wire' } }, state({ sources: new Set(['Post']) })), false);
  });
});

describe('viewer: GraphML of the current view', () => {
  const nodes: NodeData[] = [
    { id: 'e:1', label: '<img src=x onerror=alert(1)>', type: 'Person', labels: ['Entity', 'Person'], properties: { id: 'e:1', name: 'A & B', mentionCount: 3, aliases: ['A', 'B'], type: 'Person' } },
    { id: 'e:2', label: 'Halvik', type: 'Location', labels: ['Entity', 'Location'], properties: { id: 'e:2', mentionCount: 2.5 } },
  ];
  const edges: EdgeData[] = [{ id: '5:abc:1', type: 'LOCATED_IN', source: 'e:1', target: 'e:2', properties: { confidence: 0.7, sources: 2, sourceNames: ['Wire', 'Post'] } }];

  it("reads back with graphology-graphml's parser, values and types kept", () => {
    const graph = parseGraphml(Graph, toGraphML(nodes, edges));
    assert.equal(graph.order, 2);
    assert.equal(graph.size, 1);
    assert.equal(graph.getNodeAttribute('e:1', 'label'), '<img src=x onerror=alert(1)>');
    assert.equal(graph.getNodeAttribute('e:1', 'name'), 'A & B');
    assert.equal(graph.getNodeAttribute('e:1', 'aliases'), 'A | B');
    // an integer in one node and a fraction in another make the key a double
    assert.equal(graph.getNodeAttribute('e:2', 'mentionCount'), 2.5);
    assert.equal(graph.getNodeAttribute('e:1', 'mentionCount'), 3);
    const edge = graph.edges()[0]!;
    assert.deepEqual([graph.source(edge), graph.target(edge), graph.getEdgeAttribute(edge, 'type'), graph.getEdgeAttribute(edge, 'sources')], ['e:1', 'e:2', 'LOCATED_IN', 2]);
  });

  it('declares one key per attribute name and domain', () => {
    const xml = toGraphML(nodes, edges);
    assert.equal((xml.match(/attr\.name="mentionCount"/g) ?? []).length, 1);
    assert.match(xml, /<key id="n\d+" for="node" attr.name="mentionCount" attr.type="double"\/>/);
    assert.match(xml, /<key id="e\d+" for="edge" attr.name="sources" attr.type="long"\/>/);
  });
});
