import * as fs from 'node:fs';
import type { Command } from 'commander';
import { ExitCode, InputError } from '../../errors';
import type { ExtractionDocument } from '../../model/extraction';
import { connect } from '../../neo4j';
import { DEFAULT_BATCH_SIZE, findArticlesByReference, loadExtraction, retractArticles, type LoadSummary } from '../../store';
import type { CliContext } from '../context';
import { startProgress } from '../progress';
import { positiveInt } from '../flags';

export function registerLoad(program: Command, context: CliContext): void {
  program
    .command('load')
    .description('load extraction JSON (the output of graphwire extract --format json) into Neo4j; - reads stdin')
    .argument('<file...>', 'extraction JSON files')
    .option('--batch-size <rows>', 'rows per transaction', String(DEFAULT_BATCH_SIZE))
    .action(async (files: string[], options: { batchSize: string }) => {
      const batchSize = positiveInt('--batch-size', options.batchSize);
      const connection = await connect(context.config(), { log: context.say });
      try {
        for (const file of files) {
          const doc = readExtraction(file);
          const progress = startProgress({ unit: 'articles', stream: context.stderr, quiet: context.quiet(), totalItems: doc.articles.length });
          let reported = 0;
          const summary = await loadExtraction(connection.driver, doc, {
            database: connection.target.database,
            batchSize,
            store: connection.target.dataDir === undefined ? undefined : { dir: connection.target.dataDir },
            onProgress: (done) => {
              for (; reported < done; reported++) progress.tick();
            },
          });
          progress.stop();
          reportLoad(context, file, summary);
          if (summary.articles.failed > 0) context.exitCode = ExitCode.partial;
        }
      } finally {
        await connection.close();
      }
    });

  program
    .command('remove')
    .description("remove articles' contribution from the graph, by article id, input path, URL or file name")
    .argument('<article...>', 'article ids, paths, URLs or file names')
    .action(async (refs: string[]) => {
      const connection = await connect(context.config(), { log: context.say });
      try {
        const found = await findArticlesByReference(connection.driver, refs, { database: connection.target.database });
        const ids: string[] = [];
        for (const ref of refs) {
          const matches = found.get(ref) ?? [];
          if (matches.length === 0) {
            context.warn(`${ref}: no article in the graph has this id, path, URL or file name`);
            context.exitCode = ExitCode.partial;
          } else if (matches.length > 1 && !matches.includes(ref)) {
            context.warn(`${ref}: names ${matches.length} articles (${matches.join(', ')}); give an article id`);
            context.exitCode = ExitCode.partial;
          } else {
            ids.push(matches.includes(ref) ? ref : matches[0]!);
          }
        }
        const result = await retractArticles(connection.driver, ids, { database: connection.target.database });
        context.stdout.write(
          `removed ${result.removed.length} article(s): facts deleted ${result.factsDeleted}, facts updated ${result.factsUpdated}, ` +
            `entities deleted ${result.entitiesDeleted}, entities updated ${result.entitiesUpdated}\n`,
        );
      } finally {
        await connection.close();
      }
    });
}

export function reportLoad(context: CliContext, what: string, summary: LoadSummary): void {
  for (const failure of summary.failures) {
    context.warn(`${failure.articles.map((a) => a.file).join(', ')}: not loaded: ${failure.message}`);
  }
  const a = summary.articles;
  context.stdout.write(
    `${what}: articles new ${a.new}, unchanged ${a.unchanged}, updated ${a.updated}, failed ${a.failed}; ` +
      `entities created ${summary.entities.created}, updated ${summary.entities.updated}; ` +
      `relations created ${summary.relations.created}, updated ${summary.relations.updated}\n`,
  );
}

function readExtraction(file: string): ExtractionDocument {
  let text: string;
  try {
    text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new InputError(file, `cannot read: ${(error as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, `not JSON: ${(error as Error).message}`);
  }
  const d = doc as Partial<ExtractionDocument>;
  for (const field of ['articles', 'entities', 'relations'] as const) {
    if (!Array.isArray(d?.[field])) throw new InputError(file, `not an extraction document: "${field}" must be a list (see graphwire extract --format json)`);
  }
  return doc as ExtractionDocument;
}
