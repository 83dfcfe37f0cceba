/**
 * The viewer at 5,000 nodes and 10,000 edges: the time from running a query in the Cypher box to the graph on
 * screen, in headless Chromium. No Neo4j: the page is served from a fresh build and the API answers are
 * synthetic (the same element format the server sends), so the figure is the viewer's alone.
 *
 *   npx ts-node bench/viewer.ts                    # 5,000 nodes, 10,000 edges, 3 runs
 *   BENCH_NODES=10000 BENCH_EDGES=20000 BENCH_RUNS=5 npx ts-node bench/viewer.ts
 *
 * Target: first render < 2 s. "render" is from the answer in hand to the frame painted (merge, style, layout,
 * draw); "total" adds the request and the parsing of the JSON. Noisy on a shared machine: take the median.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Route } from 'playwright-core';
import { loadPresets } from '../src/query';
import type { EdgeElement, NodeElement, QueryResult } from '../viz/src/types';
import { buildViewer, CHROMIUM, CHROMIUM_ARGS } from '../test/viz/support';
import { seededRandom } from '../src/util/random';

const NODES = Number(process.env.BENCH_NODES ?? 5000);
const EDGES = Number(process.env.BENCH_EDGES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = 2000;
const TYPES = ['Person', 'Organization', 'Location', 'Event', 'Other'];
const RELATIONS = ['ATTENDED', 'MET_WITH', 'NEGOTIATED_WITH', 'AGREED_WITH', 'STATED', 'CRITICIZED', 'LEADS', 'LOCATED_IN', 'MEMBER_OF'];
const OUTLETS = ['Meridian Wire', 'Continental Post', 'Northgate Review', 'The Tarvian Courier', 'Harbour Daily'];
const ORIGIN = 'http://viewer.bench';
// a seeded generator, so every run draws the same graph
const random = seededRandom;


/** A graph shaped like news: a few hubs and a long tail (preferential attachment), facts with evidence. */
function syntheticResult(nodeCount: number, edgeCount: number): QueryResult {
  const rand = random(42);
  const nodes: NodeElement[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const type = TYPES[Math.floor(rand() * TYPES.length)]!;
    const name = `${type} ${i}`;
    nodes.push({
      group: 'nodes',
      data: {
        id: `e:${type.toLowerCase()}:${i}`,
        label: name,
        type,
        labels: ['Entity', type],
        properties: { id: `e:${type.toLowerCase()}:${i}`, name, type, aliases: [name, `${type[0]}${i}`], mentionCount: 1 + Math.floor(rand() * 40), articleCount: 1 + Math.floor(rand() * 10) },
      },
    });
  }
  const ends: number[] = [];
  const edges: EdgeElement[] = [];
  for (let i = 0; i < edgeCount; i++) {
    const source = i < nodeCount ? i : Math.floor(rand() * nodeCount);
    const target = ends.length && rand() < 0.7 ? ends[Math.floor(rand() * ends.length)]! : Math.floor(rand() * nodeCount);
    if (source === target) continue;
    ends.push(source, target);
    const outlet = OUTLETS[Math.floor(rand() * OUTLETS.length)]!;
    const sentence = `${nodes[source]!.data.label} and ${nodes[target]!.data.label} were in the same report.`;
    edges.push({
      group: 'edges',
      data: {
        id: `5:bench:${i}`,
        type: RELATIONS[Math.floor(rand() * RELATIONS.length)]!,
        source: nodes[source]!.data.id,
        target: nodes[target]!.data.id,
        properties: {
          text: 'met', texts: ['met'], confidence: 0.8, articles: [`a${i % 997}`], sources: 1, sourceNames: [outlet], evidenceCount: 1,
          dates: ['2025-03-10'], evidenceArticle: [`a${i % 997}`], evidenceSentence: [sentence], evidenceStart: [0], evidenceEnd: [sentence.length],
          evidenceText: ['met'], evidenceConfidence: [0.8], evidenceDate: ['2025-03-10'], evidenceSubjectStart: [-1], evidenceSubjectEnd: [-1],
          evidenceObjectStart: [-1], evidenceObjectEnd: [-1], evidenceQuote: [''],
        },
      },
    });
  }
  return { columns: ['a', 'f', 'b'], rows: [], nodes, edges, truncated: false };
}

const empty: QueryResult = { columns: [], rows: [], nodes: [], edges: [], truncated: false };

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium`);
  const dir = await buildViewer();
  const big = JSON.stringify(syntheticResult(NODES, EDGES));
  const presets = JSON.stringify({ presets: loadPresets().presets.map((p) => ({ name: p.name, description: p.description, params: p.params })) });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const figures: Array<{ total: number; render: number; nodes: number; edges: number; light: boolean }> = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.route(`${ORIGIN}/**`, async (route: Route) => {
        const url = new URL(route.request().url());
        const json = (body: string): Promise<void> => route.fulfill({ status: 200, contentType: 'application/json', body });
        if (url.pathname === '/api/health') return json('{"status":"ok"}');
        if (url.pathname === '/api/presets') return json(presets);
        if (url.pathname === '/api/cypher') return json((route.request().postData() ?? '').includes('BENCH') ? big : JSON.stringify(empty));
        const file = path.join(dir, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
        if (!file.startsWith(dir) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
        return route.fulfill({ status: 200, path: file });
      });
      await page.goto(`${ORIGIN}/`);
      await page.waitForSelector('body[data-ready=true]');
      await page.click('#tab-btn-cypher');
      await page.fill('#cypher-text', 'MATCH (a)-[f]->(b) RETURN a, f, b // BENCH');
      const started = await page.evaluate(() => {
        const g = globalThis as unknown as { performance: { now(): number }; document: { querySelector(s: string): { requestSubmit(): void } } };
        const t0 = g.performance.now();
        g.document.querySelector('#tab-cypher form').requestSubmit();
        return t0;
      });
      await page.waitForFunction((t0) => ((globalThis as unknown as { __graphwire: { lastDraw?: { at: number } } }).__graphwire.lastDraw?.at ?? 0) > t0, started, { timeout: 120_000, polling: 50 });
      const figure = await page.evaluate((t0) => {
        const hook = (globalThis as unknown as { __graphwire: { view: { isLight: boolean }; lastDraw: { at: number; ms: number; nodes: number; edges: number } } }).__graphwire;
        return { total: hook.lastDraw.at - t0, render: hook.lastDraw.ms, nodes: hook.lastDraw.nodes, edges: hook.lastDraw.edges, light: hook.view.isLight };
      }, started);
      figures.push(figure);
      process.stderr.write(`  run ${run + 1}: ${figure.nodes} nodes, ${figure.edges} edges: render ${figure.render.toFixed(0)} ms, total ${figure.total.toFixed(0)} ms${figure.light ? ' (light style)' : ''}\n`);
      if (run === 0) await page.screenshot({ path: path.join(__dirname, '..', 'test-output', 'viz', 'bench-5000.png') }).catch(() => undefined);
      await page.close();
    }
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const render = median(figures.map((f) => f.render));
  const total = median(figures.map((f) => f.total));
  console.log(`viewer first render, ${figures[0]!.nodes} nodes / ${figures[0]!.edges} edges, median of ${RUNS}: render ${render.toFixed(0)} ms, total with request and JSON ${total.toFixed(0)} ms (payload ${(big.length / 1e6).toFixed(1)} MB; target < ${TARGET_MS} ms: ${total < TARGET_MS ? 'met' : 'MISSED'})`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
