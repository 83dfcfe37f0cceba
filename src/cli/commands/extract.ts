import type { Command } from 'commander';
import { readArticles, surveyInputs, DEFAULT_MAX_BYTES } from '../../../ingest/read';
import { Extractor, loadSchema, toTsv, truncationNote, type ArticleExtraction } from '../../../ingest/extract';
import { ConfigError, ExitCode } from '../../errors';
import type { CliContext } from '../context';
import { startProgress } from '../progress';

interface ExtractFlags {
  format: string;
  schema?: string;
  explain?: boolean;
  maxInputSize: string;
}

export function registerExtract(program: Command, context: CliContext): void {
  program
    .command('extract')
    .description('extract entities and relations from articles, resolved across all of them, and print the graph (JSON or one triple per line)')
    .argument('<path...>', 'files, folders (read recursively), glob patterns, or - for standard input')
    .option('--format <format>', 'json (the extraction JSON of the spec) or tsv (one triple per line)', 'json')
    .option('--schema <file>', 'a schema file (JSON or YAML) that extends or replaces the default news schema')
    .option('--explain', 'add mergedBecause to each entity: why its mentions were joined')
    .option('--max-input-size <MB>', 'refuse any one article file (or JSON Lines record) larger than this', String(DEFAULT_MAX_BYTES / (1024 * 1024)))
    .action(async (paths: string[], flags: ExtractFlags) => {
      if (flags.format !== 'json' && flags.format !== 'tsv') throw new ConfigError(`--format must be json or tsv, not "${flags.format}"`);
      const maxMb = Number(flags.maxInputSize);
      if (!(maxMb > 0)) throw new ConfigError(`--max-input-size must be a positive number of megabytes, not "${flags.maxInputSize}"`);
      // the schema and the pipeline are checked before any article is read
      const extractor = new Extractor({ ...(flags.schema !== undefined ? { schema: loadSchema(flags.schema) } : {}), ...(flags.explain ? { explain: true } : {}) });

      const { stderr, stdout } = context;
      const progress = startProgress({ unit: 'files', stream: stderr, quiet: context.quiet() });
      if (stderr.isTTY && !context.quiet()) {
        const survey = surveyInputs(paths.filter((p) => p !== '-')).then(({ files, bytes }) => progress.setTotal(files, bytes), () => undefined);
        await Promise.race([survey, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      }
      const results: ArticleExtraction[] = [];
      let failures = 0;
      try {
        for await (const event of readArticles(paths, { maxBytes: maxMb * 1024 * 1024, onInput: ({ bytes }) => progress.tick(bytes) })) {
          if (event.kind === 'article') {
            try {
              const note = truncationNote(event.article);
              if (note) progress.log(`graphwire: warning: ${note}`);
              results.push(extractor.article(event.article));
            } catch (error) {
              failures++;
              progress.log(`graphwire: skipped ${(error as Error).message}`);
            }
          } else if (event.kind === 'failure') {
            failures++;
            progress.log(`graphwire: skipped ${event.error.message}`);
          } else {
            progress.log(`graphwire: warning: ${event.error.message}`);
          }
        }
      } finally {
        progress.stop();
      }
      const doc = extractor.merge(results);
      stdout.write(flags.format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : toTsv(doc));
      context.say(`extracted ${doc.entities.length} entities and ${doc.relations.length} relations from ${results.length} article${results.length === 1 ? '' : 's'}${failures > 0 ? `; ${failures} skipped` : ''}`);
      if (failures > 0) context.exitCode = Math.max(context.exitCode, ExitCode.partial);
    });
}
