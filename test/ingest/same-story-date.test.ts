import assert from 'node:assert/strict';
import {
  CLEAR_LEAD, SAME_STORY, WEEKDAYS, cleanText, dateClues, inferPublished, weekdayClues,
  type DateClues, type DatedCandidate, type StoryProfile,
} from '../../ingest/clean';
import { copyrightYears } from '../../ingest/clean/clues';
import { articleId } from '../../ingest/read';
import { fixture, readAll } from './helpers';

const story = (name: string): string => fixture('same-story', name);

describe('ingest: an undated article takes the date of a same-story article read with it', () => {
  // [case, files in reading order, the date the first undated file should end up with]
  const cases: Array<[string, string[], string | undefined]> = [
    ['same story, and its "Thursday" is the dated report\'s weekday', ['ferry-undated.txt', 'ferry-dated.txt'], '2021-03-04'],
    ['the dated report read first works as well', ['ferry-dated.txt', 'ferry-undated.txt'], '2021-03-04'],
    ['same story, but it names Monday and the report is of a Thursday', ['ferry-monday.txt', 'ferry-dated.txt'], undefined],
    ['a different story of the same day and town (harbour fees)', ['harbour-undated.txt', 'ferry-dated.txt'], undefined],
    ['a different story of the same day (a bakery prize)', ['bakery-undated.txt', 'ferry-dated.txt'], undefined],
    ['its copyright line says 2019, the report is of 2021', ['ferry-2019.txt', 'ferry-dated.txt'], undefined],
    ['two dated reports of the story disagree (4 and 11 March), equally close', ['ferry-undated.txt', 'ferry-dated.txt', 'ferry-dated-later.txt'], undefined],
    ['two dated reports agree on the date', ['ferry-undated.txt', 'ferry-dated.txt', 'ferry-dated-agency.txt'], '2021-03-04'],
    ['it names no weekday', ['ferry-no-weekday.txt', 'ferry-dated.txt'], undefined],
    ['no dated article to take a date from', ['ferry-undated.txt', 'bakery-undated.txt'], undefined],
  ];
  for (const [name, files, expected] of cases) {
    it(`${expected ?? 'no date'}: ${name}`, async () => {
      const { articles, failures } = await readAll(files.map(story));
      assert.deepEqual(failures, []);
      const undated = articles.find((a) => !a.file.startsWith('ferry-dated'))!;
      assert.equal(undated.published, expected);
      if (expected === undefined) assert.equal(undated.publishedFrom, undefined);
      else assert.match(undated.publishedFrom!, /^inferred: same story as ferry-dated(-agency)?\.txt \(id [0-9a-f]{16}\), weekday Thursday, similarity (0\.\d\d|1\.00)$/);
    });
  }

  it('records where every date came from: the input\'s metadata, the text, or another article', async () => {
    const { articles } = await readAll([story('ferry-undated.txt'), story('ferry-dated.txt'), fixture('single.json'), story('bakery-undated.txt')]);
    assert.deepEqual(
      articles.map((a) => [a.file, a.published, a.publishedFrom?.replace(/ \(id .*/, '')]),
      [
        ['ferry-undated.txt', '2021-03-04', 'inferred: same story as ferry-dated.txt'],
        ['ferry-dated.txt', '2021-03-04', 'text'],
        ['single.json', '2022-08-17', 'metadata'],
        ['bakery-undated.txt', undefined, undefined],
      ],
    );
  });

  it('names the dated article by its id, and leaves the undated one\'s id (a hash of its text) as it was', async () => {
    const alone = (await readAll([story('ferry-undated.txt')])).articles[0]!;
    const [undated, dated] = (await readAll([story('ferry-undated.txt'), story('ferry-dated.txt')])).articles;
    assert.equal(undated!.id, alone.id);
    assert.equal(undated!.id, articleId(undated!.text));
    assert.ok(undated!.publishedFrom!.includes(`(id ${dated!.id})`));
  });

  it('keeps the order of everything read, failures included, while an article waits for the ones after it', async () => {
    const { events } = await readAll([story('ferry-undated.txt'), story('missing.txt'), story('bakery-undated.txt'), story('harbour-undated.txt'), story('ferry-dated.txt')]);
    assert.deepEqual(
      events.map((e) => (e.kind === 'article' ? e.article.file : e.kind)),
      ['ferry-undated.txt', 'failure', 'bakery-undated.txt', 'harbour-undated.txt', 'ferry-dated.txt'],
    );
    assert.equal(events[0]!.kind === 'article' && events[0].article.published, '2021-03-04');
  });

  // the dated report is three articles away, in either direction
  const windows: Array<[string, string[], number, string | undefined]> = [
    ['ahead, window 3', ['ferry-undated.txt', 'bakery-undated.txt', 'harbour-undated.txt', 'ferry-dated.txt'], 3, '2021-03-04'],
    ['ahead, window 2', ['ferry-undated.txt', 'bakery-undated.txt', 'harbour-undated.txt', 'ferry-dated.txt'], 2, undefined],
    ['behind, window 3', ['ferry-dated.txt', 'bakery-undated.txt', 'harbour-undated.txt', 'ferry-undated.txt'], 3, '2021-03-04'],
    ['behind, window 2', ['ferry-dated.txt', 'bakery-undated.txt', 'harbour-undated.txt', 'ferry-undated.txt'], 2, undefined],
    ['next to it, window 0 (inference off)', ['ferry-undated.txt', 'ferry-dated.txt'], 0, undefined],
  ];
  for (const [name, files, window, expected] of windows) {
    it(`looks only as far as the window: ${name} -> ${expected ?? 'no date'}`, async () => {
      const { articles } = await readAll(files.map(story), { sameStoryWindow: window });
      assert.deepEqual(articles.map((a) => a.file), files);
      assert.equal(articles.find((a) => a.file === 'ferry-undated.txt')!.published, expected);
    });
  }
});

describe('ingest: clues to an undated article\'s day', () => {
  // [text, the weekdays it names for its own news (with a day and month when written)]
  const weekdays: Array<[string, string[]]> = [
    ['The minister said on Thursday that talks would go on.', ['Thursday']],
    ['Esper said in Brussels Thursday after the meeting.', ['Thursday']],
    ["Monday's vote was close, and results came on Tuesday.", ['Monday', 'Tuesday']],
    ['The vote is on Thursday, Feb. 13 in the capital.', ['Thursday 02-13']],
    ['The vote is on Thursday 13 February in the capital.', ['Thursday 02-13']],
    ['The vote was on Thursday, Feb. 13, 2020 in the capital.', []],
    ['Prices fell last Thursday and may rise next Friday.', []],
    ['The offer runs until Friday.', []],
    ['Shops were busy on Good Friday and Black Friday.', []],
    ['The Sunday Times and the Mail on Sunday reported it.', []],
    ['The market opens every Saturday and on Thursdays.', []],
    ['It rained on Sunday, and again on Sunday night.', ['Sunday']],
  ];
  for (const [text, expected] of weekdays) {
    it(`${JSON.stringify(text)} -> ${expected.join(', ') || 'none'}`, () => {
      assert.deepEqual(weekdayClues(text).map((c) => (c.monthDay ? `${WEEKDAYS[c.weekday]} ${c.monthDay}` : c.text)), expected);
    });
  }

  const copyrights: Array<[string, number[]]> = [
    ['Story.\n\n©2020 Bloomberg L.P.', [2020]],
    ['Story.\n\nCopyright 2019-2021 Example Press. All rights reserved.', [2021]],
    ['Story.\n\n(c) 2018 Example Wire', [2018]],
    ['The 2018 law changed little.', []],
  ];
  for (const [original, expected] of copyrights) {
    it(`copyright years of ${JSON.stringify(original.split('\n').pop())} -> ${expected.join(', ') || 'none'}`, () => {
      assert.deepEqual(copyrightYears(original), expected);
    });
  }

  it('reads the day of a dated dateline, which cleaning took off the text', () => {
    const original = 'WASHINGTON, Oct 20 - The Senate on Tuesday backed the measure by a wide margin.';
    const cleaned = cleanText(original);
    assert.deepEqual(dateClues(cleaned.text, original, cleaned.removed), {
      weekdays: [{ weekday: 2, text: 'Tuesday' }],
      copyrightYears: [],
      datelineDay: '10-20',
    });
  });

  it('finds a lower bound for the year in "since 2018"', () => {
    assert.equal(dateClues('Talks have run since late 2018 and resumed on Thursday.').notBefore, 2018);
  });
});

describe('ingest: inferPublished decides from clues and similarities alone', () => {
  // profiles over 40 words: one that shares k of the subject's words scores k/40
  const words = (from: number, count: number): StoryProfile => {
    const weights = new Map<string, number>();
    for (let i = from; i < from + count; i++) weights.set(`w${i}`, 1);
    return { weights, norm: Math.sqrt(count) };
  };
  const subject = words(0, 40);
  const sharing = (k: number): StoryProfile => words(40 - k, 40);
  const thursday: DateClues = { weekdays: [{ weekday: 4, text: 'Thursday' }], copyrightYears: [] };
  const candidate = (published: string, shared: number): DatedCandidate => ({ published, label: () => `${published}.txt`, profile: () => sharing(shared) });
  // 2021-03-04 and 2021-03-11 are Thursdays, 2021-03-05 a Friday
  const cases: Array<[string, DateClues, DatedCandidate[], string | undefined]> = [
    ['one close candidate', thursday, [candidate('2021-03-04', 36)], '2021-03-04'],
    ['below the same-story line', thursday, [candidate('2021-03-04', Math.floor(SAME_STORY * 40) - 1)], undefined],
    ['two dates, close together', thursday, [candidate('2021-03-04', 36), candidate('2021-03-11', 34)], undefined],
    ['two dates, one clearly ahead', thursday, [candidate('2021-03-11', 24), candidate('2021-03-04', 36)], '2021-03-04'],
    ['two candidates of one date', thursday, [candidate('2021-03-04', 36), candidate('2021-03-04', 35)], '2021-03-04'],
    ['a Friday', thursday, [candidate('2021-03-05', 40)], undefined],
    ['the day written with the weekday differs', { ...thursday, weekdays: [{ weekday: 4, text: 'Thursday, March 11', monthDay: '03-11' }] }, [candidate('2021-03-04', 40)], undefined],
    ['the dateline says another day', { ...thursday, datelineDay: '03-11' }, [candidate('2021-03-04', 40)], undefined],
    ['the dateline says that day', { ...thursday, datelineDay: '03-04' }, [candidate('2021-03-04', 40)], '2021-03-04'],
    ['the copyright year differs', { ...thursday, copyrightYears: [2020] }, [candidate('2021-03-04', 40)], undefined],
    ['"since 2022" rules 2021 out', { ...thursday, notBefore: 2022 }, [candidate('2021-03-04', 40)], undefined],
    ['no weekday named', { weekdays: [], copyrightYears: [] }, [candidate('2021-03-04', 40)], undefined],
  ];
  for (const [name, clues, candidates, expected] of cases) {
    it(`${name} -> ${expected ?? 'no date'}`, () => {
      assert.equal(inferPublished(clues, () => subject, candidates)?.published, expected);
    });
  }

  it('needs a lead of CLEAR_LEAD over another date, and says which article and weekday it went by', () => {
    const lead = CLEAR_LEAD * 40;
    assert.equal(inferPublished(thursday, () => subject, [candidate('2021-03-04', 38), candidate('2021-03-11', 38 - lead + 1)]), undefined);
    const inferred = inferPublished(thursday, () => subject, [candidate('2021-03-04', 38), candidate('2021-03-11', 38 - lead - 1)]);
    assert.equal(inferred?.from, 'inferred: same story as 2021-03-04.txt, weekday Thursday, similarity 0.95');
  });

  it('does not judge an article too short to say what story it tells', () => {
    assert.equal(inferPublished(thursday, () => words(0, 20), [{ published: '2021-03-04', label: () => 'x', profile: () => words(0, 20) }]), undefined);
  });
});
