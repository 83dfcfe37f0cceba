#!/usr/bin/env node
'use strict';
/**
 * Builds the viewer: bundles viz/src (cytoscape and its layouts included, nothing fetched at run time) into
 * app.js and copies the page and its stylesheet. `node viz/build.js [outDir]`; the default is dist/viz.
 */
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const here = __dirname;
const DEFAULT_OUT = path.join(here, '..', 'dist', 'viz');

async function buildViz(outDir = DEFAULT_OUT, { minify = true } = {}) {
  fs.mkdirSync(outDir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: [path.join(here, 'src', 'main.ts')],
    outfile: path.join(outDir, 'app.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'firefox115', 'safari16'],
    minify,
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true,
  });
  for (const file of ['index.html', 'style.css']) fs.copyFileSync(path.join(here, file), path.join(outDir, file));
  const bytes = fs.statSync(path.join(outDir, 'app.js')).size;
  return { outDir, bytes, warnings: result.warnings.length };
}

module.exports = { buildViz, DEFAULT_OUT };

if (require.main === module) {
  const outDir = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_OUT;
  buildViz(outDir).then(
    ({ bytes }) => process.stderr.write(`viewer built in ${path.relative(process.cwd(), outDir) || '.'} (app.js ${(bytes / 1024).toFixed(0)} KiB)\n`),
    (error) => {
      process.stderr.write(`viewer build failed: ${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
