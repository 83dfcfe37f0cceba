import * as fs from 'node:fs';
import { Option, type Command } from 'commander';
import { ConfigError, InputError } from '../../errors';
import { connect } from '../../neo4j';
import {
  assertReadOnly,
  checkParams,
  DEFAULT_READ_LIMITS,
  formatResult,
  loadPresets,
  OUTPUT_FORMATS,
  parseAssignments,
  runPreset,
  runUserCypher,
  type OutputFormat,
  type QueryResult,
  type QueryTarget,
  type ReadLimits,
} from '../../query';
import type { CliContext } from '../context';
import { positiveInt, positiveSeconds } from '../flags';

interface QueryOptions {
  param: string[];
  cypher?: string;
  file?: string;
  format: OutputFormat;
  limit: string;
  timeout: string;
}

export function registerQuery(program: Command, context: CliContext): void {
  program
    .command('query')
    .description('run a preset (see graphwire presets), or your own read-only Cypher with --cypher or -f')
    .argument('[preset]', 'the preset to run')
    .option('-p, --param <name=value>', 'a preset parameter (repeat for several)', (value: string, all: string[]) => [...all, value], [])
    .option('--cypher <query>', 'run this Cypher instead of a preset (read-only)')
    .option('-f, --file <file>', 'run the Cypher in this file instead of a preset (read-only)')
    .addOption(new Option('--format <format>', 'output format').choices([...OUTPUT_FORMATS]).default('table'))
    .option('--limit <rows>', 'read at most this many rows', String(DEFAULT_READ_LIMITS.rowLimit))
    .option('--timeout <seconds>', 'stop the query after this long', String(DEFAULT_READ_LIMITS.timeoutMs / 1000))
    .action(async (presetName: string | undefined, options: QueryOptions) => {
      const limits = readLimits(options);
      const run = prepare(presetName, options);
      const connection = await connect(context.config(), { log: context.say });
      try {
        const result = await run({ driver: connection.driver, database: connection.target.database }, limits);
        context.stdout.write(formatResult(result, options.format));
        if (result.truncated) context.warn(`only the first ${limits.rowLimit} rows were read; raise --limit to see more`);
      } finally {
        await connection.close();
      }
    });
}

type Run = (target: QueryTarget, limits: ReadLimits) => Promise<QueryResult>;

/** Everything that can be checked before connecting: which query, and its parameters. */
function prepare(presetName: string | undefined, options: QueryOptions): Run {
  const sources = [presetName !== undefined, options.cypher !== undefined, options.file !== undefined].filter(Boolean).length;
  if (sources !== 1) throw new ConfigError('name one preset, or give --cypher "…" or -f FILE (exactly one of them)');
  if (presetName !== undefined) {
    const preset = loadPresets().get(presetName);
    const given = parseAssignments(preset, options.param);
    // a wrong parameter is reported before Neo4j is started or connected to
    checkParams(preset, given);
    return (target, limits) => runPreset(target, preset, given, limits);
  }
  if (options.param.length > 0) throw new ConfigError('--param sets preset parameters; with --cypher or -f, write the values into the query');
  let cypher = options.cypher;
  if (options.file !== undefined) {
    try {
      cypher = fs.readFileSync(options.file, 'utf8');
    } catch (error) {
      throw new InputError(options.file, `cannot read it: ${(error as Error).message}`, undefined, { cause: error });
    }
  }
  const text = cypher ?? '';
  if (text.trim() === '') throw new ConfigError('the Cypher query is empty');
  // refuse before starting or connecting to Neo4j; runUserCypher checks again
  assertReadOnly(text);
  return (target, limits) => runUserCypher(target, text, {}, limits);
}

function readLimits(options: QueryOptions): ReadLimits {
  const rowLimit = positiveInt('--limit', options.limit);
  const seconds = positiveSeconds('--timeout', options.timeout);
  return { rowLimit, timeoutMs: Math.round(seconds * 1000) };
}
