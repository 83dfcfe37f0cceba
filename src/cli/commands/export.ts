import * as fs from 'node:fs';
import type { Command } from 'commander';
import { EXPORT_FORMATS, FORMAT_INFO, IMPORT_OPTIONS, exportCsvToFolder, exportGraph, parseFormat, type ExportCounts } from '../../export';
import { connect } from '../../neo4j';
import type { CliContext } from '../context';

interface ExportFlags {
  output?: string;
  articles?: boolean;
}

export function registerExport(program: Command, context: CliContext): void {
  program
    .command('export')
    .description(`write the graph in Neo4j as ${EXPORT_FORMATS.join(', ')} (entities and facts; --articles adds articles and MENTIONS)`)
    .argument('<format>', Object.entries(FORMAT_INFO).map(([name, info]) => `${name}: ${info.description}`).join('; '))
    .option('-o, --output <path>', 'write here instead of stdout; for csv a folder (nodes.csv, relationships.csv), or a .tar file')
    .option('--articles', 'include Article nodes and their MENTIONS edges')
    .action(async (formatName: string, flags: ExportFlags) => {
      const format = parseFormat(formatName);
      const connection = await connect(context.config(), { log: context.say });
      const options = { database: connection.target.database, includeArticles: flags.articles === true };
      try {
        let counts: ExportCounts;
        if (format === 'csv' && flags.output !== undefined && !flags.output.endsWith('.tar')) {
          counts = await exportCsvToFolder(connection.driver, flags.output, options);
        } else if (flags.output !== undefined) {
          const file = fs.createWriteStream(flags.output);
          try {
            counts = await exportGraph(connection.driver, format, file, options);
          } finally {
            await new Promise<void>((resolve, reject) => file.once('error', reject).end(resolve));
          }
        } else {
          counts = await exportGraph(connection.driver, format, context.stdout, options);
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
