import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { SAME_STORY_WINDOW } from '../../ingest/read';
import { fixture, readAll } from './helpers';

const GOOD = 'Good news\n\nThe village school reopened on Monday after the summer repairs were finished ahead of time.\n';

describe('ingest: bad input is reported, skipped, and the rest goes on', () => {
  let tmp: string;
  const file = (name: string, content: string | Buffer): string => {
    const full = path.join(tmp, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
    return full;
  };
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'graphwire-bad-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** Reads the bad file between two good ones: one message naming it, both good articles still read. */
  async function oneFailure(bad: string, options = {}): Promise<string> {
    const before = file('a-good.txt', GOOD);
    const after = file('z-good.txt', GOOD.replace('village', 'town'));
    const { articles, failures } = await readAll([before, bad, after], options);
    assert.equal(articles.length, 2, 'the good files around the bad one are read');
    assert.equal(failures.length, 1, `one message, got: ${failures.join(' | ')}`);
    assert.ok(failures[0]!.startsWith(bad), `the message names the file: ${failures[0]}`);
    return failures[0]!;
  }

  it('an empty file (or one of blanks)', async () => {
    assert.match(await oneFailure(file('empty.txt', '')), /empty file/);
    assert.match(await oneFailure(file('blank.txt', '  \n\n \n')), /empty file/);
  });

  it('a binary file with a text name', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(200, 7)]);
    assert.match(await oneFailure(file('picture.txt', png)), /binary data, not text/);
  });

  it('a .gz that is not gzip', async () => {
    assert.match(await oneFailure(file('fake.txt.gz', GOOD)), /not a valid gzip file/);
  });

  it('invalid UTF-8 is decoded with replacement characters and a warning, and the article is kept', async () => {
    const latin1 = Buffer.from('Caf\xe9 prices rise\n\nA coffee now costs \xa33 in the city centre, a survey found.\n', 'latin1');
    const bad = file('latin1.txt', latin1);
    const { articles, failures, warnings } = await readAll([bad]);
    assert.deepEqual(failures, []);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /latin1\.txt: not valid UTF-8: 2 invalid byte sequence/);
    assert.equal(articles[0]!.title, 'Caf\uFFFD prices rise');
    assert.ok(articles[0]!.text.includes('\uFFFD3 in the city'));
  });

  it('a file over the size limit is refused with its size and the flag to raise it, before it is read', async () => {
    const big = file('huge.txt', 'word '.repeat(20_000));
    const message = await oneFailure(big, { maxBytes: 64 * 1024 });
    assert.match(message, /file is 97\.7 KB, over the 64\.0 KB limit for one article \(raise it with --max-input-size/);
  });

  it('files found in a folder: one over the limit is refused with its size, a large one is read, and each reports its size', async () => {
    const small = file('dir/a.txt', GOOD);
    // past the 1 MiB up to which files are read ahead, under the limit
    const large = file('dir/b.txt', `Long read\n\n${'The council met again to discuss the harbour plans. '.repeat(24_000)}\n`);
    file('dir/c.txt', 'word '.repeat(1_000_000));
    const sizes: Array<[string, number]> = [];
    const { articles, failures } = await readAll([path.join(tmp, 'dir')], { maxBytes: 4 * 1024 * 1024, onInput: (i) => sizes.push([path.basename(i.path), i.bytes]) });
    assert.deepEqual(articles.map((a) => a.file), ['a.txt', 'b.txt']);
    assert.ok(articles[1]!.text.length > 1024 * 1024);
    assert.deepEqual(failures, [`${path.join(tmp, 'dir', 'c.txt')}: file is 4.8 MB, over the 4.0 MB limit for one article (raise it with --max-input-size if it really is one article, or split it into JSON Lines)`]);
    assert.deepEqual(sizes, [
      ['a.txt', fs.statSync(small).size],
      ['b.txt', fs.statSync(large).size],
      ['c.txt', 5_000_000],
    ]);
    const { surveyInputs } = await import('../../ingest/read');
    assert.deepEqual(await surveyInputs([path.join(tmp, 'dir')]), { files: 3, bytes: fs.statSync(small).size + fs.statSync(large).size + 5_000_000 });
  });

  it('a gzip that expands past the limit is stopped while it streams', async () => {
    const bomb = file('bomb.txt.gz', zlib.gzipSync(Buffer.alloc(5 * 1024 * 1024, 'a')));
    assert.ok(fs.statSync(bomb).size < 64 * 1024, 'small on disk');
    assert.match(await oneFailure(bomb, { maxBytes: 64 * 1024 }), /more than 64\.0 KB, over the 64\.0 KB limit/);
  });

  it('a large JSON Lines file streams: the limit applies to each line, not the file', async () => {
    const line = JSON.stringify({ title: 'Line', text: 'The ferry ran on time today, the operator said, for the first week this year.' });
    const lines = Array.from({ length: 2000 }, () => line).join('\n');
    const jsonl = file('many.jsonl', `${lines}\n${JSON.stringify({ text: 'x '.repeat(40_000) })}\n${line}\n`);
    assert.ok(fs.statSync(jsonl).size > 64 * 1024);
    const { articles, failures } = await readAll([jsonl], { maxBytes: 64 * 1024 });
    assert.equal(articles.length, 2001);
    assert.equal(failures.length, 1);
    assert.match(failures[0]!, /many\.jsonl:2001: line is more than 64\.0 KB/);
  });

  it('an HTML page with no article body', async () => {
    const page = file('page.html', fs.readFileSync(fixture('no-body.html')));
    assert.match(await oneFailure(page), /no article body found in the HTML/);
  });

  it('a JSON Lines line that is not JSON is skipped by line number, the other lines are read', async () => {
    const { articles, failures } = await readAll([fixture('articles.jsonl')]);
    assert.equal(articles.length, 3);
    assert.deepEqual(
      failures.map((f) => f.replace(fixture(), '')),
      ['/articles.jsonl:3: line is not valid JSON (Unterminated string in JSON at position 56)', '/articles.jsonl:5: the object has no article text (none of the fields text, body, content is a non-empty string)'],
    );
  });

  it('a .json file that is not JSON, with the line of the error where the parser gives its position', async () => {
    assert.match(await oneFailure(file('broken.json', '{\n  "title": "x",\n  "text": oops\n}\n')), /broken\.json(:3)?: not valid JSON/);
    assert.match(await oneFailure(file('cut.json', '{\n  "title": "x",\n  "text": "no end\n')), /cut\.json:3: not valid JSON/);
  });

  it('an article that is only boilerplate', async () => {
    assert.match(await oneFailure(file('only-footer.txt', 'Recommended for you\n\nShare this article\n')), /no story text left after cleaning/);
  });

  it('a folder with a file that cannot be read: the file is named, the folder goes on', async () => {
    file('dir/a.txt', GOOD);
    fs.symlinkSync(path.join(tmp, 'nowhere.txt'), path.join(tmp, 'dir', 'b.txt'));
    file('dir/c.txt', GOOD.replace('village', 'city'));
    const { articles, failures } = await readAll([path.join(tmp, 'dir')]);
    assert.deepEqual(articles.map((a) => a.file), ['a.txt', 'c.txt']);
    assert.deepEqual(failures, [`${path.join(tmp, 'dir', 'b.txt')}: no such file or folder`]);
  });

  it('a folder with a file without read permission', async function () {
    if (process.getuid?.() === 0) this.skip(); // root reads everything; the dangling link above covers the path
    file('dir/a.txt', GOOD);
    const locked = file('dir/b.txt', GOOD);
    fs.chmodSync(locked, 0o000);
    const { articles, failures } = await readAll([path.join(tmp, 'dir')]);
    assert.equal(articles.length, 1);
    assert.deepEqual(failures, [`${locked}: cannot read: permission denied`]);
  });

  it('a path that does not exist, a pattern that matches nothing and an empty folder', async () => {
    fs.mkdirSync(path.join(tmp, 'empty-dir'));
    const good = file('good.txt', GOOD);
    const { articles, failures } = await readAll([path.join(tmp, 'missing.txt'), path.join(tmp, '*.md'), path.join(tmp, 'empty-dir'), good]);
    assert.equal(articles.length, 1);
    assert.deepEqual(failures, [
      `${path.join(tmp, 'missing.txt')}: no such file or folder`,
      `${path.join(tmp, '*.md')}: no file matches this pattern`,
      `${path.join(tmp, 'empty-dir')}: no readable files in this folder (.txt .md .html .json .jsonl, or .gz of them)`,
    ]);
  });

  // [articles, fewest and most files read ahead of the article coming out]
  const streaming: Array<[string, string, number, number]> = [
    ['the reader holds one at a time', GOOD.replace(' on Monday', ''), 0, 8],
    // an undated article that names a weekday waits for a dated report of its story after it
    ['undated articles naming a weekday wait for the same-story window, no longer', GOOD, SAME_STORY_WINDOW - 1, 8 + SAME_STORY_WINDOW],
  ];
  for (const [name, text, least, ahead] of streaming) {
    it(`memory stays flat over many files: ${name}`, async () => {
      for (let i = 0; i < 300; i++) file(`bulk/${String(i).padStart(4, '0')}.txt`, text.replace('village', `village number ${i}`));
      let seen = 0;
      let inputsDone = 0;
      let furthest = 0;
      for await (const event of (await import('../../ingest/read')).readArticles([path.join(tmp, 'bulk')], { onInput: () => inputsDone++ })) {
        assert.equal(event.kind, 'article');
        seen++;
        // streaming: each article arrives before the reader has gone far beyond its file
        assert.ok(inputsDone <= seen + ahead, `read-ahead stays bounded (${inputsDone} done at article ${seen})`);
        furthest = Math.max(furthest, inputsDone - seen);
      }
      assert.equal(seen, 300);
      assert.ok(furthest >= least, `articles waited for the ones after them (${furthest} ahead at most)`);
    });
  }
});
