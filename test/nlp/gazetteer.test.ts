import assert from 'node:assert/strict';
import { Gazetteer } from '../../ingest/nlp/gazetteer';
import { emptyLexicon } from '../../ingest/nlp/lexicon';
import { tokenize } from '../../ingest/nlp/tokenize';
import { WordCache } from '../../ingest/nlp/words';

describe('nlp: gazetteer matching', () => {
  const gazetteer = new Gazetteer([
    { name: 'loc-cities', entries: ['Port Halden', 'Port Halden Bay', 'Lindqvar', 'New Arlo'] },
    { name: 'loc-regions', entries: ['Halden'] },
    { name: 'org-bodies', entries: ['Halden Bay Authority', 'Port Halden Bay', '# a comment, not an entry', ''] },
  ]);
  // names: list index in gazetteer.names ("loc" 0, "org" 1); parts B 0, I 1, L 2, U 3
  const code = (group: string, part: 'B' | 'I' | 'L' | 'U'): string => `${group}-${part}`;

  const cases: Array<[string, string[]]> = [
    // the longest entry of a group wins at a position; another group may match the same tokens
    ['Ships left Port Halden Bay today', ['', '', code('loc', 'B') + ' ' + code('org', 'B'), code('loc', 'I') + ' ' + code('org', 'I') + ' ' + code('loc', 'U'), code('loc', 'L') + ' ' + code('org', 'L'), '']],
    // a shorter entry when the longer one does not go on; a one-word entry inside a longer one at its own position
    ['Port Halden was quiet', [code('loc', 'B'), code('loc', 'L') + ' ' + code('loc', 'U'), '', '']],
    // matching ignores case after a capital start, but a lower-case start never opens a name
    ['LINDQVAR and lindqvar', [code('loc', 'U'), '', '']],
    // an entry does not run past the end of the text
    ['They sailed to New', ['', '', '', '']],
    ['Halden Bay Authority staff', [code('org', 'B') + ' ' + code('loc', 'U'), code('org', 'I'), code('org', 'L'), '']],
  ];

  for (const [sentence, expected] of cases) {
    it(`codes ${JSON.stringify(sentence)}`, () => {
      const cache = new WordCache(emptyLexicon(), 1 << 10);
      const spans = tokenize(sentence);
      const ids = new Int32Array(spans.count);
      for (let i = 0; i < spans.count; i++) ids[i] = cache.at(sentence, spans.starts[i]!, spans.ends[i]!).id;
      const { offsets, codes } = gazetteer.match(ids, cache, Int32Array.of(0), 1);
      const parts = ['B', 'I', 'L', 'U'];
      const got = Array.from({ length: spans.count }, (_, i) =>
        Array.from(codes.subarray(offsets[i]!, offsets[i + 1]!), (c) => `${gazetteer.names[c >> 2]}-${parts[c & 3]}`).join(' '),
      );
      assert.deepEqual(got, expected);
    });
  }
});
