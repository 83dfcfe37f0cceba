import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ExtractionFailed, ExtractionPool, Extractor, extractInOrder, InlineExtractions, loadSchema, type ArticleExtraction, type ExtractedArticle } from '../../ingest/extract';
import { readArticles } from '../../ingest/read';
import type { Article } from '../../src/model/article';
import { graphwire } from '../reliability/cli';

const FIXTURES = ['pipeline', 'ingest'].map((d) => path.resolve(__dirname, '../fixtures', d));

async function articles(): Promise<Article[]> {
  const out: Article[] = [];
  for await (const event of readArticles(FIXTURES)) if (event.kind === 'article') out.push(event.article);
  return out;
}

describe('extract: worker threads (ExtractionPool)', function () {
  this.timeout(120_000);
  let all: Article[];
  let inline: ArticleExtraction[];
  const extractor = new Extractor();

  before(async () => {
    all = await articles();
    assert.ok(all.length >= 15, `fixtures give ${all.length} articles`);
    inline = all.map((a) => extractor.article(a));
  });

  it('gives, in input order, exactly the per-article results and the merged document of extraction in this thread', async () => {
    const pool = new ExtractionPool(3);
    try {
      const got: ArticleExtraction[] = [];
      for await (const { result, error } of extractInOrder(pool, all, 5)) {
        assert.equal(error, undefined);
        got.push(result!);
      }
      assert.deepEqual(got, inline);
      assert.deepEqual(extractor.merge(got), extractor.merge(inline));
    } finally {
      await pool.close();
    }
  });

  it("passes the user's schema to the workers", async () => {
    const setup = { schema: loadSchema(path.resolve(__dirname, '../fixtures/extract/schema-extend.yaml')) };
    let report: Article | undefined;
    for await (const event of readArticles([path.resolve(__dirname, '../fixtures/extract/match-report.txt')])) {
      if (event.kind === 'article') report = event.article;
    }
    const pool = new ExtractionPool(2, setup);
    try {
      const got = await pool.extract(report!);
      // the schema's own relation type, which the default schema does not have
      assert.deepEqual(got.relations.map((r) => r.predicate), ['DEFEATED']);
      assert.deepEqual(got, new Extractor(setup).article(report!));
      for (const article of all.slice(0, 6)) assert.deepEqual(await pool.extract(article), inline[all.indexOf(article)]);
    } finally {
      await pool.close();
    }
  });

  it('a worker that dies fails only the article it was on; the articles it held go to its replacement', async () => {
    const crash: Article = { ...all[0]!, title: 'CRASH' };
    const input = [all[1]!, all[2]!, crash, all[3]!, all[4]!, all[5]!];
    const pool = new ExtractionPool(1, {}, path.join(__dirname, 'crashing-worker.ts'));
    try {
      const outcomes: ExtractedArticle[] = [];
      for await (const outcome of extractInOrder(pool, input, 6)) outcomes.push(outcome);
      assert.deepEqual(outcomes.map((o) => o.article), input);
      assert.ok(outcomes[2]!.error instanceof ExtractionFailed);
      assert.match(outcomes[2]!.error.message, /worker stopped on this article: exit code 7/);
      assert.deepEqual(
        outcomes.filter((o) => o !== outcomes[2]).map((o) => o.result),
        [1, 2, 3, 4, 5].map((i) => inline[i]),
      );
    } finally {
      await pool.close();
    }
  });

  it('an article the extractor rejects is an error for that article, as in this thread', async () => {
    const broken = { ...all[0]!, text: undefined } as unknown as Article;
    let here: Error | undefined;
    try {
      extractor.article(broken);
    } catch (error) {
      here = error as Error;
    }
    assert.ok(here, 'the extractor rejects an article without text');
    const pool = new ExtractionPool(1);
    try {
      await assert.rejects(pool.extract(broken), (error: Error) => error instanceof ExtractionFailed && error.message === here!.message);
      assert.deepEqual(await pool.extract(all[1]!), inline[1]);
    } finally {
      await pool.close();
    }
  });

  it('the inline form gives the same results, and close() rejects what a closed pool is asked', async () => {
    const got: ArticleExtraction[] = [];
    for await (const { result } of extractInOrder(new InlineExtractions(extractor), all.slice(0, 4))) got.push(result!);
    assert.deepEqual(got, inline.slice(0, 4));
    const pool = new ExtractionPool(1);
    await pool.close();
    await assert.rejects(pool.extract(all[0]!), /closed/);
  });

  it('graphwire extract prints the same JSON with --workers 2 as with --workers 0, and refuses --workers -1', async () => {
    const [threads, here, wrong] = await Promise.all(
      [['--workers', '2'], ['--workers', '0'], ['--workers', '-1']].map((flag) => graphwire(['extract', ...FIXTURES, ...flag], {}, 120_000).done),
    );
    assert.equal(threads!.code, here!.code, threads!.stderr);
    assert.ok(JSON.parse(here!.stdout).relations.length > 0);
    assert.equal(threads!.stdout, here!.stdout);
    assert.equal(wrong!.code, 2);
    assert.match(wrong!.stderr, /--workers "-1" is not a whole number/);
  });

  it('workers that cannot start fail every article with the reason, once, instead of being restarted forever', async () => {
    const pool = new ExtractionPool(2, {}, path.join(__dirname, 'no-such-worker.js'));
    try {
      const outcomes: ExtractedArticle[] = [];
      for await (const outcome of extractInOrder(pool, all.slice(0, 5), 5)) outcomes.push(outcome);
      assert.equal(outcomes.length, 5);
      for (const o of outcomes) assert.match(o.error?.message ?? '', /extraction workers cannot start \(.*no-such-worker\.js\): .*Cannot find module/);
      await assert.rejects(pool.extract(all[0]!), /cannot start/);
    } finally {
      await pool.close();
    }
  });

  it('refuses a worker count that is not a positive whole number', () => {
    for (const n of [0, -1, 1.5, Number.NaN]) assert.throws(() => new ExtractionPool(n), RangeError);
  });
});
