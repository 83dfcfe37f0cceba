import assert from 'node:assert/strict';
import { splitSentences } from '../../ingest/nlp/sentences';
import { tokenize } from '../../ingest/nlp/tokenize';

function sentences(text: string): string[] {
  const t = tokenize(text);
  const s = splitSentences(text, t);
  const out: string[] = [];
  for (let k = 0; k < s.count; k++) {
    const from = s.tokenStarts[k]!;
    const to = k + 1 < s.count ? s.tokenStarts[k + 1]! : t.count;
    out.push(text.slice(t.starts[from], t.ends[to - 1]));
  }
  return out;
}

describe('splitSentences', () => {
  it('ends a sentence at each end mark as one token, whoever tokenised the text', () => {
    // tokens are the space-separated pieces: "?!" and "!?" arrive whole, as another tokenizer may give them
    const text = 'Really ?! Yes !? Then ... Later \u2026 So . Done ! Why ? Fine';
    const starts: number[] = [];
    const ends: number[] = [];
    for (const m of text.matchAll(/\S+/g)) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
    const s = splitSentences(text, { count: starts.length, starts: Int32Array.from(starts), ends: Int32Array.from(ends) });
    assert.deepEqual(Array.from(s.tokenStarts), [0, 2, 4, 6, 8, 10, 12, 14]);
  });

  const cases: [string, string, string[]][] = [
    ['a plain full stop', 'The river rose. Farmers moved their herds.', ['The river rose.', 'Farmers moved their herds.']],
    ['"U.S." inside a sentence', 'The U.S. delegation landed in Oslo.', ['The U.S. delegation landed in Oslo.']],
    ['"U.S." ending one', 'Aid came from the U.S. The rest came later.', ['Aid came from the U.S.', 'The rest came later.']],
    ['a month abbreviation', 'The vote is on Feb. 13 in the capital.', ['The vote is on Feb. 13 in the capital.']],
    ['titles', 'Gen. Lars Berg and Sen. Ida Holm spoke. Both left.', ['Gen. Lars Berg and Sen. Ida Holm spoke.', 'Both left.']],
    ['initials', 'The report by J. K. Fenwick was leaked.', ['The report by J. K. Fenwick was leaked.']],
    ['every sentence end mark', 'Who won? Nobody! Really?! Yes!? Then… Later... Done.', ['Who won?', 'Nobody!', 'Really?!', 'Yes!?', 'Then…', 'Later...', 'Done.']],
    ['closers after the end mark', "It fell.) Then 'once.' Then [twice.] Then {thrice.} Then \u201cgone.\u201d Then \u2018back.\u2019 Then \u00abnay.\u00bb Fine.", ['It fell.)', "Then 'once.'", 'Then [twice.]', 'Then {thrice.}', 'Then \u201cgone.\u201d', 'Then \u2018back.\u2019', 'Then \u00abnay.\u00bb', 'Fine.']],
    ['not an end mark: a dash, a comma, two dots', 'It rose - then fell, slowly.. and Rose stayed.', ['It rose - then fell, slowly.. and Rose stayed.']],
    [
      'a quote closing after the full stop',
      '"The bridge is closed." Engineers disagreed.',
      ['"The bridge is closed."', 'Engineers disagreed.'],
    ],
    [
      'a quote spanning two sentences',
      'She said: "We tried. We failed." Then she left.',
      ['She said: "We tried.', 'We failed."', 'Then she left.'],
    ],
    [
      'a headline without a full stop',
      'Floods hit northern towns\n\nHeavy rain fell overnight.',
      ['Floods hit northern towns', 'Heavy rain fell overnight.'],
    ],
    [
      'a dateline',
      'OSLO (Reuters) - Talks ended on Friday. Nobody signed.',
      ['OSLO (Reuters) -', 'Talks ended on Friday.', 'Nobody signed.'],
    ],
    ['a dateline with a date', 'LIMA, March 3 - Prices fell.', ['LIMA, March 3 -', 'Prices fell.']],
    ['a lower-case continuation after a wrapped line', 'The minister said\nthat talks would go on.', ['The minister said\nthat talks would go on.']],
    ['question and exclamation marks', 'Who pays? Nobody! Fine.', ['Who pays?', 'Nobody!', 'Fine.']],
    ['"no" ending a sentence, "No." before a number', 'Voters said no. Turnout fell at No. 4 Main Street.', ['Voters said no.', 'Turnout fell at No. 4 Main Street.']],
    ['"no" quoted at a sentence end', 'They answered \u00abno.\u00bb Fine.', ['They answered \u00abno.\u00bb', 'Fine.']],
    ['a word spelt like a day abbreviation', 'The crowd sat. The chips came from Sun. Police watched.', ['The crowd sat.', 'The chips came from Sun.', 'Police watched.']],
  ];
  for (const [name, text, expected] of cases) {
    it(`handles ${name}`, () => assert.deepEqual(sentences(text), expected));
  }
});
