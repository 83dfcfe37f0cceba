import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../../errors';
import { BundledNeo4j, connect } from '../../neo4j';
import { loadPresets } from '../../query';
import { DEFAULT_HOST, DEFAULT_PORT, serve } from '../../server';
import { DEFAULT_BATCH_SIZE } from '../../store';
import { packageRoot } from '../../util/package-root';
import type { CliContext } from '../context';
import { waitForSignal } from '../signals';
import { defaultWorkerCount } from '../../../ingest/extract';
import { DEFAULT_WINDOW, ingest } from './ingest';
import { reportLoad } from './load';
import { port } from '../flags';

interface StartFlags {
  port: string;
  articles: string[];
}

/** Where `npm run build` puts the viewer; served at / when present. */
export function viewerDir(): string | undefined {
  const dir = path.join(packageRoot(), 'dist', 'viz');
  return fs.existsSync(path.join(dir, 'index.html')) ? dir : undefined;
}

/**
 * The main job for a new user (`npm start`): Neo4j (bundled, or NEO4J_URI), the example articles ingested (those
 * already in the graph are skipped, so a second start is quick), and the viewer served on loopback until Ctrl-C,
 * which also stops the bundled Neo4j if this command started it.
 */
export function registerStart(program: Command, context: CliContext): void {
  program
    .command('start')
    .description('the main job: start Neo4j (bundled, or NEO4J_URI), ingest the example articles, serve the viewer until Ctrl-C')
    .option('--port <port>', 'port of the viewer and API on 127.0.0.1 (0 = any free port)', String(DEFAULT_PORT))
    .option('--articles <path...>', 'ingest these instead of examples/articles')
    .action(async (flags: Partial<StartFlags>) => {
      const listenPort = port('--port', flags.port ?? String(DEFAULT_PORT));
      const config = context.config();
      // warn: a server that will not stop is killed, and Ctrl-C should say so
      const bundled = config.external ? undefined : new BundledNeo4j(config.home, config.bundled, { warn: (m) => context.warn(m) });
      const wasRunning = bundled?.status().running ?? true;
      const connection = await connect(config, { log: context.say });
      try {
        const paths = flags.articles ?? [path.join(packageRoot(), 'examples', 'articles')];
        context.say(`Ingesting ${paths.join(', ')}…`);
        const result = await ingest(context, { paths, batchSize: DEFAULT_BATCH_SIZE, window: DEFAULT_WINDOW, workers: defaultWorkerCount(), connection });
        reportLoad(context, 'ingest', { ...result.summary, failures: [] });
        if (result.summary.articles.failed > 0) context.exitCode = ExitCode.partial;

        const staticDir = viewerDir();
        const { app, url } = await serve({
          host: DEFAULT_HOST,
          port: listenPort,
          presets: loadPresets(),
          query: { driver: connection.driver, database: connection.target.database },
          staticDir,
        });
        const viewerUrl = `${url}/`;
        context.stdout.write(`${viewerUrl}\n`);
        context.say(
          staticDir
            ? `The viewer is at ${viewerUrl} (API under ${url}/api). Neo4j: ${connection.target.uri}. Press Ctrl-C to stop.`
            : `The API is at ${url}/api; the viewer is not built (run npm run build). Neo4j: ${connection.target.uri}. Press Ctrl-C to stop.`,
        );
        await waitForSignal();
        context.say('Stopping…');
        await app.close();
      } finally {
        await connection.close();
        if (bundled && !wasRunning) {
          await bundled.stop();
          context.say('Stopped the bundled Neo4j.');
        }
      }
    });
}
