import type { Command } from 'commander';
import { readArticles, surveyInputs, DEFAULT_MAX_BYTES } from '../../../ingest/read';
import {
  defaultWorkerCount,
  extractInOrder,
  extractionFailureNote,
  Extractor,
  ExtractionPool,
  InlineExtractions,
  loadSchema,
  toTsv,
  truncationNote,
  type ArticleExtraction,
  type ArticleExtractions,
} from '../../../ingest/extract';
import type { Article } from '../../model/article';
import { ConfigError, ExitCode } from '../../errors';
import type { CliContext } from '../context';
import { wholeNumber } from '../flags';
import { startProgress, type Progress } from '../progress';

interface ExtractFlags {
  format: string;
  schema?: string;
  explain?: boolean;
  maxInputSize: string;
  workers?: string;
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
    .option('--workers <n>', 'worker threads extracting articles side by side; 0 extracts in this thread; the output is the same (default: one a core, at most 4)')
    .action(async (paths: string[], flags: ExtractFlags) => {
      if (flags.format !== 'json' && flags.format !== 'tsv') throw new ConfigError(`--format must be json or tsv, not "${flags.format}"`);
      const maxMb = Number(flags.maxInputSize);
      if (!(maxMb > 0)) throw new ConfigError(`--max-input-size must be a positive number of megabytes, not "${flags.maxInputSize}"`);
      const workers = flags.workers === undefined ? defaultWorkerCount() : wholeNumber('--workers', flags.workers);
      // the schema and the pipeline are checked before any article is read
      const schema = flags.schema !== undefined ? loadSchema(flags.schema) : undefined;
      const setup = { ...(schema !== undefined ? { schema } : {}), ...(flags.explain ? { explain: true } : {}) };
      const extractor = new Extractor(setup);
      const source: ArticleExtractions = workers > 0 ? new ExtractionPool(workers, setup) : new InlineExtractions(extractor);

      const { stderr, stdout } = context;
      const progress = startProgress({ unit: 'files', stream: stderr, quiet: context.quiet() });
      if (stderr.isTTY && !context.quiet()) {
        const survey = surveyInputs(paths.filter((p) => p !== '-')).then(({ files, bytes }) => progress.setTotal(files, bytes), () => undefined);
        await Promise.race([survey, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      }
      const results: ArticleExtraction[] = [];
      const counted = { failures: 0 };
      try {
        const articles = readable(paths, maxMb * 1024 * 1024, progress, counted);
        for await (const { article, result, error } of extractInOrder(source, articles)) {
          if (result) results.push(result);
          else {
            counted.failures++;
            progress.log(`graphwire: skipped ${extractionFailureNote(article, error!)}`);
          }
        }
      } finally {
        progress.stop();
        await source.close();
      }
      const failures = counted.failures;
      const doc = extractor.merge(results);
      stdout.write(flags.format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : toTsv(doc));
      context.say(`extracted ${doc.entities.length} entities and ${doc.relations.length} relations from ${results.length} article${results.length === 1 ? '' : 's'}${failures > 0 ? `; ${failures} skipped` : ''}`);
      if (failures > 0) context.exitCode = Math.max(context.exitCode, ExitCode.partial);
    });
}

/** The articles of the inputs; inputs that cannot be read are counted and reported as they come. */
async function* readable(paths: string[], maxBytes: number, progress: Progress, counted: { failures: number }): AsyncGenerator<Article> {
  for await (const event of readArticles(paths, { maxBytes, onInput: ({ bytes }) => progress.tick(bytes) })) {
    if (event.kind === 'article') {
      const note = truncationNote(event.article);
      if (note) progress.log(`graphwire: warning: ${note}`);
      yield event.article;
    } else if (event.kind === 'failure') {
      counted.failures++;
      progress.log(`graphwire: skipped ${event.error.message}`);
    } else {
      progress.log(`graphwire: warning: ${event.error.message}`);
    }
  }
}
