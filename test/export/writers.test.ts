import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { exportSchema, memoryGraph, writeGraph, type ExportFormat, type GraphEdge, type GraphNode } from '../../src/export';
import { networkxMissing, readWithNetworkx, validateGraphml, xmllintMissing } from './readers';

/** Text as scrapers deliver it: markup, quotes, control characters, broken surrogate pairs, CR LF, tabs. */
const HOSTILE = 'Bell\u0000Labs\u0007 <img src=x onerror=alert(1)> & "quotes"\r\n\ttab \uD800 lone \uDC00 low 😀 pair';
const HOSTILE_READ = 'Bell\uFFFDLabs\uFFFD <img src=x onerror=alert(1)> & "quotes"\r\n\ttab \uFFFD lone \uFFFD low 😀 pair';

const schema = exportSchema({ includeArticles: false, extraEdgeAttributes: [{ name: 'title', type: 'string', list: false, stored: true, graph: true }] });

const node = (id: string, name: string, more: Record<string, unknown> = {}): GraphNode => ({
  id,
  labels: ['Entity', 'Person'],
  attributes: { label: name, labels: ':Entity:Person', type: 'Person', name, aliases: [name], mentionCount: 2, articleCount: 1, degree: 0, ...more },
});
const nodes: GraphNode[] = [
  node('e:person:ada', 'Ada', { aliases: ['Ada', 'A. Lovelace'], degree: 4, mentionCount: 7 }),
  node('e:person:odd id_1', HOSTILE, { aliases: [HOSTILE, 'x'], degree: 2 }),
  node('e:person:quiet', 'Quiet', { aliases: undefined, mentionCount: undefined }),
];
const edge = (id: string, source: string, target: string, type: string, more: Record<string, unknown> = {}): GraphEdge => ({
  id,
  source,
  target,
  type,
  attributes: { type, text: 'met', texts: ['met'], confidence: 0.85, articles: ['a1', 'a2'], sources: 2, sourceNames: ['Wire', 'Post'], evidenceCount: 3, dates: ['2025-02-24'], firstDate: '2025-02-24', lastDate: '2025-02-24', evidenceSentence: ['never in graph formats'], ...more },
});
const edges: GraphEdge[] = [
  edge('r1', 'e:person:ada', 'e:person:odd id_1', 'MET_WITH'),
  // a parallel edge: same ends, another type
  edge('r2', 'e:person:ada', 'e:person:odd id_1', 'CRITICIZED', { text: HOSTILE, confidence: 0.5, title: 'Minister' }),
  edge('r3', 'e:person:ada', 'e:person:ada', 'PRAISED', { dates: undefined, firstDate: undefined, lastDate: undefined }),
];

async function render(format: ExportFormat): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const counts = await writeGraph(memoryGraph(schema, nodes, edges), format, out);
  assert.deepEqual(counts, { nodes: 3, edges: 3 });
  return Buffer.concat(chunks);
}

describe('export: writers on a hostile graph', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graphwire-export-writers-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('GraphML', () => {
    let text: string;
    let file: string;
    before(async () => {
      text = (await render('graphml')).toString('utf8');
      file = path.join(dir, 'hostile.graphml');
      fs.writeFileSync(file, text);
    });

    it('declares every key before the graph, with GraphML types', () => {
      const keys = [...text.matchAll(/<key id="([^"]+)" for="(node|edge)" attr.name="([^"]+)" attr.type="([^"]+)"/g)].map((m) => `${m[2]} ${m[3]} ${m[4]}`);
      for (const k of ['node mentionCount int', 'node degree int', 'node aliases string', 'node community long', 'edge confidence double', 'edge evidenceCount int', 'edge articles string', 'edge title string']) {
        assert.ok(keys.includes(k), `missing key ${k} in ${keys.join(', ')}`);
      }
      assert.ok(!keys.some((k) => k.includes('evidenceSentence')), 'evidence lists belong to the CSV dump only');
      assert.ok(text.indexOf('<key ') < text.indexOf('<graph '));
    });

    it('is valid against the official GraphML schema', function () {
      const missing = xmllintMissing();
      if (missing) {
        console.log(`      skipped: ${missing}`);
        this.skip();
      }
      assert.equal(validateGraphml(file), '');
    });

    it("reads back with graphology-graphml's parser: parallel edges, self-loop, values", () => {
      const g = parseGraphml(Graph, text);
      assert.equal(g.order, 3);
      assert.equal(g.size, 3);
      assert.equal(g.type, 'directed');
      const odd = 'e:person:odd_x20_id_x5F_1';
      assert.equal(g.getNodeAttribute(odd, 'name'), HOSTILE_READ);
      assert.equal(g.getNodeAttribute(odd, 'aliases'), `${HOSTILE_READ} | x`);
      assert.equal(g.getNodeAttribute('e:person:ada', 'mentionCount'), 7);
      assert.equal(g.getNodeAttribute('e:person:quiet', 'mentionCount'), undefined);
      assert.equal(g.edges('e:person:ada', odd).length, 2);
      assert.equal(g.getEdgeAttribute('r2', 'text'), HOSTILE_READ);
      assert.equal(g.getEdgeAttribute('r2', 'confidence'), 0.5);
      assert.equal(g.getEdgeAttribute('r2', 'title'), 'Minister');
      assert.equal(g.getEdgeAttribute('r1', 'articles'), 'a1 | a2');
      assert.equal(g.source('r3'), g.target('r3'));
    });

    it('reads back with NetworkX, typed', function () {
      const missing = networkxMissing();
      if (missing) {
        console.log(`      skipped: ${missing}`);
        this.skip();
      }
      const g = readWithNetworkx(file);
      assert.ok(g.directed && g.multigraph);
      assert.equal(Object.keys(g.nodes).length, 3);
      assert.equal(g.edges.length, 3);
      assert.equal(g.nodes['e:person:odd_x20_id_x5F_1']!.name, HOSTILE_READ);
      assert.equal(g.nodes['e:person:ada']!.degree, 4);
      const r2 = g.edges.find((e) => e.key === 'r2')!;
      assert.deepEqual([r2.attributes.type, r2.attributes.confidence, r2.attributes.evidenceCount], ['CRITICIZED', 0.5, 3]);
    });
  });

  it('GEXF reads back with graphology-gexf, values cleaned of what XML cannot hold', async () => {
    const g = parseGexf(Graph, (await render('gexf')).toString('utf8'));
    assert.equal(g.order, 3);
    assert.equal(g.size, 3);
    assert.equal(g.getNodeAttribute('e:person:odd id_1', 'label'), HOSTILE_READ);
    assert.equal(g.getNodeAttribute('e:person:ada', 'mentionCount'), 7);
    const r2 = g.findEdge((_e, a) => a.type === 'CRITICIZED');
    assert.ok(r2);
    assert.equal(g.getEdgeAttribute(r2, 'confidence'), 0.5);
    assert.equal(g.getEdgeAttribute(r2, 'title'), 'Minister');
  });

  it('cytoscape JSON is elements.nodes/edges of {data}, lists as arrays', async () => {
    const json = JSON.parse((await render('json')).toString('utf8')) as { elements: { nodes: { data: Record<string, unknown> }[]; edges: { data: Record<string, unknown> }[] } };
    assert.equal(json.elements.nodes.length, 3);
    assert.equal(json.elements.edges.length, 3);
    const odd = json.elements.nodes.find((n) => n.data.id === 'e:person:odd id_1')!;
    assert.deepEqual(odd.data.aliases, [HOSTILE, 'x']);
    const r2 = json.elements.edges.find((e) => e.data.id === 'r2')!;
    assert.deepEqual([r2.data.source, r2.data.target, r2.data.type, r2.data.title], ['e:person:ada', 'e:person:odd id_1', 'CRITICIZED', 'Minister']);
    assert.equal(r2.data.evidenceSentence, undefined);
  });

  it('CSV comes as a tar that tar lists and unpacks, with neo4j-admin headers', async function () {
    const file = path.join(dir, 'graph.tar');
    fs.writeFileSync(file, await render('csv'));
    const list = spawnSync('tar', ['-tf', file], { encoding: 'utf8' });
    if (list.error) {
      console.log('      skipped: no tar command');
      this.skip();
    }
    assert.deepEqual(list.stdout.trim().split('\n'), ['nodes.csv', 'relationships.csv']);
    const out = path.join(dir, 'unpacked');
    fs.mkdirSync(out);
    assert.equal(spawnSync('tar', ['-xf', file, '-C', out]).status, 0);
    const nodesCsv = fs.readFileSync(path.join(out, 'nodes.csv'), 'utf8');
    assert.match(nodesCsv.split('\n')[0]!, /^id:ID,:LABEL,type:string,name:string,aliases:string\[\],.*mentionCount:int/);
    const rels = fs.readFileSync(path.join(out, 'relationships.csv'), 'utf8');
    assert.match(rels.split('\n')[0]!, /^:START_ID,:END_ID,:TYPE,.*confidence:double.*evidenceSentence:string\[\].*title:string/);
    assert.ok(rels.includes('"a1\u001Fa2"'), 'lists are joined by the array delimiter');
  });
});
