import type { Command } from 'commander';
import {
  defaultWorkerCount,
  extractInOrder,
  extractionFailureNote,
  Extractor,
  ExtractionPool,
  InlineExtractions,
  joinKnown,
  loadSchema,
  namesToLookUp,
  readArticles,
  surveyInputs,
  truncationNote,
  type ArticleExtraction,
  type ArticleExtractions,
} from '../../../ingest';
import { ExitCode } from '../../errors';
import type { Article } from '../../model/article';
import type { ExtractionDocument } from '../../model/extraction';
import { connect, type Neo4jConnection } from '../../neo4j';
import { DEFAULT_BATCH_SIZE, entitiesNamed, entityIdsInGraph, knownArticleIds, loadExtraction, type LoadSummary } from '../../store';
import type { CliContext } from '../context';
import { startProgress } from '../progress';
import { reportLoad } from './load';
import { positiveInt, wholeNumber } from '../flags';

export const DEFAULT_WINDOW = 500;

export interface IngestRun {
  paths: string[];
  batchSize: number;
  window: number;
  schemaFile?: string;
  /** worker threads for extraction; 0 extracts in this thread */
  workers: number;
  /** where to load; absent for a dry run */
  connection?: Neo4jConnection;
}

export interface IngestResult {
  summary: LoadSummary;
  /** a dry run's extraction, window by window */
  documents: ExtractionDocument[];
  readFailures: number;
}

interface IngestFlags {
  batchSize: string;
  window: string;
  schema?: string;
  dryRun?: boolean;
  workers?: string;
}

/**
 * read → extract → load. Articles are read in windows; those already in the graph (same id: same cleaned text) are
 * not extracted again; the rest are extracted (in worker threads), resolved across the window and against the graph,
 * and loaded. Memory stays bounded however many files there are; entity ids are stable names, so windows (and later
 * ingests) meet on the same nodes, and their one-word names join the full names already there.
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
    .option('--workers <n>', 'worker threads extracting articles side by side; 0 extracts in this thread; the graph is the same (default: one a core, at most 4)')
    .action(async (paths: string[], flags: IngestFlags) => {
      const run: IngestRun = {
        paths,
        batchSize: positiveInt('--batch-size', flags.batchSize),
        window: positiveInt('--window', flags.window),
        schemaFile: flags.schema,
        workers: flags.workers === undefined ? defaultWorkerCount() : wholeNumber('--workers', flags.workers),
      };
      if (flags.dryRun) {
        const result = await ingest(context, run);
        const doc = concatenate(result.documents);
        context.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
        context.say(`dry run: ${doc.articles.length} articles, ${doc.entities.length} entities, ${doc.relations.length} relations would be loaded; ${result.readFailures} inputs skipped`);
        if (result.readFailures > 0) context.exitCode = ExitCode.partial;
        return;
      }
      const connection = await connect(context.config(), { log: context.say });
      try {
        const result = await ingest(context, { ...run, connection });
        reportLoad(context, 'ingest', { ...result.summary, failures: [] });
        if (result.summary.articles.failed > 0) context.exitCode = ExitCode.partial;
      } finally {
        await connection.close();
      }
    });
}

/** The ingest itself, for `graphwire ingest` and `graphwire start`; reports problems as it goes. */
export async function ingest(context: CliContext, run: IngestRun): Promise<IngestResult> {
  const setup = run.schemaFile ? { schema: loadSchema(run.schemaFile) } : {};
  const extractor = new Extractor(setup);
  const result: IngestResult = { summary: emptySummary(), documents: [], readFailures: 0 };
  const survey = await surveyInputs(run.paths);
  const progress = startProgress({ unit: 'files', stream: context.stderr, quiet: context.quiet(), totalItems: survey.files, totalBytes: survey.bytes });
  // extraction runs beside the reading and the previous window's load: in worker threads, or here between their steps
  const source: ArticleExtractions = run.workers > 0 ? new ExtractionPool(run.workers, setup) : new InlineExtractions(extractor);
  let window: Article[] = [];
  // the previous window's load: it runs (mostly in Neo4j) while the next window is extracted, one at a time
  let loading: Promise<void> | undefined;

  const flush = async (): Promise<void> => {
    if (window.length === 0) return;
    const articles = window;
    window = [];
    const known = run.connection
      ? await knownArticleIds(run.connection.driver, articles, { database: run.connection.target.database })
      : new Set<string>();
    // an article already in the graph, or read twice in this window (the same text in two files), is not extracted
    // again, and counts as unchanged: every article read appears in the summary once
    const fresh: Article[] = [];
    for (const article of articles) {
      if (known.has(article.id)) continue;
      known.add(article.id);
      fresh.push(article);
      const note = truncationNote(article);
      if (note) progress.log(`graphwire: warning: ${note}`);
    }
    const extracted: ArticleExtraction[] = [];
    let failed = 0;
    for await (const { article, result, error } of extractInOrder(source, fresh)) {
      if (result) extracted.push(result);
      else {
        // one article the extractor cannot handle never sinks the rest
        failed++;
        progress.log(`graphwire: skipped ${extractionFailureNote(article, error!)}`);
      }
    }
    result.summary.articles.failed += failed;
    result.summary.articles.unchanged += articles.length - extracted.length - failed;
    if (extracted.length === 0) return;
    const merged = extractor.merge(extracted);
    if (run.connection === undefined) {
      result.documents.push(merged);
      return;
    }
    const { driver, target } = run.connection;
    const store = target.dataDir === undefined ? undefined : { dir: target.dataDir };
    // windows load in order: a load that stops (Neo4j lost, disk full) stops the ingest before the next one starts;
    // and this window's names are looked up in a graph that holds the windows before it
    await loading;
    const doc = await joinGraph(run.connection, merged);
    loading = loadExtraction(driver, doc, { database: target.database, batchSize: run.batchSize, store }).then((summary) => {
      for (const failure of summary.failures) {
        progress.log(`graphwire: warning: ${failure.articles.map((a) => a.file).join(', ')}: not loaded: ${failure.message}`);
      }
      addSummary(result.summary, summary);
    });
    // its failure is thrown where it is awaited (the next window, or the end); until then it must not count as unhandled
    loading.catch(() => undefined);
  };

  try {
    for await (const event of readArticles(run.paths, { onInput: ({ bytes }) => progress.tick(bytes) })) {
      if (event.kind === 'failure') {
        result.readFailures++;
        progress.log(`graphwire: skipped ${event.error.message}`);
      } else if (event.kind === 'warning') {
        progress.log(`graphwire: warning: ${event.error.message}`);
      } else {
        window.push(event.article);
        if (window.length >= run.window) await flush();
      }
    }
    await flush();
    await loading;
  } finally {
    // a window still loading when reading failed is let finish, so what it held is not left half-written by us
    await loading?.catch(() => undefined);
    await source.close();
    progress.stop();
  }
  result.summary.articles.failed += result.readFailures;
  return result;
}

/**
 * The window resolved against what earlier windows and ingests loaded: "Esper" here joins "Mark Esper" there (the
 * rules are joinKnown's). Only names whose own id the graph lacks are looked up.
 */
async function joinGraph(connection: Neo4jConnection, doc: ExtractionDocument): Promise<ExtractionDocument> {
  const options = { database: connection.target.database, files: doc.articles.map((a) => a.file) };
  const inGraph = await entityIdsInGraph(connection.driver, doc.entities.map((e) => e.id), options);
  const candidates = await entitiesNamed(connection.driver, namesToLookUp(doc, inGraph), options);
  return joinKnown(doc, candidates, inGraph).doc;
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

/** A dry run's windows side by side (an entity met in several windows is listed once per window). */
function concatenate(docs: ExtractionDocument[]): ExtractionDocument {
  return {
    articles: docs.flatMap((d) => d.articles),
    entities: docs.flatMap((d) => d.entities),
    relations: docs.flatMap((d) => d.relations),
  };
}
