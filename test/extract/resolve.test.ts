import assert from 'node:assert/strict';
import { Extractor } from '../../ingest/extract';
import { article, entitiesNamed, extract } from './helpers';

/**
 * Resolution rules as [article text(s), expectation] rows, in our own words. Each row says which
 * surface forms must end in one entity (and of which type), or which must stay apart.
 */
interface SameRow {
  rule: string;
  texts: string[];
  /** surface forms that must all be aliases of one entity */
  same: string[];
  type: string;
  labels?: string[];
}

const SAME: SameRow[] = [
  {
    rule: 'full name and surname',
    texts: ['Finance Minister Karl Odegaard arrived in Oslo on Monday. Odegaard said the budget would pass.'],
    same: ['Karl Odegaard', 'Odegaard'],
    type: 'Person',
  },
  {
    rule: 'title + name',
    texts: ['German Chancellor Olaf Scholz visited Warsaw on Tuesday. Scholz spoke to reporters.'],
    same: ['German Chancellor Olaf Scholz', 'Olaf Scholz', 'Scholz'],
    type: 'Person',
  },
  {
    rule: 'title + name that the recogniser took whole for a body',
    texts: ['Eastern Affairs Minister Tomas Vellick flew to Rome. Vellick met the pope.'],
    same: ['Eastern Affairs Minister Tomas Vellick', 'Tomas Vellick', 'Vellick'],
    type: 'Person',
  },
  {
    rule: 'a description after its own sentence\'s subject, the one name nearby that says it',
    texts: ['Talks stalled in Oslo last week. The Nordic Council met on Monday. The Harbour Workers Commission has asked the Nordic Council to mediate, the commission said on Tuesday.'],
    same: ['Harbour Workers Commission', 'the commission'],
    type: 'Organization',
  },
  {
    rule: 'a company with and without its legal form, short name first',
    texts: ['Shares in Nordvik rose on Monday after Nordvik Shipping Co Ltd said Nordvik Shipping would buy two tankers.'],
    same: ['Nordvik Shipping Co Ltd', 'Nordvik Shipping'],
    type: 'Organization',
  },
  {
    rule: 'a company with and without its legal form, across articles',
    texts: ['Halden Paper Holdings plc cut 200 jobs in Leeds.', 'Halden Paper said on Friday that its mill in Leeds would close.'],
    same: ['Halden Paper Holdings', 'Halden Paper'],
    type: 'Organization',
  },
  {
    rule: 'a role set off by commas before a name',
    texts: ["Norway's finance minister, Ingrid Dahl, unveiled a budget on Monday."],
    same: ["Norway's finance minister", 'Ingrid Dahl'],
    type: 'Person',
  },
  {
    rule: 'a role set off by commas after a name',
    texts: ["Ingrid Dahl, Norway's finance minister, unveiled a budget on Monday."],
    same: ["Norway's finance minister", 'Ingrid Dahl'],
    type: 'Person',
  },
  {
    rule: '"the company" is the body whose name says it is one, not the most mentioned body',
    texts: ['The Nordic Council met in Oslo on Monday. The Nordic Council urged Vantor Hydro Group to cut emissions. The company said it would.'],
    same: ['Vantor Hydro Group', 'The company'],
    type: 'Organization',
  },
  {
    rule: 'a name with a legal form is a company, whoever it seems to name',
    texts: ['Anna Berg Ltd said profits rose. Anna Berg Ltd will hire 40 people.'],
    same: ['Anna Berg Ltd'],
    type: 'Organization',
  },
  {
    rule: 'acronym and a "person" whose initials it is',
    texts: ['Electronic Arts, known as EA, makes games. EA said sales rose.'],
    same: ['Electronic Arts', 'EA'],
    type: 'Organization',
  },
  {
    rule: 'acronym and expansion in parentheses',
    texts: ['The North Atlantic Treaty Organization (NATO) met in Madrid. NATO said its members agreed.'],
    same: ['North Atlantic Treaty Organization', 'NATO'],
    type: 'Organization',
  },
  {
    rule: 'acronym and expansion by initials, across articles',
    texts: ['Ministers of the European Union met in Brussels on Friday.', 'The EU said on Saturday that the talks would resume.'],
    same: ['European Union', 'EU'],
    type: 'Organization',
  },
  {
    rule: 'country variants',
    texts: ['The United States sent aid to Chile. The U.S. said America would send more. US officials agreed.'],
    same: ['United States', 'U.S.', 'America'],
    type: 'Location',
    labels: ['Country'],
  },
  {
    rule: 'nationality adjective as the country',
    texts: ['Iraq held elections in May. Iraqi voters said the vote was fair.'],
    same: ['Iraq', 'Iraqi'],
    type: 'Location',
  },
  {
    rule: 'possessive',
    texts: ["NATO's members met in Madrid. NATO said the summit went well."],
    same: ["NATO's", 'NATO'],
    type: 'Organization',
  },
  {
    rule: 'a description the text ties to a name',
    texts: ['NATO met in Madrid on Monday. The ministers of the alliance agreed on a plan, according to the alliance\'s Secretary-General Jens Stoltenberg.'],
    same: ['NATO', "the alliance"],
    type: 'Organization',
  },
  {
    rule: 'a definite role ties to the person with that title, across articles',
    texts: ['Defense Secretary Lloyd Austin spoke in Berlin on Monday.', 'The talks went well, according to the U.S. defense secretary.'],
    same: ['Lloyd Austin', 'the U.S. defense secretary'],
    type: 'Person',
  },
  {
    rule: 'same full name across articles',
    texts: ['Chancellor Olaf Scholz visited Paris.', 'Olaf Scholz met farmers in Munich.', 'Scholz said the visit went well.'],
    same: ['Olaf Scholz', 'Scholz'],
    type: 'Person',
  },
];

describe('extract: entity resolution', function () {
  this.timeout(20000);

  for (const row of SAME) {
    it(`${row.rule}: ${row.same.join(' = ')}`, () => {
      const doc = extract(...row.texts);
      const hits = new Set(row.same.flatMap((a) => entitiesNamed(doc, a).map((e) => e.id)));
      assert.equal(hits.size, 1, `${row.same.join(', ')} -> ${[...hits].join(', ')}\n${JSON.stringify(doc.entities.map((e) => [e.id, e.aliases]))}`);
      const entity = doc.entities.find((e) => hits.has(e.id))!;
      assert.equal(entity.type, row.type);
      for (const l of row.labels ?? []) assert.ok(entity.labels?.includes(l), `${entity.id} lacks label ${l}`);
      // every surface form is kept
      for (const a of row.same) assert.ok(entity.aliases.includes(a) || entity.name === a, `${a} is not an alias of ${entity.id}`);
    });
  }

  it('ids are readable and deterministic: type + normalised name', () => {
    const doc = extract('Finance Minister Karl Odegaard arrived in Oslo on Monday.');
    assert.ok(doc.entities.some((e) => e.id === 'e:person:karl-odegaard'));
    assert.ok(doc.entities.some((e) => e.id === 'e:location:oslo'));
  });

  it('a pronoun joins the one person of the sentences before it', () => {
    const doc = extract('Karl Odegaard arrived in Oslo on Monday. He is consulting with the European Union on the budget.');
    const name = new Map(doc.entities.map((e) => [e.id, e.name]));
    assert.ok(doc.relations.some((r) => name.get(r.subject) === 'Karl Odegaard' && r.predicate === 'CONSULTED' && name.get(r.object) === 'European Union'));
  });

  it('with explain, each entity says why its mentions were joined, and why a join was refused', () => {
    const x = new Extractor({ explain: true });
    const texts = [
      'Karin Voss met farmers in Dalby on Monday. Voss promised new roads.',
      'Karin Voss returned to Dalby on Friday.',
      'Peter Lind visited Oslo.',
      'Anna Lind visited Bergen.',
      'Lind said the trip went well.',
    ];
    const doc = x.merge(texts.map((t, i) => x.article(article(t, `e${i + 1}.txt`))));
    const why = (name: string): string[] => (entitiesNamed(doc, name)[0] as { mergedBecause?: string[] } | undefined)?.mergedBecause ?? [];
    const voss = why('Karin Voss');
    assert.ok(voss.some((w) => /same name "karin voss" in e2\.txt and e1\.txt/.test(w)), voss.join(' | '));
    assert.ok(voss.some((w) => /Voss/.test(w) && !/e2\.txt/.test(w)), `the surname joined within the first article: ${voss.join(' | ')}`);
    assert.ok(why('Lind').some((w) => /"Lind" is part of 2 different people's names: not joined/.test(w)), why('Lind').join(' | '));
    // without explain, no reasons are kept or given
    assert.ok(extract(...texts).entities.every((e) => !('mergedBecause' in e)));
  });

  it('a name made into a modifier ("Dalby-based", "U.S.-backed") is the place, when the place is known; never a body', () => {
    const doc = extract('The Dalby-based firm hired 40 people, and a U.S.-backed fund paid for it. Farmers in Dalby welcomed the jobs. The Linux-based system failed.');
    const names = doc.entities.flatMap((e) => [e.name, ...e.aliases]);
    assert.ok(!names.some((n) => /-based|-backed/.test(n)), names.join(', '));
    const dalby = entitiesNamed(doc, 'Dalby');
    assert.equal(dalby.length, 1);
    assert.equal(dalby[0]!.type, 'Location');
    assert.equal((dalby[0]!.mentions ?? []).reduce((n, m) => n + m.count, 0), 2);
    assert.equal(entitiesNamed(doc, 'United States').length, 1);
    assert.equal(entitiesNamed(doc, 'Linux').length, 0);
  });

  describe('must not merge', () => {
    it('two people who share a surname, in one article', () => {
      const doc = extract('John Harlow and Mary Harlow opened a bakery in Leeds. John Harlow said sales were good.');
      const people = doc.entities.filter((e) => e.type === 'Person').map((e) => e.name);
      assert.ok(people.includes('John Harlow') && people.includes('Mary Harlow'), people.join(', '));
    });

    it('two people who share a surname, across articles; the bare surname joins neither', () => {
      const doc = extract('Peter Lind visited Oslo on Monday.', 'Anna Lind visited Stockholm on Tuesday.', 'Lind said the trip went well.');
      const peter = entitiesNamed(doc, 'Peter Lind');
      const anna = entitiesNamed(doc, 'Anna Lind');
      assert.equal(peter.length, 1);
      assert.equal(anna.length, 1);
      assert.notEqual(peter[0]!.id, anna[0]!.id);
      assert.ok(!peter[0]!.aliases.includes('Lind') && !anna[0]!.aliases.includes('Lind'));
    });

    it('two places that share a name but lie in different countries', () => {
      const doc = extract('Fans gathered in Paris, France on Sunday.', 'Fans gathered in Paris, Canada on Sunday.');
      const paris = doc.entities.filter((e) => e.name === 'Paris');
      assert.equal(paris.length, 2, JSON.stringify(doc.entities.map((e) => e.id)));
      assert.notEqual(paris[0]!.id, paris[1]!.id);
    });

    it('a company and the country its name holds besides its legal form', () => {
      const doc = extract('Korea Co said on Monday that profits rose. Korea said exports fell.');
      const korea = entitiesNamed(doc, 'Korea');
      assert.equal(korea.length, 1);
      assert.ok(!korea[0]!.aliases.includes('Korea Co'), korea[0]!.aliases.join(', '));
    });

    it('a role joined to a name by "and", not set off by a comma', () => {
      const doc = extract("Norway's finance minister and Ingrid Dahl met in Oslo on Monday.");
      const dahl = entitiesNamed(doc, 'Ingrid Dahl');
      assert.equal(dahl.length, 1);
      assert.ok(!dahl[0]!.aliases.some((a) => /minister/.test(a)), dahl[0]!.aliases.join(', '));
    });

    it('a country and "the capital" after it', () => {
      const doc = extract('Chile said on Monday that it would send its strongest team to the Peruvian capital.');
      const chile = entitiesNamed(doc, 'Chile');
      assert.equal(chile.length, 1);
      assert.ok(!chile[0]!.aliases.some((a) => /capital/.test(a)), chile[0]!.aliases.join(', '));
    });

    it('a role without "the" stays its own person ("a U.S. soldier" is not the named soldier)', () => {
      const doc = extract('Sergeant Paul Reyes spoke in Kabul. A U.S. soldier was wounded in Kandahar.');
      const soldier = entitiesNamed(doc, 'A U.S. soldier');
      assert.equal(soldier.length, 1);
      assert.ok(!soldier[0]!.aliases.includes('Paul Reyes'));
    });
  });
});
