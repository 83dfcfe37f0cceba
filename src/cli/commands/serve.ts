import { Option, type Command } from 'commander';
import { connect } from '../../neo4j';
import { DEFAULT_READ_LIMITS, loadPresets } from '../../query';
import { checkBinding, DEFAULT_CONCURRENCY, DEFAULT_HOST, DEFAULT_PORT, serve } from '../../server';
import type { CliContext } from '../context';
import { waitForSignal } from '../signals';
import { viewerDir } from './start';
import { port, positiveInt, positiveSeconds } from '../flags';

interface ServeFlags {
  host: string;
  port: string;
  token?: string;
  limit: string;
  timeout: string;
  maxRunning: string;
  maxQueued: string;
  static?: string;
}

export function registerServe(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api/presets, /api/cypher, /api/entities, /api/entity/:id, /api/health) until Ctrl-C')
    .option('--host <host>', 'address to listen on; anything but loopback needs --token', DEFAULT_HOST)
    .option('--port <port>', 'port to listen on (0 = any free port)', String(DEFAULT_PORT))
    .addOption(new Option('--token <token>', 'API token every request must send as Authorization: Bearer <token>').env('GRAPHWIRE_API_TOKEN'))
    .option('--limit <rows>', 'most rows a query returns', String(DEFAULT_READ_LIMITS.rowLimit))
    .option('--timeout <seconds>', 'longest a query may run', String(DEFAULT_READ_LIMITS.timeoutMs / 1000))
    .option('--max-running <n>', 'queries sent to Neo4j at once', String(DEFAULT_CONCURRENCY.maxRunning))
    .option('--max-queued <n>', 'queries waiting for a turn; past that, requests get 503 at once', String(DEFAULT_CONCURRENCY.maxQueued))
    .option('--static <dir>', 'serve this folder at / instead of the built viewer (dist/viz)')
    .action(async (flags: ServeFlags) => {
      const listenPort = port('--port', flags.port);
      const rowLimit = positiveInt('--limit', flags.limit);
      const seconds = positiveSeconds('--timeout', flags.timeout);
      const concurrency = { maxRunning: positiveInt('--max-running', flags.maxRunning), maxQueued: positiveInt('--max-queued', flags.maxQueued) };
      // refuse an unsafe binding before starting Neo4j
      checkBinding(flags.host, flags.token);
      const presets = loadPresets();
      const connection = await connect(context.config(), { log: context.say });
      try {
        const { app, url } = await serve({
          host: flags.host,
          port: listenPort,
          token: flags.token,
          presets,
          query: { driver: connection.driver, database: connection.target.database },
          limits: { rowLimit, timeoutMs: Math.round(seconds * 1000) },
          concurrency,
          staticDir: flags.static ?? viewerDir(),
        });
        context.stdout.write(`${url}\n`);
        context.say(`graphwire API listening on ${url}${flags.token ? ' (token required)' : ''}; Ctrl-C to stop.`);
        await waitForSignal();
        await app.close();
      } finally {
        await connection.close();
      }
    });
}
