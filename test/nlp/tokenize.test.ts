import assert from 'node:assert/strict';
import { tokenize } from '../../ingest/nlp/tokenize';

function words(text: string): string[] {
  const t = tokenize(text);
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) out.push(text.slice(t.starts[i], t.ends[i]));
  return out;
}

describe('tokenize', () => {
  const cases: [string, string[]][] = [
    ['The U.S. envoy arrived.', ['The', 'U.S.', 'envoy', 'arrived', '.']],
    ['Gen. Ann Ortiz met Sen. Paul Reyes on Feb. 3.', ['Gen.', 'Ann', 'Ortiz', 'met', 'Sen.', 'Paul', 'Reyes', 'on', 'Feb.', '3', '.']],
    ["The ministry's plan didn't pass.", ['The', 'ministry', "'s", 'plan', 'did', "n't", 'pass', '.']],
    ['More than 12,000 troops (about 3.5%) left.', ['More', 'than', '12,000', 'troops', '(', 'about', '3.5', '%', ')', 'left', '.']],
    ['It cost $1.2bn, officials said.', ['It', 'cost', '$', '1.2bn', ',', 'officials', 'said', '.']],
    ['"We will stay," she said.', ['"', 'We', 'will', 'stay', ',', '"', 'she', 'said', '.']],
    ['A cease-fire -- at last \u2014 held...', ['A', 'cease-fire', '--', 'at', 'last', '\u2014', 'held', '...']],
    ['J. R. Smith of Acme Inc. spoke.', ['J.', 'R.', 'Smith', 'of', 'Acme', 'Inc.', 'spoke', '.']],
    // bare words and numbers, with or without a comma after them, take the tokenizer's quick path
    ['Ships 40 and a, b, 7, 2019, then', ['Ships', '40', 'and', 'a', ',', 'b', ',', '7', ',', '2019', ',', 'then']],
    ['Ports,, x,y 1,000, Oslo,"', ['Ports', ',', ',', 'x,y', '1,000', ',', 'Oslo', ',', '"']],
    ['Zurich Caf\u00e9, na\u00efve', ['Zurich', 'Caf\u00e9', ',', 'na\u00efve']],
    // "No." and its kind are abbreviations only before a number; otherwise the word ends a sentence
    ['She lives at No. 12 and backs Resolution no. 4.', ['She', 'lives', 'at', 'No.', '12', 'and', 'backs', 'Resolution', 'no.', '4', '.']],
    ['See pp. 3-9 and fig. 2.', ['See', 'pp.', '3-9', 'and', 'fig.', '2', '.']],
    ['The answer was no. Talks ended.', ['The', 'answer', 'was', 'no', '.', 'Talks', 'ended', '.']],
    ['He said no.) Then', ['He', 'said', 'no', '.', ')', 'Then']],
    // a day or month spelt like a word keeps its stop only capitalised and before a date or a comma
    ['Due Wed., Mar. 4 or Sat. 9 in the sun. They sat. Mar. Sun. Later', ['Due', 'Wed.', ',', 'Mar.', '4', 'or', 'Sat.', '9', 'in', 'the', 'sun', '.', 'They', 'sat', '.', 'Mar', '.', 'Sun', '.', 'Later']],
  ];
  for (const [text, expected] of cases) {
    it(`splits ${JSON.stringify(text)}`, () => assert.deepEqual(words(text), expected));
  }

  it('gives offsets into the original text, across newlines and odd spaces', () => {
    const text = '  Kabul\u00a0(AP)\n\nTalks resumed.  ';
    const t = tokenize(text);
    const spans: [number, number][] = [];
    for (let i = 0; i < t.count; i++) spans.push([t.starts[i]!, t.ends[i]!]);
    assert.deepEqual(spans, [
      [2, 7],
      [8, 9],
      [9, 11],
      [11, 12],
      [14, 19],
      [20, 27],
      [27, 28],
    ]);
  });

  it('handles empty and blank text', () => {
    assert.equal(tokenize('').count, 0);
    assert.equal(tokenize(' \n\t ').count, 0);
  });
});
