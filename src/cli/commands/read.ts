import type { Command } from 'commander';
import { readArticles, surveyInputs, DEFAULT_MAX_BYTES } from '../../../ingest/read';
import { ConfigError, ExitCode } from '../../errors';
import type { Article } from '../../model/article';
import type { CliContext } from '../context';
import { startProgress } from '../progress';

interface ReadFlags {
  format: string;
  maxInputSize: string;
  withOffsets?: boolean;
}

export function registerRead(program: Command, context: CliContext): void {
  program
    .command('read')
    .description('read articles (files, folders, globs, - for stdin; .txt .md .html .json .jsonl, or .gz of them), clean them and print them with their metadata')
    .argument('<path...>', 'files, folders (read recursively), glob patterns, or - for standard input')
    .option('--format <format>', 'json (a JSON array) or text', 'json')
    .option('--max-input-size <MB>', 'refuse any one article file (or JSON Lines record) larger than this', String(DEFAULT_MAX_BYTES / (1024 * 1024)))
    .option('--with-offsets', 'also print the original text, the removed ranges and the offset map (json only)')
    .action(async (paths: string[], flags: ReadFlags) => {
      const format = flags.format;
      if (format !== 'json' && format !== 'text') throw new ConfigError(`--format must be json or text, not "${format}"`);
      const maxMb = Number(flags.maxInputSize);
      if (!(maxMb > 0)) throw new ConfigError(`--max-input-size must be a positive number of megabytes, not "${flags.maxInputSize}"`);

      const { stderr, stdout } = context;
      const progress = startProgress({ unit: 'files', stream: stderr, quiet: context.quiet() });
      if (stderr.isTTY && !context.quiet()) {
        // totals for the bar come from a quick walk of the same paths; reading starts after it, or
        // after a second at most, so a huge tree shows "?" for a while rather than a frozen screen
        const survey = surveyInputs(paths.filter((p) => p !== '-')).then(({ files, bytes }) => progress.setTotal(files, bytes), () => undefined);
        await Promise.race([survey, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      }

      const out = new Output(stdout, format, flags.withOffsets === true);
      let articles = 0;
      let failures = 0;
      let warnings = 0;
      try {
        for await (const event of readArticles(paths, { maxBytes: maxMb * 1024 * 1024, onInput: ({ bytes }) => progress.tick(bytes) })) {
          if (event.kind === 'article') {
            articles++;
            // the reader went away (`| head`): stop reading, nothing is wrong
            if (!(await out.write(event.article))) break;
          } else if (event.kind === 'failure') {
            failures++;
            progress.log(`graphwire: skipped ${event.error.message}`);
          } else {
            warnings++;
            progress.log(`graphwire: warning: ${event.error.message}`);
          }
        }
        await out.end();
      } finally {
        progress.stop();
      }
      const problems = [failures > 0 ? `${failures} skipped` : '', warnings > 0 ? `${warnings} read with warnings` : ''].filter(Boolean);
      context.say(`read ${articles} article${articles === 1 ? '' : 's'}${problems.length > 0 ? `; ${problems.join(', ')}` : '; nothing skipped'}`);
      if (failures > 0) context.exitCode = Math.max(context.exitCode, ExitCode.partial);
    });
}

/** Writes articles as they come, waiting when the pipe is full so memory stays flat. */
class Output {
  private count = 0;
  private closed = false;
  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly format: 'json' | 'text',
    private readonly withOffsets: boolean,
  ) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      this.closed = true;
    });
  }

  /** false once the reader has gone away */
  async write(article: Article): Promise<boolean> {
    const chunk = this.format === 'json' ? `${this.count === 0 ? '[\n' : ',\n'}${JSON.stringify(this.shape(article), null, 2)}` : this.asText(article);
    this.count++;
    return this.put(chunk);
  }

  async end(): Promise<void> {
    if (this.format === 'json') await this.put(this.count === 0 ? '[]\n' : '\n]\n');
  }

  private shape(article: Article): Partial<Article> {
    if (this.withOffsets) return article;
    const { original: _original, offsets: _offsets, removed: _removed, ...rest } = article;
    return rest;
  }

  private asText(article: Article): string {
    const fields: Array<[string, string | number | undefined]> = [
      ['id', article.id], ['title', article.title], ['source', article.source], ['published', article.published],
      ['dateline', article.dateline], ['byline', article.byline], ['url', article.url],
      ['file', article.line === undefined ? article.path : `${article.path}:${article.line}`],
    ];
    const head = fields.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`).join('\n');
    return `${this.count === 0 ? '' : '\n'}${'='.repeat(72)}\n${head}\n\n${article.text}\n`;
  }

  private put(chunk: string): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const ok = this.stream.write(chunk, () => undefined);
      if (ok) resolve(!this.closed);
      else {
        const done = (): void => resolve(!this.closed);
        this.stream.once('drain', done);
        this.stream.once('close', done);
      }
    });
  }
}
