import assert from 'node:assert/strict';
import { canonicalOutlet, cleanText, findPublishedDate, leadSentence, parseDateValue } from '../../ingest/clean';

const STORY = 'The regional council approved the new budget on a narrow vote after a long debate.';

describe('ingest: cleaning removes what is not the story', () => {
  // [what, boilerplate paragraph, rule that removes it]
  const boilerplate: Array<[string, string, string]> = [
    ['a recommendations heading', 'Recommended for you', 'recommended'],
    ['a "visit us" footer', 'Visit Example Wire Service (Oslo, Norway) at www.example.no/english', 'visit-footer'],
    ['reporter contact lines with e-mail', 'To contact the reporters on this story: Kim Vale in Rome at kvale@example.com; Ola Dahl in Oslo at odahl@example.com', 'contact-line'],
    ['editor contact lines', 'To contact the editors responsible for this story: Ann Ek at aek@example.com, Per Berg', 'contact-line'],
    ['a copyright line', '©2019 Example Media L.P.', 'copyright'],
    ['a spelled-out copyright line', 'Copyright 2021 Example Press. All rights reserved.', 'copyright'],
    ['an update note', '(Updates with quote from mayor in fourth paragraph)', 'update-note'],
    ['a correction note', '(Corrects spelling of minister\u2019s name in second paragraph)', 'update-note'],
    ['a share line', 'Share on Facebook, Twitter', 'share-subscribe'],
    ['a subscribe line', 'Subscribe to our daily briefing', 'share-subscribe'],
    ['an advert marker', 'Advertisement', 'advert'],
    ['a wire sign-off line', 'REUTER', 'wire-signoff'],
    ['reporting credits', '(Reporting by Lin Ma; Editing by Joe Fry)', 'credits'],
    ['a date standing alone', 'Published: 4 May 2021, 10:32 GMT', 'date-line'],
    ['a byline', 'By Maria Lopez and Ken Ito', 'byline'],
  ];
  for (const [what, line, rule] of boilerplate) {
    it(`drops ${what}`, () => {
      const cleaned = cleanText(`${STORY}\n\n${line}\n\nThe mayor said the vote showed the city was ready.`);
      assert.equal(cleaned.text, `${STORY}\n\nThe mayor said the vote showed the city was ready.`);
      assert.deepEqual(cleaned.removed.map((r) => r.rule), [rule]);
    });
  }

  // story lines that look a little like boilerplate and must stay
  const keep: string[] = [
    'Share prices fell sharply after the announcement, traders said.',
    'Copyright law is being rewritten to cover online platforms, the minister said.',
    'Visitors at the fair can buy tickets online at a discount.',
    'By Friday, the river had risen by two metres.',
    '(The company declined to comment.)',
  ];
  for (const line of keep) {
    it(`keeps the story line "${line.slice(0, 40)}…"`, () => {
      const cleaned = cleanText(`${STORY}\n\n${line}`);
      assert.equal(cleaned.text, `${STORY}\n\n${line}`);
    });
  }

  it('drops a photo caption printed twice above the story, the second time with its credit', () => {
    const caption = 'Firefighters spray water on a burning warehouse in Lyon, France, on Friday, June 4, 2021.';
    const cleaned = cleanText(`${caption}\n\n${caption} (Jean Roux/Example Pictures)\n\n${STORY}`);
    assert.equal(cleaned.text, STORY);
    assert.equal(cleaned.published, '2021-06-04');
  });

  it('drops a single caption that ends in a photo credit, only above the story', () => {
    const cleaned = cleanText(`Crowds gather outside the stadium. (Photo: Example Images)\n\n${STORY}\n\nHe held up a sign reading (AP Photo/no).`);
    assert.equal(cleaned.text, `${STORY}\n\nHe held up a sign reading (AP Photo/no).`);
  });

  it('drops an author bio only when it closes the article', () => {
    const bio = 'Nina Hart is a regular columnist on technology for the Example Times.';
    assert.equal(cleanText(`${STORY}\n\n${bio}`).text, STORY);
    assert.equal(cleanText(`${bio}\n\n${STORY}`).text, `${bio}\n\n${STORY}`);
  });

  it('drops a wire sign-off glued to the last sentence and takes it as the source', () => {
    const cleaned = cleanText(`${STORY} Reuter`);
    assert.equal(cleaned.text, STORY);
    assert.equal(cleaned.source, 'Reuters');
  });

  it('keeps Markdown-free text and normalises quotes, dashes and spaces', () => {
    assert.equal(cleanText('\u201CYes,\u201D she said \u2013 twice.\u00a0\u00a0It\u2019s done.').text, '"Yes," she said - twice. It\'s done.');
  });
});

describe('ingest: leads and datelines are metadata', () => {
  // [first paragraph, dateline, source, story start]
  const leads: Array<[string, string | undefined, string | undefined, string]> = [
    ['LISBON - The port reopened.', 'Lisbon', undefined, 'The port reopened.'],
    ['NEW YORK, March 3 - Shares rose.', 'New York', undefined, 'Shares rose.'],
    ['TAMPA, Fla., March 6 - The firm said.', 'Tampa, Fla.', undefined, 'The firm said.'],
    ['RIO DE JANEIRO, Feb 2 (Reuters) - Rain fell.', 'Rio de Janeiro', 'Reuters', 'Rain fell.'],
    ['Vienna (dpa) - Talks resumed.', 'Vienna', 'dpa', 'Talks resumed.'],
    ['GENEVA \u2014 Delegates met.', 'Geneva', undefined, 'Delegates met.'],
    ['(Bloomberg) -- Oil climbed.', undefined, 'Bloomberg', 'Oil climbed.'],
    ['(Example Wire) \u2014 Oil climbed.', undefined, 'Example Wire', 'Oil climbed.'],
    ['(CORRECTED) - Oil climbed.', undefined, undefined, 'Oil climbed.'],
    ['US - China talks resumed.', undefined, undefined, 'US - China talks resumed.'],
    ['The Lisbon port - the oldest - reopened.', undefined, undefined, 'The Lisbon port - the oldest - reopened.'],
  ];
  for (const [paragraph, dateline, source, story] of leads) {
    it(`reads "${paragraph.slice(0, 32)}"`, () => {
      const cleaned = cleanText(paragraph);
      assert.equal(cleaned.text, story);
      assert.equal(cleaned.dateline, dateline);
      assert.equal(cleaned.source, source);
    });
  }

  it('takes the outlet from a "Visit …" footer or a copyright line when the lead has none', () => {
    assert.equal(cleanText(`${STORY}\n\nVisit Agence France-Presse (Paris) at www.afp.com`).source, 'AFP');
    assert.equal(cleanText(`${STORY}\n\n\u00a92020 Example Media Group L.P.`).source, 'Example Media');
  });
});

describe('ingest: publication dates', () => {
  const written: Array<[string, string | undefined]> = [
    ['The talks ended on Thursday, Feb. 13, 2020, in Brussels.', '2020-02-13'],
    ['Crowds gathered on Saturday 4 June 2022 outside.', '2022-06-04'],
    ['Updated: March 9, 2023\n\nThe museum opened.', '2023-03-09'],
    ['The bonds are due April 15, 1992, the company said.', undefined],
    ['The group was founded in 2001 and met on Thursday.', undefined],
    ['It happened on Monday, February 30, 2021.', undefined],
    ['Markets closed early on Fri. 3 March 2023 for the holiday.', '2023-03-03'],
    // a weekday only as a word of its own
    ['The BlackFriday, 24 November 2023 sale was its biggest.', undefined],
  ];
  for (const [text, date] of written) {
    it(`finds ${date ?? 'no date'} in "${text.slice(0, 40)}"`, () => assert.equal(findPublishedDate(text), date));
  }

  const values: Array<[unknown, string | undefined]> = [
    ['2022-06-20T23:15:00-05:00', '2022-06-20'],
    ['2021/11/08', '2021-11-08'],
    ['Thu, 13 Feb 2020 09:00:00 GMT', '2020-02-13'],
    ['March 9, 2023', '2023-03-09'],
    [1680000000, '2023-03-28'],
    ['soon', undefined],
    [null, undefined],
  ];
  for (const [value, date] of values) {
    it(`parses the metadata value ${JSON.stringify(value)}`, () => assert.equal(parseDateValue(value), date));
  }
});

describe('ingest: outlet names and stand-in titles', () => {
  const outlets: Array<[string, string]> = [
    ['Deutsche Presse-Agentur GmbH (Hamburg, Germany)', 'dpa'],
    ['The Associated Press', 'AP'],
    ['Bloomberg L.P.', 'Bloomberg'],
    ['Example Tribune Ltd', 'Example Tribune'],
  ];
  for (const [found, name] of outlets) it(`calls "${found}" ${name}`, () => assert.equal(canonicalOutlet(found), name));

  it('uses the first sentence, past abbreviations, as a title when there is none', () => {
    assert.equal(leadSentence('The U.S. and Mr. Smith agreed. Then they left.'), 'The U.S. and Mr. Smith agreed.');
    const long = leadSentence(`${'word '.repeat(60)}end.`, 50)!;
    assert.ok(long.length <= 51 && long.endsWith('\u2026'), long);
  });
});
