import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadPresets } from '../../src/query';
import { createApp } from '../../src/server';
import { fixtureGraph } from '../support/graph';

/** Where the end-to-end tests expect Debian's Chromium; CI installs it (apt-get install chromium). */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'viz');

/**
 * What a browser suite does first: skip (saying why) where there is no Chromium, else make the screenshot folder and
 * build the viewer; returns the built viewer's folder.
 */
export async function prepareBrowserSuite(suite: Mocha.Context): Promise<string> {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`      skipped: no Chromium at ${CHROMIUM}; install it with: apt-get install chromium`);
    suite.skip();
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return buildViewer();
}

interface BuildModule {
  buildViz(outDir: string, options?: { minify?: boolean }): Promise<{ outDir: string; bytes: number }>;
}

/** Builds the viewer into a fresh temporary folder, so the tests never serve a stale dist/. */
export async function buildViewer(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'graphwire-viz-'));
  // a plain CommonJS build script: required at run time, outside the TypeScript project
  const { buildViz } = require(path.join(__dirname, '..', '..', 'viz', 'build.js')) as BuildModule;
  await buildViz(outDir, { minify: false });
  return outDir;
}

/** The shared test Neo4j loaded with the fixture graph, and the API serving the viewer on a free port. */
export async function startViewerServer(staticDir: string): Promise<{ app: FastifyInstance; url: string }> {
  const db = await fixtureGraph();
  const app = createApp({ query: { driver: db.driver, database: db.target.database }, presets: loadPresets(), staticDir });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url };
}
