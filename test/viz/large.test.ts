import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type JSHandle, type Page, type Route } from 'playwright-core';
import { TYPE_LOOKS } from '../../viz/src/palette';
import type { QueryResult } from '../../viz/src/types';
import { CHROMIUM, CHROMIUM_ARGS, prepareBrowserSuite, SCREENSHOTS } from './support';
import { syntheticResult } from './synthetic';

/**
 * The viewer past its light-style threshold, in Chromium: a graph too big for the full style is drawn plainly
 * but stays a working graph (types coloured, nodes selectable and expandable, facts' evidence readable). No
 * Neo4j: the API answers are the synthetic graph the viewer bench uses, so this runs in seconds.
 */

const ORIGIN = 'http://viewer.large';
const NODES = 1500;
const EDGES = 3000;

interface Hook {
  view: {
    isLight: boolean;
    cy: {
      nodes(selector?: string): { length: number };
      getElementById(id: string): {
        style(name: string): string;
        renderedPosition(): { x: number; y: number };
        position(): { x: number; y: number };
        select(): void;
        data(key: string): unknown;
        connectedEdges(): { length: number; map(f: (e: { id(): string; data(k: string): unknown }) => string): string[] };
      };
      zoom(options: { level: number; renderedPosition: { x: number; y: number } }): void;
    };
  };
  lastDraw?: { nodes: number; edges: number; phases?: Record<string, number> };
}

/** Runs `read` in the page on the viewer's hook. */
async function hook<T>(page: Page, read: (h: Hook, arg: string) => T, arg = ''): Promise<T> {
  const handle: JSHandle<Hook> = await page.evaluateHandle(() => (globalThis as unknown as { __graphwire: Hook }).__graphwire);
  try {
    return (await handle.evaluate(read, arg)) as T;
  } finally {
    await handle.dispose();
  }
}

describe('the graph viewer with a large graph (light style)', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let page: Page;
  let staticDir: string | undefined;
  const big = syntheticResult(NODES, EDGES);
  const pageErrors: string[] = [];

  /** What the API answers for one entity: the entity, and three neighbours the big graph does not have. */
  const neighbours = (id: string): QueryResult => {
    const node = big.nodes.find((n) => n.data.id === id)!;
    const fresh = [1, 2, 3].map((i) => ({ group: 'nodes' as const, data: { id: `e:person:new-${i}`, label: `Newcomer ${i}`, type: 'Person', labels: ['Entity', 'Person'], properties: { name: `Newcomer ${i}` } } }));
    const edges = fresh.map((n, i) => ({ group: 'edges' as const, data: { id: `5:new:${i}`, type: 'MET_WITH', source: id, target: n.data.id, properties: { sources: 1 } } }));
    return { columns: [], rows: [], nodes: [node, ...fresh], edges, truncated: false };
  };

  before(async function () {
    staticDir = await prepareBrowserSuite(this);
    const dir = staticDir;
    const payload = JSON.stringify(big);
    const empty = JSON.stringify({ columns: [], rows: [], nodes: [], edges: [], truncated: false });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.route(`${ORIGIN}/**`, async (route: Route) => {
      const url = new URL(route.request().url());
      const json = (body: string): Promise<void> => route.fulfill({ status: 200, contentType: 'application/json', body });
      if (url.pathname === '/api/health') return json('{"status":"ok"}');
      if (url.pathname === '/api/presets') return json('{"presets":[]}');
      if (url.pathname === '/api/cypher') return json((route.request().postData() ?? '').includes('LARGE') ? payload : empty);
      if (url.pathname.startsWith('/api/entity/')) return json(JSON.stringify(neighbours(decodeURIComponent(url.pathname.slice('/api/entity/'.length)))));
      const file = path.join(dir, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
      if (!file.startsWith(dir) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ status: 200, path: file });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForSelector('body[data-ready=true]', { timeout: 30_000 });
  });

  after(async () => {
    await browser?.close();
    if (staticDir) fs.rmSync(staticDir, { recursive: true, force: true });
  });

  afterEach(() => assert.deepEqual(pageErrors, [], 'the page threw'));

  it('draws the whole graph at once in the light style, and says so', async () => {
    await page.click('#tab-btn-cypher');
    await page.fill('#cypher-text', 'MATCH (a)-[f]->(b) RETURN a, f, b // LARGE');
    await page.click('#cypher-run');
    await page.waitForFunction((n) => (globalThis as unknown as { __graphwire: Hook }).__graphwire.lastDraw?.nodes === n, NODES);
    const drawn = await hook(page, (h) => ({ light: h.view.isLight, nodes: h.lastDraw!.nodes, edges: h.lastDraw!.edges, phases: Object.keys(h.lastDraw!.phases ?? {}) }));
    assert.deepEqual(drawn, { light: true, nodes: NODES, edges: big.edges.length, phases: ['merge', 'panels', 'frame'] });
    assert.match(await page.locator('#status').innerText(), /1,500 nodes · 2,99\d links\s*large graph: simplified drawing/);
    assert.match(await page.locator('#toast').innerText(), /drawn in rings by degree/);
    await page.screenshot({ path: path.join(SCREENSHOTS, '20-large-graph.png') });
  });

  it('colours every node by its type and places no two on the same spot', async () => {
    for (const [type, look] of Object.entries(TYPE_LOOKS).filter(([t]) => t !== 'Article')) {
      const node = big.nodes.find((n) => n.data.type === type)!;
      const color = await hook(page, (h, id) => h.view.cy.getElementById(id).style('background-color'), node.data.id);
      const hex = `#${(color.match(/\d+/g) ?? []).map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;
      assert.equal(hex, look.color, `${type} ${node.data.id}`);
    }
    const spots = await hook(page, (h) => {
      const seen = new Set<string>();
      const cy = h.view.cy as unknown as { nodes(): { forEach(f: (n: { position(): { x: number; y: number } }) => void): void } };
      cy.nodes().forEach((n) => seen.add(`${Math.round(n.position().x)},${Math.round(n.position().y)}`));
      return seen.size;
    });
    assert.equal(spots, NODES);
  });

  it('selects a node by a click on it, labels it, and shows its details', async () => {
    const id = big.nodes[0]!.data.id;
    const box = (await page.locator('#cy').boundingBox())!;
    const at = await hook(page, (h, nodeId) => h.view.cy.getElementById(nodeId).renderedPosition(), id);
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.locator('#details .detail-title').waitFor();
    assert.equal(await page.locator('#details .detail-title').innerText(), big.nodes[0]!.data.label);
    assert.equal(await hook(page, (h, nodeId) => h.view.cy.getElementById(nodeId).style('label'), id), big.nodes[0]!.data.label);
  });

  it('labels the nodes on screen once zoomed in', async () => {
    assert.equal(await hook(page, (h) => h.view.cy.nodes('.labelled').length), 0);
    // the lambdas return nothing: a cytoscape object sent back to Node is serialised whole, for seconds
    await hook(page, (h) => void h.view.cy.zoom({ level: 1.2, renderedPosition: { x: 400, y: 380 } }));
    await page.waitForFunction(() => (globalThis as unknown as { __graphwire: Hook }).__graphwire.view.cy.nodes('.labelled').length > 0);
    const labelled = await hook(page, (h) => h.view.cy.nodes('.labelled').length);
    assert.ok(labelled < NODES / 2, `${labelled} labelled: only those on screen`);
    await page.screenshot({ path: path.join(SCREENSHOTS, '21-large-graph-zoomed.png') });
  });

  it("opens a fact's evidence", async () => {
    const edge = big.edges[0]!;
    await hook(page, (h, edgeId) => void h.view.cy.getElementById(edgeId).select(), edge.data.id);
    await page.locator('#details .evidence .sentence').first().waitFor();
    assert.equal(await page.locator('#details .evidence .sentence').first().innerText(), (edge.data.properties.evidenceSentence as string[])[0]);
  });

  it('expands a node: the neighbours join next to it, and the rest stays put', async () => {
    const id = big.nodes[10]!.data.id;
    const other = big.nodes[20]!.data.id;
    const before = await hook(page, (h, nodeId) => h.view.cy.getElementById(nodeId).position(), other);
    await page.evaluate((nodeId) => {
      const cy = (globalThis as unknown as { __graphwire: { view: { cy: { getElementById(i: string): { emit(e: string): void } } } } }).__graphwire.view.cy;
      cy.getElementById(nodeId).emit('dbltap');
    }, id);
    await page.waitForFunction(() => (globalThis as unknown as { __graphwire: Hook }).__graphwire.view.cy.nodes().length === 1503);
    const anchor = await hook(page, (h, nodeId) => h.view.cy.getElementById(nodeId).position(), id);
    const added = await hook(page, (h) => h.view.cy.getElementById('e:person:new-1').position());
    assert.ok(Math.hypot(added.x - anchor.x, added.y - anchor.y) < 200, 'the new node sits by the one expanded');
    assert.deepEqual(await hook(page, (h, nodeId) => h.view.cy.getElementById(nodeId).position(), other), before);
    assert.equal(await hook(page, (h) => h.view.isLight), true);
  });
});
