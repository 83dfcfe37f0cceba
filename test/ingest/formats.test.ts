import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { fixture, readAll, readOne } from './helpers';

describe('ingest: reading each input format', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'graphwire-read-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('.txt with a photo caption, dateline and agency footer', async () => {
    const a = await readOne(fixture('caption-dateline.txt'));
    assert.equal(a.format, 'txt');
    assert.equal(a.file, 'caption-dateline.txt');
    assert.equal(a.path, fixture('caption-dateline.txt'));
    assert.equal(a.dateline, 'Varna');
    assert.equal(a.source, 'AFP');
    assert.equal(a.published, '2021-03-02');
    assert.ok(a.text.startsWith('Grain shipments through the Black Sea port'), a.text);
    for (const gone of ['Dock workers', 'Petra Ilieva', 'VARNA', 'Visit ', 'www.', 'Recommended']) assert.ok(!a.text.includes(gone), gone);
    // no title line here, so the first sentence stands in
    assert.ok(a.title?.startsWith('Grain shipments through the Black Sea port'), a.title);
  });

  it('.txt with an agency lead, update note, contacts, share lines and copyright', async () => {
    const a = await readOne(fixture('agency-lead.txt'));
    assert.equal(a.source, 'Kyodo');
    assert.equal(a.published, undefined);
    assert.ok(a.text.startsWith("Japan's largest shipbuilder"), a.text);
    assert.ok(a.text.endsWith('jobs would be lost in the smaller town.'), a.text);
    for (const gone of ['(Kyodo)', 'Adds analyst', 'Share this', 'Subscribe', 'To contact', '@example.com', '©', 'L.P.']) assert.ok(!a.text.includes(gone), gone);
  });

  it('.txt with a title line, a wire dateline and a sign-off', async () => {
    const a = await readOne(fixture('titled-wire.txt'));
    assert.equal(a.title, 'NORDIC BANK RAISES SAVINGS RATES');
    assert.equal(a.dateline, 'Oslo');
    assert.equal(a.source, 'Reuters');
    assert.ok(!a.text.includes('NORDIC BANK') && !a.text.includes('REUTER'), a.text);
    assert.ok(a.text.startsWith('A Norwegian savings bank'), a.text);
  });

  it('.md with front matter, a heading and markup', async () => {
    const a = await readOne(fixture('front-matter.md'));
    assert.equal(a.format, 'md');
    assert.deepEqual(
      { title: a.title, published: a.published, source: a.source, url: a.url, byline: a.byline },
      { title: 'Ferry service resumes after storm', published: '2021-11-08', source: 'Coastal Courier', url: 'https://example.org/ferry-resumes', byline: 'Lena Berg' },
    );
    assert.equal(
      a.text,
      'The island ferry service resumed on Monday after a storm kept boats in harbour for three days, the operator said.\n\n' +
        '"We are running extra sailings to clear the backlog," said a spokeswoman for Island Ferries.\n\n' +
        'Sailings leave every two hours.\nCars must book ahead.',
    );
  });

  it('.html: body, headline, byline, date, outlet and URL; no navigation, ads, scripts, captions, related links or comments', async () => {
    const a = await readOne(fixture('saved-page.html'));
    assert.equal(a.format, 'html');
    assert.equal(a.title, 'Rail strike called off after late-night talks'); // JSON-LD wins over og:title
    assert.equal(a.source, 'The Example Gazette');
    assert.equal(a.published, '2022-06-20');
    assert.equal(a.byline, 'Tomas Novak');
    assert.equal(a.url, 'https://gazette.example.com/news/rail-strike-called-off');
    assert.ok(a.text.startsWith('A national rail strike planned for Tuesday'), a.text);
    assert.ok(a.text.endsWith('how future disputes are settled.'), a.text);
    assert.equal(a.text.split('\n\n').length, 4, 'one paragraph per <p>');
    for (const gone of ['Home', 'Advertisement', 'trackPageView', 'font-family', 'commuter train waits', 'Share on', 'Related stories', 'Bus fares', 'Great news', 'All rights reserved', 'Subscribe', '20 June 2022', 'By Tomas']) {
      assert.ok(!a.text.includes(gone), `"${gone}" should be gone`);
    }
  });

  it('.json: one object, with the outlet given as an object', async () => {
    const a = await readOne(fixture('single.json'));
    assert.deepEqual(
      { title: a.title, source: a.source, published: a.published, url: a.url, format: a.format },
      { title: 'Water levels in the lake reach a record low', source: 'AP', published: '2022-08-17', url: 'https://example.net/lake', format: 'json' },
    );
    assert.equal(a.text.split('\n\n').length, 2);
  });

  it('.json: an array, taking headline/content/date/publishedAt, reporting the bad item by position', async () => {
    const { articles, failures } = await readAll([fixture('many.json')]);
    assert.deepEqual(articles.map((a) => [a.title, a.published, a.line]), [
      ['Museum returns carved mask', '2023-03-09', 1],
      ['Bakery wins national prize', '2023-03-28', 3],
    ]);
    assert.equal(failures.length, 1);
    assert.match(failures[0]!, /many\.json: article #2: the object has no article text/);
  });

  it('.jsonl: one article per line, numbered by line', async () => {
    const { articles } = await readAll([fixture('articles.jsonl')]);
    assert.deepEqual(articles.map((a) => [a.line, a.title, a.format]), [
      [1, 'Harbour bridge to close for repairs', 'jsonl'],
      [4, 'Snowfall delays flights', 'jsonl'],
      [6, 'Harbour bridge to close for repairs', 'jsonl'],
    ]);
    assert.equal(articles[0]!.source, 'dpa');
    assert.equal(articles[1]!.url, 'https://example.net/snow');
  });

  it('.gz of each format reads like the plain file', async () => {
    for (const name of ['titled-wire.txt', 'front-matter.md', 'saved-page.html', 'single.json', 'articles.jsonl']) {
      const gz = path.join(tmp, `${name}.gz`);
      fs.writeFileSync(gz, zlib.gzipSync(fs.readFileSync(fixture(name))));
      const plain = (await readAll([fixture(name)])).articles;
      const zipped = (await readAll([gz])).articles;
      assert.deepEqual(zipped.map((a) => [a.id, a.title, a.format]), plain.map((a) => [a.id, a.title, a.format]), name);
      assert.equal(zipped[0]!.file, `${name}.gz`);
    }
  });

  it('- reads standard input and guesses its format', async () => {
    const cases: Array<[string, string]> = [
      [fixture('saved-page.html'), 'html'],
      [fixture('single.json'), 'json'],
      [fixture('articles.jsonl'), 'jsonl'],
      [fixture('titled-wire.txt'), 'txt'],
    ];
    for (const [file, format] of cases) {
      const { articles } = await readAll(['-'], { stdin: Readable.from([fs.readFileSync(file)]) });
      assert.ok(articles.length > 0, file);
      assert.equal(articles[0]!.format, format, file);
      assert.equal(articles[0]!.path, '-');
    }
    const gz = Readable.from([zlib.gzipSync(fs.readFileSync(fixture('titled-wire.txt')))]);
    assert.equal((await readAll(['-'], { stdin: gz })).articles[0]!.title, 'NORDIC BANK RAISES SAVINGS RATES');
  });

  it('a folder is read recursively (its files, then its subfolders), passing over other file types', async () => {
    const { articles, failures } = await readAll([fixture('folder')]);
    assert.deepEqual(failures, []);
    assert.deepEqual(articles.map((a) => [a.file, a.title]), [
      ['one.txt', 'Council approves new cycle lanes'],
      ['two.md', 'Library opens late on Fridays'],
    ]);
  });

  it('a glob pattern is expanded when the shell did not', async () => {
    const { articles } = await readAll([path.join(fixture(), '*.json')]);
    assert.deepEqual(articles.map((a) => a.file).sort(), ['many.json', 'many.json', 'single.json']);
  });

  it('the same story gets the same id however it arrives, and a different story a different one', async () => {
    const { articles } = await readAll([fixture('articles.jsonl')]);
    assert.equal(articles[0]!.id, articles[2]!.id);
    assert.notEqual(articles[0]!.id, articles[1]!.id);
    const asText = path.join(tmp, 'bridge.txt');
    fs.writeFileSync(asText, `Harbour bridge to close\n\n  The harbour bridge will close for three weekends in May while engineers replace its expansion joints.\n`);
    assert.equal((await readOne(asText)).id, articles[0]!.id);
    assert.match(articles[0]!.id, /^[0-9a-f]{16}$/);
  });
});
