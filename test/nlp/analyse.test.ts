import assert from 'node:assert/strict';
import { loadNlp } from '../../ingest/nlp';

/** Sentences written for these tests; each row: text, mentions that must be found, mentions that must not. */
const ENTITY_CASES: [string, string[], string[]][] = [
  ['Secretary of State Mike Pompeo flew to Kabul on Monday.', ['Mike Pompeo/PER', 'Kabul/LOC'], ['State Mike/LOC', 'State/LOC']],
  ['Peace envoy Zalmay Khalilzad met negotiators in Doha.', ['Zalmay Khalilzad/PER', 'Doha/LOC'], []],
  ['The Taliban said the talks would resume next week.', ['Taliban/ORG'], ['Taliban/MISC']],
  ['Fighters loyal to Islamic State attacked a convoy near Raqqa.', ['Islamic State/ORG'], ['Islamic State/LOC', 'State/LOC']],
  ['Bloomberg reported that the bank would cut jobs.', ['Bloomberg/ORG'], []],
  ['Angela Merkel met Emmanuel Macron in Berlin.', ['Angela Merkel/PER', 'Emmanuel Macron/PER', 'Berlin/LOC'], []],
  ['Shares of Siemens rose in Frankfurt after the European Central Bank held rates.', ['Siemens/ORG', 'Frankfurt/LOC', 'European Central Bank/ORG'], []],
  ['The Brazilian striker scored twice for Barcelona.', ['Brazilian/MISC', 'Barcelona/ORG'], []],
];

describe('analyse', function () {
  this.timeout(10_000);
  const nlp = loadNlp();

  for (const [text, must, mustNot] of ENTITY_CASES) {
    it(`finds the entities in ${JSON.stringify(text)}`, () => {
      const found = nlp.analyse(text).mentions.map((m) => `${m.text}/${m.label}`);
      for (const m of must) assert.ok(found.includes(m), `expected ${m} in [${found.join(', ')}]`);
      for (const m of mustNot) assert.ok(!found.includes(m), `did not expect ${m} in [${found.join(', ')}]`);
    });
  }

  it('gives character offsets into the given text and maps labels to schema types', () => {
    const text = 'Heavy rain fell.\n\nOfficials in Lisbon said Maria Silva had resigned.';
    const a = nlp.analyse(text);
    for (const t of a.tokens.toArray()) assert.equal(text.slice(t.start, t.end), t.text);
    for (const m of a.mentions) assert.equal(text.slice(m.start, m.end), m.text);
    assert.deepEqual(
      a.sentences.map((s) => text.slice(s.start, s.end)),
      ['Heavy rain fell.', 'Officials in Lisbon said Maria Silva had resigned.'],
    );
    const lisbon = a.mentions.find((m) => m.text === 'Lisbon');
    assert.equal(lisbon?.type, 'Location');
    assert.equal(lisbon?.sentence, 1);
    assert.equal(a.mentions.find((m) => m.text === 'Maria Silva')?.type, 'Person');
  });

  it('gives tokens as columns: text, lower case, tag, offsets and sentence by index, empty strings outside', () => {
    const text = 'NATO met in Brussels.\n\nThe U.S. Envoy left.';
    const t = nlp.analyse(text).tokens;
    assert.equal(t.count, 10);
    assert.deepEqual(
      Array.from({ length: t.count }, (_, i) => `${t.text(i)}|${t.lower(i)}|${t.sentence(i)}`),
      ['NATO|nato|0', 'met|met|0', 'in|in|0', 'Brussels|brussels|0', '.|.|0', 'The|the|1', 'U.S.|u.s.|1', 'Envoy|envoy|1', 'left|left|1', '.|.|1'],
    );
    assert.equal(t.pos(1), 'VBD');
    assert.equal(text.slice(t.start(6), t.end(6)), 'U.S.');
    for (const i of [-1, t.count]) assert.deepEqual([t.text(i), t.lower(i), t.pos(i)], ['', '', '']);
    assert.deepEqual(
      t.toArray().map((x) => x.sentence),
      Array.from({ length: t.count }, (_, i) => t.sentence(i)),
    );
  });

  it('tags parts of speech and chunks noun phrases and verb groups', () => {
    const a = nlp.analyse('The new minister has visited the northern border.');
    assert.deepEqual(
      a.tokens.toArray().map((t) => t.pos),
      ['DT', 'JJ', 'NN', 'VBZ', 'VBN', 'DT', 'JJ', 'NN', '.'],
    );
    assert.deepEqual(
      a.chunks.map((c) => `${c.kind}:${a.text.slice(c.start, c.end)}`),
      ['NP:The new minister', 'VP:has visited', 'NP:the northern border'],
    );
  });

  const EVENT_CASES: [string, string[]][] = [
    ['Ministers attended a NATO defense ministers meeting in Brussels.', ['NATO defense ministers meeting/meeting']],
    ['The peace talks collapsed after a deadly attack on a market.', ['peace talks/meeting', 'deadly attack/attack']],
    ['Voters will choose a new parliament in the general election.', ['general election/election']],
    ['The agency plans to attack the problem early.', []],
  ];
  for (const [text, expected] of EVENT_CASES) {
    it(`finds the events in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(
        nlp.analyse(text).events.map((e) => `${e.text}/${e.kind}`),
        expected,
      );
    });
  }

  const DATE_CASES: [string, string[]][] = [
    ['The envoy arrived on Thursday.', ['Thursday=2020-02-13']],
    ['The envoy left on Monday and returns tomorrow.', ['Monday=2020-02-10', 'tomorrow=2020-02-14']],
    ['The talks will resume on Saturday.', ['Saturday=2020-02-15']],
    ['Prices rose last month and fell last year.', ['last month=2020-01', 'last year=2019']],
    ['The accord was signed on Feb. 29, 2016 and renewed in March 2019.', ['Feb. 29, 2016=2016-02-29', 'March 2019=2019-03']],
    ['Troops have been there since 2001, and left three weeks ago.', ['2001=2001', 'three weeks ago=2020-W04']],
    ['The deal expires on 3 December.', ['3 December=2019-12-03']],
    // the whole cue, not its last word: "earlier this week", "the past year"
    ['Shares fell earlier this week after a poor result the past year.', ['earlier this week=2020-W07', 'the past year=2019']],
    ['The mission ended a few days ago, and the convoy left last Monday.', ['few days ago=2020-02-10', 'last Monday=2020-02-10']],
    // a year or a month only right after its lead word: not in a code like "x2001" or after other text
    ['The file in x.June and the form in ab2001 were lost in 2003.', ['2003=2003']],
    ['The council met in September and again in June 5.', ['September=2019-09', 'June 5=2020-06-05']],
  ];
  for (const [text, expected] of DATE_CASES) {
    it(`resolves the dates in ${JSON.stringify(text)} against 2020-02-13 (a Thursday)`, () => {
      assert.deepEqual(
        nlp.analyse(text, { published: '2020-02-13' }).dates.map((d) => `${d.text}=${d.value}`),
        expected,
      );
    });
  }

  it('leaves relative dates unresolved without an article date', () => {
    assert.deepEqual(
      nlp.analyse('It happened on Thursday.').dates.map((d) => d.value),
      [undefined],
    );
  });

  const QUANTITY_CASES: [string, string[]][] = [
    ['More than 12,000 troops remain.', ['More than 12,000 troops=12000 troops (more than)']],
    ['Profits rose 76% to $1.13bn.', ['76%=76 % ()', '$1.13bn=1130000000 $ ()']],
    ['About two dozen people and one of the guards were hurt.', ['About two dozen people=24 people (about)']],
    ['The truce lasts seven days.', ['seven days=7 days ()']],
  ];
  for (const [text, expected] of QUANTITY_CASES) {
    it(`finds the quantities in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(
        nlp.analyse(text).quantities.map((q) => `${q.text}=${q.value} ${q.unit} (${q.qualifier ?? ''})`),
        expected,
      );
    });
  }
});
