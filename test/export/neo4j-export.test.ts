import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { IMPORT_OPTIONS, exportCsvToFolder, exportGraph, resultGraph, writeGraph, type ExportFormat } from '../../src/export';
import { DEFAULT_READ_LIMITS, loadPresets, runPreset } from '../../src/query';
import { fixtureGraph } from '../support/graph';
import type { TestNeo4j } from '../support/neo4j';
import { networkxMissing, readWithNetworkx, validateGraphml, xmllintMissing, type ReadBack } from './readers';

const NEO4J_LIB = path.resolve(__dirname, '..', '..', 'neo4j', 'target', 'lib');

interface Fact {
  source: string;
  target: string;
  type: string;
  text: string;
  confidence: number;
  articles: string[];
  evidenceCount: number;
  sources: number;
  title: string | null;
}

describe('export: the fixture graph from Neo4j, read back by other tools', function () {
  this.timeout(120_000);
  let db: TestNeo4j;
  let dir: string;
  let entities: Map<string, { name: string; type: string; aliases: string[]; mentionCount: number; degree: number }>;
  let facts: Fact[];
  const database = (): string | undefined => db.target.database;

  before(async () => {
    db = await fixtureGraph();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graphwire-export-'));
    const e = await db.driver.executeQuery(
      `MATCH (n:Entity) RETURN n.id AS id, n.name AS name, n.type AS type, n.aliases AS aliases, n.mentionCount AS mentionCount,
              size([(n)-[r]-(m:Entity) | r]) + size([(n)-[r]->(n) | r]) AS degree`,
      {},
      { database: database() },
    );
    entities = new Map(e.records.map((r) => [r.get('id'), { name: r.get('name'), type: r.get('type'), aliases: r.get('aliases'), mentionCount: r.get('mentionCount'), degree: r.get('degree') }]));
    const f = await db.driver.executeQuery(
      `MATCH (s:Entity)-[r]->(o:Entity) RETURN s.id AS source, o.id AS target, type(r) AS type, r.text AS text, r.confidence AS confidence,
              r.articles AS articles, r.evidenceCount AS evidenceCount, r.sources AS sources, r.title AS title`,
      {},
      { database: database() },
    );
    facts = f.records.map((r) => r.toObject() as Fact);
    assert.ok(entities.size >= 10 && facts.length >= 10, 'the fixture loaded');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function exportTo(format: ExportFormat, name: string, includeArticles = false): Promise<string> {
    const file = path.join(dir, name);
    const out = fs.createWriteStream(file);
    await exportGraph(db.driver, format, out, { database: database(), includeArticles });
    await new Promise((resolve) => out.end(resolve));
    return file;
  }

  function assertSameGraph(g: ReadBack, reader: string): void {
    assert.equal(Object.keys(g.nodes).length, entities.size, `${reader}: node count`);
    assert.equal(g.edges.length, facts.length, `${reader}: edge count`);
    for (const [id, entity] of entities) {
      const read = g.nodes[id];
      assert.ok(read, `${reader}: node ${id}`);
      assert.deepEqual(
        [read.name, read.type, read.aliases, read.mentionCount, read.degree],
        [entity.name, entity.type, entity.aliases.join(' | '), entity.mentionCount, entity.degree],
        `${reader}: node ${id}`,
      );
    }
    for (const fact of facts) {
      const read = g.edges.filter((e) => e.source === fact.source && e.target === fact.target && e.attributes.type === fact.type);
      assert.equal(read.length, 1, `${reader}: ${fact.source} ${fact.type} ${fact.target}`);
      const a = read[0]!.attributes;
      assert.deepEqual(
        [a.text, a.confidence, a.articles, a.evidenceCount, a.sources, a.title],
        [fact.text, fact.confidence, fact.articles.join(' | '), fact.evidenceCount, fact.sources, fact.title ?? undefined],
        `${reader}: ${fact.source} ${fact.type} ${fact.target}`,
      );
    }
  }

  describe('GraphML', () => {
    let file: string;
    before(async () => {
      file = await exportTo('graphml', 'graph.graphml');
    });

    it('validates against the official schema (xmllint)', function () {
      const missing = xmllintMissing();
      if (missing) {
        console.log(`      skipped: ${missing}`);
        this.skip();
      }
      assert.equal(validateGraphml(file), '');
    });

    it('NetworkX reads the same nodes, edges and values as Neo4j holds', function () {
      const missing = networkxMissing();
      if (missing) {
        console.log(`      skipped: ${missing}`);
        this.skip();
      }
      assertSameGraph(readWithNetworkx(file), 'networkx');
    });

    it("graphology-graphml's parser reads the same nodes, edges and values", () => {
      const g = parseGraphml(Graph, fs.readFileSync(file, 'utf8'));
      const back: ReadBack = { directed: true, multigraph: true, nodes: {}, edges: [] };
      g.forEachNode((id, a) => (back.nodes[id] = a));
      g.forEachEdge((key, a, source, target) => back.edges.push({ key, source, target, attributes: a }));
      assertSameGraph(back, 'graphology-graphml');
    });

    it('with --articles holds every node and relationship of the database', async function () {
      const file = await exportTo('graphml', 'all.graphml', true);
      const { records } = await db.driver.executeQuery('CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels', {}, { database: database() });
      const g = parseGraphml(Graph, fs.readFileSync(file, 'utf8'));
      assert.deepEqual([g.order, g.size], [records[0]!.get('nodes'), records[0]!.get('rels')]);
      if (!xmllintMissing()) assert.equal(validateGraphml(file), '');
    });
  });

  it("a preset's result exports as valid GraphML holding exactly the preset's entities and the facts between them", async function () {
    const preset = loadPresets().get('neighbourhood');
    const result = await runPreset({ driver: db.driver, database: db.target.database }, preset, { name: 'Ilse Brandvik', hops: 1 }, DEFAULT_READ_LIMITS);
    const file = path.join(os.tmpdir(), `graphwire-preset-${process.pid}.graphml`);
    const out = fs.createWriteStream(file);
    const counts = await writeGraph(resultGraph(result), 'graphml', out);
    await new Promise<void>((resolve) => out.end(resolve));
    try {
      const expectedNodes = ['Halvik summit', 'Ilse Brandvik', 'Tomas Reyl', 'Veldora'];
      assert.equal(counts.nodes, expectedNodes.length);
      if (xmllintMissing() === undefined) assert.equal(validateGraphml(file), '');
      const g = parseGraphml(Graph, fs.readFileSync(file, 'utf8'));
      assert.deepEqual(g.mapNodes((_, a) => a.name as string).sort(), expectedNodes);
      assert.deepEqual(g.mapEdges((_, a) => a.type as string).sort(), ['ATTENDED', 'HOLDS_POSITION', 'NEGOTIATED_WITH']);
      const brandvik = g.findNode((_, a) => a.name === 'Ilse Brandvik')!;
      assert.equal(g.getNodeAttribute(brandvik, 'degree'), 3);
      assert.equal(g.findEdge((_, a) => a.type === 'HOLDS_POSITION') && g.getEdgeAttribute(g.findEdge((_, a) => a.type === 'HOLDS_POSITION')!, 'title'), 'Foreign Minister');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('GEXF reads back with graphology-gexf', async () => {
    const g = parseGexf(Graph, fs.readFileSync(await exportTo('gexf', 'graph.gexf'), 'utf8'));
    assert.deepEqual([g.order, g.size], [entities.size, facts.length]);
    for (const [id, entity] of entities) assert.deepEqual([g.getNodeAttribute(id, 'label'), g.getNodeAttribute(id, 'mentionCount')], [entity.name, entity.mentionCount]);
  });

  it('cytoscape JSON holds every entity and fact', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await exportGraph(db.driver, 'json', out, { database: database() });
    const { elements } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { elements: { nodes: { data: { id: string; aliases: string[] } }[]; edges: unknown[] } };
    assert.equal(elements.nodes.length, entities.size);
    assert.equal(elements.edges.length, facts.length);
    for (const { data } of elements.nodes) assert.deepEqual(data.aliases, entities.get(data.id)!.aliases);
  });

  it('the CSV imports with neo4j-admin database import into a fresh database, with every node, relationship and property', async function () {
    if (!fs.existsSync(path.join(NEO4J_LIB, 'neo4j-import-tool-5.26.19.jar')) && !fs.readdirSync(NEO4J_LIB, { withFileTypes: true }).some((f) => f.name.startsWith('neo4j-import-tool'))) {
      console.log(`      skipped: the bundled Neo4j's importer is not in ${NEO4J_LIB}`);
      this.skip();
    }
    const folder = path.join(dir, 'csv');
    await exportCsvToFolder(db.driver, folder, { database: database(), includeArticles: true });
    const home = path.join(dir, 'neo4j-home');
    fs.mkdirSync(path.join(home, 'conf'), { recursive: true });
    const run = spawnSync(
      'java',
      ['-Xmx512m', '-cp', `${NEO4J_LIB}${path.sep}*`, 'org.neo4j.cli.AdminTool', 'database', 'import', 'full', 'neo4j',
        `--report-file=${path.join(home, 'import.report')}`, '--max-off-heap-memory=256m', ...IMPORT_OPTIONS,
        `--nodes=${path.join(folder, 'nodes.csv')}`, `--relationships=${path.join(folder, 'relationships.csv')}`],
      { encoding: 'utf8', env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, 'conf') }, timeout: 90_000 },
    );
    const output = `${run.stdout}${run.stderr}`;
    assert.match(output, /IMPORT DONE/, output.slice(-2000));
    const imported = (what: string): number => Number(new RegExp(`(\\d+) ${what}`).exec(output)?.[1]);
    // A list that is empty or holds one empty string (evidenceQuote [""]) is an empty CSV field, which neo4j-admin
    // reads as no property: those are the only properties expected to go missing
    const kept = (v: string): string =>
      `size([k IN keys(${v}) WHERE NOT (valueType(${v}[k]) STARTS WITH 'LIST' AND size(${v}[k]) <= 1 AND all(x IN ${v}[k] WHERE x = ''))])`;
    const { records } = await db.driver.executeQuery(
      `CALL () { MATCH (n) RETURN count(n) AS nodes, sum(${kept('n')}) AS np }
       CALL () { MATCH ()-[r]->() RETURN count(r) AS rels, sum(${kept('r')}) AS rp }
       RETURN nodes, rels, np + rp AS properties`,
      {},
      { database: database() },
    );
    const r = records[0]!;
    assert.deepEqual(
      [imported('nodes'), imported('relationships'), imported('properties')],
      [r.get('nodes'), r.get('rels'), r.get('properties')],
    );
  });

  it('graphwire export graphml -o FILE writes the graph; an unknown format exits 2', function () {
    const bin = path.resolve(__dirname, '..', '..', 'bin', 'graphwire');
    if (!fs.existsSync(path.resolve(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js'))) {
      console.log('      skipped: the CLI is not built (npm run build)');
      this.skip();
    }
    const file = path.join(dir, 'cli.graphml');
    const env = {
      ...process.env,
      NEO4J_URI: db.target.uri,
      NEO4J_USERNAME: db.target.username,
      NEO4J_PASSWORD: db.target.password,
      NEO4J_DATABASE: db.target.database,
      GRAPHWIRE_HOME: dir,
    };
    const run = spawnSync(process.execPath, [bin, 'export', 'graphml', '-o', file], { encoding: 'utf8', env, timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /Exported \d+ nodes and \d+ edges as graphml/);
    const g = parseGraphml(Graph, fs.readFileSync(file, 'utf8'));
    assert.deepEqual([g.order, g.size], [entities.size, facts.length]);
    const bad = spawnSync(process.execPath, [bin, 'export', 'svg'], { encoding: 'utf8', env, timeout: 60_000 });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown export format "svg"/);
  });
});
