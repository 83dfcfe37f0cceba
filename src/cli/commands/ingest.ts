import type { Command } from 'commander';
import { Extractor, loadSchema, readArticles, surveyInputs, type ArticleExtraction } from '../../../ingest';
import { ExitCode, InputError } from '../../errors';
import type { ExtractionDocument } from '../../model/extraction';
import { connect, type Neo4jConnection } from '../../neo4j';
import { DEFAULT_BATCH_SIZE, loadExtraction, type LoadSummary } from '../../store';
import type { CliContext } from '../context';
import { startProgress } from '../progress';
import { reportLoad } from './load';

export const DEFAULT_WINDOW = 1000;

interface IngestOptions {
  batchSize: string;
  window: string;
  schema?: string;
  dryRun?: boolean;
}

/**
 * read → extract → load. Articles are extracted one by one and merged across articles a window at a time, so memory
 * stays bounded however many files there are; entity ids are stable names, so windows (and later ingests) meet on
 * the same nodes.
 */
export function registerIngest(program: Command, context: CliContext): void {
  program
    .command('ingest')
    .description('read articles, extract entities and facts, and load them into Neo4j (files, folders, globs, - for stdin)')
    .argument('<path...>', 'articles: .txt .md .html .json .jsonl, or .gz of any')
    .option('--batch-size <rows>', 'rows per Neo4j transaction', String(DEFAULT_BATCH_SIZE))
    .option('--window <articles>', 'articles resolved together before each load', String(DEFAULT_WINDOW))
    .option('--schema <file>', 'a schema file (JSON or YAML) replacing or extending the default news schema')
    .option('--dry-run', 'print what would be loaded (the extraction JSON) and write nothing')
    .action(async (paths: string[], options: IngestOptions) => {
      const batchSize = positive('--batch-size', options.batchSize);
      const window = positive('--window', options.window);
      const extractor = new Extractor(options.schema ? { schema: loadSchema(options.schema) } : {});
      const connection: Neo4jConnection | undefined = options.dryRun ? undefined : await connect(context.config(), { log: context.say });
      const totals = emptySummary();
      let readFailures = 0;
      const survey = await surveyInputs(paths);
      const progress = startProgress({ unit: 'files', stream: context.stderr, quiet: context.quiet(), totalItems: survey.files, totalBytes: survey.bytes });
      let pending: ArticleExtraction[] = [];
      const dryRunDocs: ExtractionDocument[] = [];

      const flush = async (): Promise<void> => {
        if (pending.length === 0) return;
        const doc = extractor.merge(pending);
        pending = [];
        if (connection === undefined) {
          dryRunDocs.push(doc);
          return;
        }
        const summary = await loadExtraction(connection.driver, doc, { database: connection.target.database, batchSize });
        for (const failure of summary.failures) {
          progress.log(`graphwire: warning: ${failure.articles.map((a) => a.file).join(', ')}: not loaded: ${failure.message}`);
        }
        addSummary(totals, summary);
      };

      try {
        for await (const event of readArticles(paths, { onInput: ({ bytes }) => progress.tick(bytes) })) {
          if (event.kind === 'failure') {
            readFailures++;
            progress.log(`graphwire: skipped ${event.error.message}`);
          } else if (event.kind === 'warning') {
            progress.log(`graphwire: warning: ${event.error.message}`);
          } else {
            pending.push(extractor.article(event.article));
            if (pending.length >= window) await flush();
          }
        }
        await flush();
      } finally {
        progress.stop();
        await connection?.close();
      }

      totals.articles.failed += readFailures;
      if (connection === undefined) {
        const doc = dryRunDocs.length === 1 ? dryRunDocs[0]! : concatenate(dryRunDocs);
        context.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
        context.say(`dry run: ${doc.articles.length} articles, ${doc.entities.length} entities, ${doc.relations.length} relations would be loaded; ${readFailures} inputs skipped`);
      } else {
        reportLoad(context, 'ingest', { ...totals, failures: [] });
      }
      if (totals.articles.failed > 0) context.exitCode = ExitCode.partial;
    });
}

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InputError(flag, `"${value}" is not a positive whole number`);
  return n;
}

function emptySummary(): LoadSummary {
  return {
    articles: { new: 0, unchanged: 0, updated: 0, failed: 0 },
    entities: { created: 0, updated: 0 },
    relations: { created: 0, updated: 0 },
    failures: [],
  };
}

function addSummary(into: LoadSummary, s: LoadSummary): void {
  for (const k of ['new', 'unchanged', 'updated', 'failed'] as const) into.articles[k] += s.articles[k];
  into.entities.created += s.entities.created;
  into.entities.updated += s.entities.updated;
  into.relations.created += s.relations.created;
  into.relations.updated += s.relations.updated;
}

/** Windows of a dry run, side by side (entities met in several windows are listed once per window). */
function concatenate(docs: ExtractionDocument[]): ExtractionDocument {
  return {
    articles: docs.flatMap((d) => d.articles),
    entities: docs.flatMap((d) => d.entities),
    relations: docs.flatMap((d) => d.relations),
  };
}
