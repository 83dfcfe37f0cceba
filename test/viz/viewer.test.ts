import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FastifyInstance } from 'fastify';
import Graph from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, prepareBrowserSuite, SCREENSHOTS, startViewerServer } from './support';

/**
 * The viewer end to end: the real API on the shared test Neo4j loaded with the fixture graph, the page built
 * from viz/, driven in Debian's Chromium. One page through the whole story, as a user would go: the steps
 * depend on each other, in order. Screenshots land in test-output/viz/.
 */

/** Ids of the graph's elements matching a cytoscape selector, read from the page. */
async function ids(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const hook = (globalThis as unknown as { __graphwire: { view: { cy: { elements(s: string): { map(f: (e: { id(): string }) => string): string[] } } } } }).__graphwire;
    return hook.view.cy.elements(sel).map((e) => e.id()).sort();
  }, selector);
}

async function dataOf(page: Page, selector: string, key: string): Promise<unknown[]> {
  return page.evaluate(([sel, k]) => {
    const hook = (globalThis as unknown as { __graphwire: { view: { cy: { elements(s: string): { map(f: (e: { data(k: string): unknown }) => unknown): unknown[] } } } } }).__graphwire;
    return hook.view.cy.elements(sel!).map((e) => e.data(k!));
  }, [selector, key]);
}

async function positionOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const hook = (globalThis as unknown as { __graphwire: { view: { cy: { getElementById(i: string): { position(): { x: number; y: number } } } } } }).__graphwire;
    return { ...hook.view.cy.getElementById(nodeId).position() };
  }, id);
}

/** Waits until the number of elements matching `selector` compares to `n` as `op` says. */
async function countIs(page: Page, selector: string, op: '===' | '<' | '>=', n: number): Promise<void> {
  await page.waitForFunction(
    ({ sel, op, n }) => {
      const hook = (globalThis as unknown as { __graphwire?: { view: { cy: { elements(s: string): { length: number } } } } }).__graphwire;
      const count = hook?.view.cy.elements(sel).length ?? -1;
      return op === '===' ? count === n : op === '<' ? count >= 0 && count < n : count >= n;
    },
    { sel: selector, op, n },
    { timeout: 15_000 },
  );
}

const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });

describe('the graph viewer in Chromium (end to end)', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let page: Page;
  let app: FastifyInstance | undefined;
  let url: string;
  let staticDir: string | undefined;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  before(async function () {
    staticDir = await prepareBrowserSuite(this);
    ({ app, url } = await startViewerServer(staticDir));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    await page.waitForSelector('body[data-ready=true]', { timeout: 30_000 });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    if (staticDir) fs.rmSync(staticDir, { recursive: true, force: true });
  });

  afterEach(() => {
    assert.deepEqual(pageErrors, [], 'the page threw');
    assert.deepEqual(dialogs, [], 'a dialog opened');
  });

  it('opens on the most connected entities and their links, with a legend', async () => {
    const nodes = await ids(page, 'node');
    assert.ok(nodes.includes('e:organization:sarn-basin-commission'), `overview: ${nodes.join(', ')}`);
    assert.ok((await ids(page, 'edge')).length >= 10);
    const legend = await page.locator('#legend').innerText();
    for (const type of ['Person', 'Organization', 'Location', 'Event']) assert.match(legend, new RegExp(type));
    assert.equal(await page.locator('#health').innerText(), 'Neo4j connected');
    await shot(page, '01-overview');
  });

  it('completes names and aliases in the search box and opens the entity', async () => {
    await page.click('#clear');
    await countIs(page, 'node', '===', 0);
    await page.fill('#search', 'sbc');
    await page.waitForSelector('.suggestion[data-id="e:organization:sarn-basin-commission"]');
    assert.match(await page.locator('.suggestion').first().innerText(), /Sarn Basin Commission\s*also “SBC”/);
    await page.fill('#search', 'korv');
    await page.waitForSelector('.suggestion[data-id="e:person:anton-korvaj"]');
    await shot(page, '02-search');
    await page.keyboard.press('Enter');
    const details = page.locator('#details');
    await details.locator('.articles li').first().waitFor();
    await countIs(page, 'node', '===', 1);
    assert.deepEqual(await ids(page, 'node:selected'), ['e:person:anton-korvaj']);
    assert.equal(await details.locator('.detail-title').innerText(), 'Anton Korvaj');
    assert.match(await details.locator('.kind').innerText(), /Person/i);
    assert.deepEqual(await details.locator('.chip').allInnerTexts(), ['Korvaj']);
    assert.deepEqual(await details.locator('.articles .article-title').allInnerTexts(), ['Halvik Accord signed <b>at last</b>', 'Korvaj named mediator']);
  });

  it('expands neighbours on demand: the graph grows and what was there stays put', async () => {
    const before = await positionOf(page, 'e:person:anton-korvaj');
    await page.click('#details [data-action=expand]');
    await countIs(page, 'node', '===', 2);
    assert.deepEqual(await ids(page, 'node'), ['e:organization:sarn-basin-commission', 'e:person:anton-korvaj']);
    assert.deepEqual(await dataOf(page, 'edge', 'type'), ['LEADS']);
    // a second expansion, from the new node, by double-click as a user would
    await page.evaluate(() => {
      const hook = (globalThis as unknown as { __graphwire: { view: { cy: { getElementById(i: string): { emit(e: string): void } } } } }).__graphwire;
      hook.view.cy.getElementById('e:organization:sarn-basin-commission').emit('dbltap');
    });
    await countIs(page, 'node', '===', 4);
    assert.deepEqual(await ids(page, 'node'), ['e:location:halvik', 'e:location:tessenford', 'e:organization:sarn-basin-commission', 'e:person:anton-korvaj']);
    const after = await positionOf(page, 'e:person:anton-korvaj');
    assert.ok(Math.hypot(after.x - before.x, after.y - before.y) < 400, 'the first node was not thrown across the canvas');
    await page.waitForTimeout(600);
    await shot(page, '03-expanded');
  });

  it("opens a fact's evidence: every sentence, entities marked, outlet, date, confidence, sources", async () => {
    await page.fill('#search', 'korvaj');
    await page.waitForSelector('.suggestion[data-id="e:person:anton-korvaj"]');
    await page.keyboard.press('Enter');
    const details = page.locator('#details');
    await details.locator('.fact-row').first().click();
    await details.locator('.evidence').nth(1).waitFor();
    const cards = details.locator('.evidence');
    assert.deepEqual(await cards.locator('.outlet').allInnerTexts(), ['Northgate Review', 'Continental Post']);
    assert.deepEqual(await cards.locator('.evidence-head .meta').allInnerTexts(), ['2025-02-27', '2025-03-12']);
    assert.deepEqual(await details.locator('.evidence mark.m-subject').allInnerTexts(), ['Anton Korvaj', 'Korvaj']);
    assert.deepEqual(await details.locator('.evidence mark.m-object').allInnerTexts(), ['SBC', 'the commission']);
    assert.match(await cards.first().locator('.sentence').innerText(), /^Anton Korvaj, who chairs the SBC, was named mediator\.$/);
    assert.match(await cards.first().locator('.sentence-block .meta').innerText(), /confidence 90%/);
    const stats = await details.locator('.stats .stat').allInnerTexts();
    assert.deepEqual(stats.map((s) => s.replace(/\s+/g, ' ').trim()), ['Confidence 90%', 'Sources 2', 'Sentences 2']);
    assert.equal((await ids(page, 'edge:selected')).length, 1);
    await shot(page, '04-fact-evidence');
  });

  it('renders hostile text from the graph as text: no dialog, no <img> element', async () => {
    await page.fill('#search', 'onerror');
    await page.waitForSelector('.suggestion[data-id="e:person:xss"]');
    await page.keyboard.press('Enter');
    const details = page.locator('#details');
    await details.locator('.detail-title').filter({ hasText: 'onerror' }).waitFor();
    assert.equal(await details.locator('.detail-title').textContent(), '<img src=x onerror=alert(1)>');
    await details.locator('[data-action=expand]').click();
    await countIs(page, 'node[id = "e:organization:brennmark-hydro"]', '===', 1);
    await details.locator('.fact-row', { hasText: 'STATED' }).click();
    await details.locator('.evidence .quote').waitFor();
    assert.match(await details.locator('.sentence').innerText(), /A sign reading "<img src=x onerror=alert\(1\)>" mocked/);
    assert.equal(await details.locator('.quote').innerText(), 'Quote <script>alert(1)</script>');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('img, script:not([src])').length), 0);
    await shot(page, '05-hostile-text');
  });

  it('runs a preset with a form built from its header and draws the result', async () => {
    await page.click('#tab-btn-presets');
    await page.selectOption('#preset-select', 'neighbourhood');
    assert.equal(await page.inputValue('[data-param=name]'), 'Ilse Brandvik');
    assert.equal(await page.inputValue('[data-param=hops]'), '2');
    assert.equal(await page.getAttribute('[data-param=hops]', 'max'), '3');
    await page.fill('[data-param=name]', 'Korvaj');
    await page.fill('[data-param=hops]', '1');
    await page.click('#preset-run');
    await page.locator('#preset-result .result-table').waitFor();
    await countIs(page, 'node', '===', 2);
    assert.deepEqual(await ids(page, 'node'), ['e:organization:sarn-basin-commission', 'e:person:anton-korvaj']);
    assert.match(await page.locator('#preset-result .result-summary').innerText(), /^2 rows/);
    await page.fill('[data-param=hops]', '9');
    await page.click('#preset-run');
    await page.locator('#preset-result .error-box').waitFor();
    assert.match(await page.locator('#preset-result .error-box').innerText(), /hops/);
    await shot(page, '06-preset');
  });

  it('runs read-only Cypher and shows errors in place', async () => {
    await page.click('#tab-btn-cypher');
    await page.fill('#cypher-text', 'MATCH (n) DETACH DELETE n');
    await page.click('#cypher-run');
    const error = page.locator('#cypher-result .error-box');
    await error.waitFor();
    assert.match(await error.innerText(), /read only[\s\S]*DETACH writes to the database/i);
    await page.fill('#cypher-text', 'MATCH (n:Entity RETURN n');
    await page.click('#cypher-run');
    await page.locator('#cypher-result .error-box', { hasText: /cypher error/i }).waitFor();
    await shot(page, '07-cypher-error');
    await page.fill('#cypher-text', 'MATCH (a:Entity) OPTIONAL MATCH (a)-[f]->(b:Entity) RETURN a, f, b');
    await page.click('#cypher-run');
    await page.locator('#cypher-result .result-table').waitFor();
    await countIs(page, 'node', '===', 13);
    await countIs(page, 'edge', '===', 12);
  });

  it('filters by entity type, relationship type, source and date range', async () => {
    await page.click('#tab-btn-filters');
    await page.locator('#filter-node-types input[data-value=Location]').uncheck();
    await countIs(page, 'node[type = "Location"]:visible', '===', 0);
    assert.equal((await ids(page, 'node:visible')).length, 9);
    await page.locator('#filter-node-types input[data-value=Location]').check();
    await countIs(page, 'node[type = "Location"]:visible', '===', 4);

    await page.locator('#filter-edge-types input[data-value=NEGOTIATED_WITH]').uncheck();
    await countIs(page, 'edge:visible', '===', 10);
    assert.deepEqual(await dataOf(page, 'edge[type = "NEGOTIATED_WITH"]:visible', 'id'), []);
    await page.locator('#filter-edge-types input[data-value=NEGOTIATED_WITH]').check();

    await page.locator('#filter-sources input[data-value="Northgate Review"]').check();
    await countIs(page, 'edge:visible', '===', 1);
    assert.deepEqual(await dataOf(page, 'edge:visible', 'type'), ['LEADS']);
    // the ends of that fact, and the accord, which is in no fact and so loses none to the filter
    await countIs(page, 'node:visible', '===', 3);
    assert.deepEqual(await ids(page, 'node:visible'), ['e:organization:sarn-basin-commission', 'e:other:halvik-accord', 'e:person:anton-korvaj']);
    await shot(page, '08-filter-source');
    await page.locator('#filter-sources input[data-value="Northgate Review"]').uncheck();
    await countIs(page, 'edge:visible', '===', 12);

    // facts dated, or reported, between 11 and 12 March: the accord and the night talks
    await page.fill('#filter-from', '2025-03-11');
    await page.fill('#filter-to', '2025-03-12');
    await page.locator('#filter-to').dispatchEvent('change');
    await countIs(page, 'edge:visible', '<', 12);
    const types = (await dataOf(page, 'edge:visible', 'type')) as string[];
    assert.ok(types.includes('AGREED_WITH') && types.includes('NEGOTIATED_WITH'), types.join(', '));
    assert.ok(!types.includes('DEPLOYED_TO') && !types.includes('CRITICIZED'), types.join(', '));
    assert.match(await page.locator('#status').innerText(), /filtered/);
    await shot(page, '09-filter-dates');
    await page.click('#filter-reset');
    await countIs(page, 'edge:visible', '===', 12);
  });

  it('hides, pins and focuses nodes, and lays out with other layouts', async () => {
    await page.evaluate(() => {
      const hook = (globalThis as unknown as { __graphwire: { view: { select(id: string, center: boolean): void } } }).__graphwire;
      hook.view.select('e:location:tessenford', false);
    });
    const details = page.locator('#details');
    await details.locator('[data-action=pin]').click();
    assert.deepEqual(await ids(page, 'node.pinned'), ['e:location:tessenford']);
    const pinned = await positionOf(page, 'e:location:tessenford');
    await page.selectOption('#layout', 'concentric');
    await page.waitForTimeout(800);
    assert.deepEqual(await positionOf(page, 'e:location:tessenford'), pinned);
    await details.locator('[data-action=focus]').click();
    assert.ok((await ids(page, '.dimmed')).length > 0);
    await details.locator('[data-action=focus]').click();
    assert.deepEqual(await ids(page, '.dimmed'), []);
    await details.locator('[data-action=hide]').click();
    assert.deepEqual(await ids(page, 'node.hidden'), ['e:location:tessenford']);
    assert.match(await page.locator('#status').innerText(), /^12 nodes · 11 links\s*of 13/);
    await page.locator('#show-hidden').click();
    assert.deepEqual(await ids(page, 'node.hidden'), []);
    await page.selectOption('#layout', 'breadthfirst');
    await page.waitForTimeout(800);
    await shot(page, '10-breadthfirst');
    await page.selectOption('#layout', 'fcose');
  });

  it('exports the current view as GraphML, JSON and PNG', async () => {
    const exported = async (button: string): Promise<{ name: string; body: Buffer }> => {
      await page.click('#export-menu summary');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      return { name: download.suggestedFilename(), body: fs.readFileSync((await download.path())!) };
    };
    const graphml = await exported('#export-graphml');
    assert.match(graphml.name, /\.graphml$/);
    const graph = parseGraphml(Graph, graphml.body.toString('utf8'));
    assert.equal(graph.order, 13);
    assert.equal(graph.size, 12);
    assert.equal(graph.getNodeAttribute('e:person:xss', 'label'), '<img src=x onerror=alert(1)>');

    const json = JSON.parse((await exported('#export-json')).body.toString('utf8')) as { elements: { nodes: unknown[]; edges: unknown[] } };
    assert.equal(json.elements.nodes.length, 13);
    assert.equal(json.elements.edges.length, 12);

    const png = await exported('#export-png');
    assert.deepEqual([...png.body.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('downloads the whole graph as GraphML from the server', async function () {
    const route = await fetch(`${url}/api/export/graphml`, { method: 'HEAD' });
    if (route.status === 404) {
      console.log('      skipped: GET /api/export/graphml is not mounted on this server yet');
      this.skip();
    }
    await page.click('#export-menu summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-all-graphml')]);
    const graph = parseGraphml(Graph, fs.readFileSync((await download.path())!, 'utf8'));
    assert.ok(graph.hasNode('e:person:ilse-brandvik'));
    assert.ok(graph.order >= 13);
  });
});
