import * as fs from 'node:fs';
import type { Command } from 'commander';
import type { Writable } from 'node:stream';
import { ConfigError } from '../../errors';
import {
  EXPORT_FORMATS,
  FORMAT_INFO,
  IMPORT_OPTIONS,
  exportCsvToFolder,
  exportGraph,
  parseFormat,
  resultGraph,
  writeCsvFiles,
  writeGraph,
  type ExportCounts,
  type ExportFormat,
} from '../../export';
import { connect, type Neo4jConnection } from '../../neo4j';
import { DEFAULT_READ_LIMITS, checkParams, loadPresets, parseAssignments, runPreset } from '../../query';
import type { CliContext } from '../context';
import { positiveInt } from '../flags';

interface ExportFlags {
  output?: string;
  articles?: boolean;
  preset?: string;
  param: string[];
  limit: string;
}

/** Writes either the whole graph or one preset's result; both go through the same writers. */
type Export = {
  toStream(format: ExportFormat, out: Writable): Promise<ExportCounts>;
  toFolder(folder: string): Promise<ExportCounts>;
};

export function registerExport(program: Command, context: CliContext): void {
  program
    .command('export')
    .description(`write the graph in Neo4j as ${EXPORT_FORMATS.join(', ')} (entities and facts; --articles adds articles and MENTIONS)`)
    .argument('<format>', Object.entries(FORMAT_INFO).map(([name, info]) => `${name}: ${info.description}`).join('; '))
    .option('-o, --output <path>', 'write here instead of stdout; for csv a folder (nodes.csv, relationships.csv), or a .tar file')
    .option('--articles', 'include Article nodes and their MENTIONS edges (whole-graph export)')
    .option('--preset <name>', "export this preset's result instead of the whole graph (see graphwire presets)")
    .option('-p, --param <name=value>', 'a preset parameter (repeat for several)', (value: string, all: string[]) => [...all, value], [])
    .option('--limit <rows>', 'with --preset: read at most this many rows', String(DEFAULT_READ_LIMITS.rowLimit))
    .action(async (formatName: string, flags: ExportFlags) => {
      const format = parseFormat(formatName);
      const source = prepare(flags);
      const connection = await connect(context.config(), { log: context.say });
      const what = source(connection);
      try {
        let counts: ExportCounts;
        if (format === 'csv' && flags.output !== undefined && !flags.output.endsWith('.tar')) {
          counts = await what.toFolder(flags.output);
        } else if (flags.output !== undefined) {
          const file = fs.createWriteStream(flags.output);
          try {
            counts = await what.toStream(format, file);
          } finally {
            await new Promise<void>((resolve, reject) => file.once('error', reject).end(resolve));
          }
        } else {
          counts = await what.toStream(format, context.stdout);
        }
        context.say(`Exported ${counts.nodes} nodes and ${counts.edges} edges as ${format}${flags.output ? ` to ${flags.output}` : ''}.`);
        if (format === 'csv') {
          context.say(`Import with: neo4j-admin database import full DATABASE ${IMPORT_OPTIONS.join(' ')} --nodes=nodes.csv --relationships=relationships.csv`);
        }
      } finally {
        await connection.close();
      }
    });
}

/** Everything that can be checked before connecting: the preset and its parameters. */
function prepare(flags: ExportFlags): (connection: Neo4jConnection) => Export {
  if (flags.preset === undefined) {
    if (flags.param.length > 0) throw new ConfigError('--param goes with --preset');
    return ({ driver, target }) => {
      const options = { database: target.database, includeArticles: flags.articles === true };
      return { toStream: (format, out) => exportGraph(driver, format, out, options), toFolder: (folder) => exportCsvToFolder(driver, folder, options) };
    };
  }
  if (flags.articles) throw new ConfigError('--articles applies to the whole graph; a preset exports what it returns');
  const rowLimit = positiveInt('--limit', flags.limit);
  const preset = loadPresets().get(flags.preset);
  const params = parseAssignments(preset, flags.param);
  checkParams(preset, params);
  return ({ driver, target }) => {
    const graph = async () => resultGraph(await runPreset({ driver, database: target.database }, preset, params, { ...DEFAULT_READ_LIMITS, rowLimit }));
    return { toStream: async (format, out) => writeGraph(await graph(), format, out), toFolder: async (folder) => writeCsvFiles(await graph(), folder) };
  };
}
