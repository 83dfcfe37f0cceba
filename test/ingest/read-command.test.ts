import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { registerRead } from '../../src/cli/commands/read';
import type { CliContext } from '../../src/cli/context';
import { ConfigError, ExitCode } from '../../src/errors';
import { fixture } from './helpers';

/** Runs `graphwire read ...` in process, capturing what it writes. */
async function run(...args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    }) as unknown as NodeJS.WriteStream;
  const program = new Command('graphwire').option('-q, --quiet').exitOverride();
  const context: CliContext = {
    config: () => {
      throw new Error('read needs no configuration');
    },
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    quiet: () => program.opts().quiet === true,
    say: (message) => {
      if (!context.quiet()) stderr += `${message}\n`;
    },
    warn: (message) => {
      stderr += `graphwire: warning: ${message}\n`;
    },
    exitCode: 0,
  };
  registerRead(program, context);
  await program.parseAsync(['node', 'graphwire', ...args]);
  return { stdout, stderr, exitCode: context.exitCode };
}

describe('ingest: graphwire read', () => {
  it('prints a JSON array of cleaned articles with their metadata, and a summary on stderr', async () => {
    const { stdout, stderr, exitCode } = await run('read', fixture('caption-dateline.txt'), fixture('single.json'), '--format', 'json');
    const articles = JSON.parse(stdout) as Array<Record<string, unknown>>;
    assert.deepEqual(articles.map((a) => [a.file, a.source]), [['caption-dateline.txt', 'AFP'], ['single.json', 'AP']]);
    assert.equal(articles[0]!.dateline, 'Varna');
    assert.equal(articles[0]!.original, undefined, 'the original text only with --with-offsets');
    assert.equal(stderr, 'read 2 articles; nothing skipped\n');
    assert.equal(exitCode, ExitCode.ok);
  });

  it('shows where each date came from, an inferred one included', async () => {
    const { stdout } = await run('read', fixture('same-story', 'ferry-undated.txt'), fixture('same-story', 'ferry-dated.txt'), fixture('single.json'));
    const articles = JSON.parse(stdout) as Array<Record<string, unknown>>;
    assert.deepEqual(articles.map((a) => [a.file, a.published, String(a.publishedFrom).replace(/,.*/, '')]), [
      ['ferry-undated.txt', '2021-03-04', 'inferred: same story as ferry-dated.txt (id 435dd38ffb47122c)'],
      ['ferry-dated.txt', '2021-03-04', 'text'],
      ['single.json', '2022-08-17', 'metadata'],
    ]);
    assert.equal(articles[1]!.id, '435dd38ffb47122c');
  });

  it('--with-offsets adds the original text, removals and offset map', async () => {
    const [article] = JSON.parse((await run('read', fixture('titled-wire.txt'), '--with-offsets')).stdout) as Array<Record<string, unknown>>;
    assert.equal(typeof article!.original, 'string');
    assert.ok(Array.isArray((article!.offsets as { runs: unknown[] }).runs));
    assert.deepEqual((article!.removed as Array<{ rule: string }>).map((r) => r.rule), ['title', 'dateline', 'wire-signoff']);
  });

  it('prints text with a header per article', async () => {
    const { stdout } = await run('read', fixture('titled-wire.txt'), '--format', 'text');
    assert.match(stdout, /^={72}\nid: [0-9a-f]{16}\ntitle: NORDIC BANK RAISES SAVINGS RATES\nsource: Reuters\ndateline: Oslo\nfile: .*titled-wire\.txt\n\nA Norwegian savings bank/);
  });

  it('exits with the partial code and names each skipped input when some fail', async () => {
    const { stdout, stderr, exitCode } = await run('read', fixture('articles.jsonl'), fixture('no-body.html'));
    assert.equal((JSON.parse(stdout) as unknown[]).length, 3);
    assert.equal(exitCode, ExitCode.partial);
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[0]!, /^graphwire: skipped .*articles\.jsonl:3: line is not valid JSON/);
    assert.match(lines[2]!, /^graphwire: skipped .*no-body\.html: no article body found/);
    assert.equal(lines[3], 'read 3 articles; 3 skipped');
  });

  it('--quiet keeps the failures and drops the summary', async () => {
    const { stderr } = await run('--quiet', 'read', fixture('no-body.html'));
    assert.match(stderr, /^graphwire: skipped .*no-body\.html/);
    assert.ok(!stderr.includes('read 0 articles'));
  });

  it('prints an empty array when nothing could be read', async () => {
    const { stdout, exitCode } = await run('read', fixture('no-body.html'));
    assert.equal(stdout, '[]\n');
    assert.equal(exitCode, ExitCode.partial);
  });

  it('refuses an unknown --format or a bad --max-input-size', async () => {
    await assert.rejects(run('read', fixture('single.json'), '--format', 'xml'), ConfigError);
    await assert.rejects(run('read', fixture('single.json'), '--max-input-size', 'lots'), ConfigError);
  });
});
