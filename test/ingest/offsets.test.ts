import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { cleanText, normaliseChar, rebuild, toOriginal } from '../../ingest/clean';
import { FIXTURES, fixture, readAll } from './helpers';

/** The property the map promises: every cleaned character is the normalised original character it points at. */
function assertExactMap(original: string, text: string, map: Parameters<typeof toOriginal>[0]): void {
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const at = toOriginal(map, i);
    assert.ok(at > previous, `offsets must increase: cleaned ${i} -> ${at} after ${previous}`);
    assert.equal(normaliseChar(original[at]!), text[i], `cleaned[${i}] = ${JSON.stringify(text[i])} but original[${at}] = ${JSON.stringify(original[at])}`);
    previous = at;
  }
  assert.equal(toOriginal(map, text.length), -1);
}

describe('ingest: the offset map from cleaned to original text', () => {
  it('is exact through quotes, dashes, tabs, no-break spaces, CRLF and invisible characters', () => {
    const original = '\uFEFF  Title line\r\n\r\nHe said \u201Chello\u201D \u2014 and\tleft\u00a0early.\u200B\r\n\r\n\r\nShe\u2019s  back\u2009now.  \n';
    const cleaned = cleanText(original);
    assert.equal(cleaned.text, 'Title line\n\nHe said "hello" - and left early.\n\nShe\'s back now.');
    assertExactMap(original, cleaned.text, cleaned.offsets);
  });

  it('is exact for every fixture after boilerplate removal', async () => {
    const { articles } = await readAll([FIXTURES]);
    assert.ok(articles.length >= 10);
    for (const article of articles) assertExactMap(article.original, article.text, article.offsets);
  });

  // [original, removed ranges, cleaned text, runs as [at, from, length]]: every kind of gap between kept text
  const rebuilds: [string, [number, number][], string, [number, number, number][]][] = [
    ['a  b\t\tc', [], 'a b c', [[0, 0, 2], [2, 3, 2], [4, 6, 1]]],
    ['one\u00a0\u00a0two\u200bthree', [], 'one twothree', [[0, 0, 4], [4, 5, 3], [7, 9, 5]]],
    ['x\r\ny\r\rz\n\n\n\nw', [], 'x\ny\n\nz\n\nw', [[0, 0, 1], [1, 2, 7], [8, 11, 1]]],
    ['keep DROP keep', [[5, 9]], 'keep keep', [[0, 0, 5], [5, 10, 4]]],
    ['  lead and trail  ', [], 'lead and trail', [[0, 2, 14]]],
    ['a \u2014 \u201cb\u201d \u2018c\u2019', [], 'a - "b" \'c\'', [[0, 0, 11]]],
    ['para one.\n\nDROPPED\n\npara two.', [[11, 18]], 'para one.\n\npara two.', [[0, 0, 11], [11, 20, 9]]],
    ['\u00adsoft\u00ad hyphen', [], 'soft hyphen', [[0, 1, 4], [4, 6, 7]]],
  ];
  for (const [original, removed, text, runs] of rebuilds) {
    it(`rebuilds ${JSON.stringify(original)} without ${JSON.stringify(removed)} as ${JSON.stringify(text)}`, () => {
      const out = rebuild(original, removed.map(([start, end]) => ({ start, end, rule: 'test' })));
      assert.equal(out.text, text);
      assert.deepEqual(out.offsets.runs.map((r) => [r.at, r.from, r.length]), runs);
      assertExactMap(original, out.text, out.offsets);
    });
  }

  it('points a word of the story at the same word in the file', () => {
    const original = fs.readFileSync(fixture('caption-dateline.txt'), 'utf8');
    const { text, offsets } = cleanText(original);
    const at = text.indexOf('harbour master');
    const from = toOriginal(offsets, at);
    assert.equal(original.slice(from, from + 'harbour master'.length), 'harbour master');
    // the story starts after the captions and the dateline, far into the file
    assert.equal(toOriginal(offsets, 0), original.indexOf('Grain shipments'));
  });
});
