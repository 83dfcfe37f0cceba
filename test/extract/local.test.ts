import assert from 'node:assert/strict';
import type { Candidate } from '../../ingest/extract';
import { resolveLocal } from '../../ingest/resolve/local';
import { normaliseName, withoutLegalForm } from '../../ingest/resolve/normalise';

/**
 * Local resolution on candidates written by hand, so that a rule is tested whatever the recogniser does
 * with a sentence: each row is the names of one article in text order, as [text, type, labels?], and
 * the groups of texts that must end as one entity of the given type.
 */
type Name = [text: string, type: string, labels?: string[], affiliation?: number];

function resolve(names: Name[]): { entityOfText: (text: string) => number[]; groups: Map<number, string[]>; typeOf: (text: string) => string | undefined } {
  let at = 0;
  const candidates: Candidate[] = names.map(([text, type, labels, affiliation], k) => {
    const start = at;
    at += text.length + 10;
    const key = normaliseName(text);
    const shortKey = type === 'Organization' ? withoutLegalForm(key) : undefined;
    return { start, end: start + text.length, tokenStart: k * 3, tokenEnd: k * 3 + 1, sentence: k, text, how: 'name', type, kind: 'name', name: text, key, shortKey, labels, affiliation };
  });
  const { entities, entityOf } = resolveLocal(candidates);
  const groups = new Map<number, string[]>();
  candidates.forEach((c, i) => groups.set(entityOf[i]!, [...(groups.get(entityOf[i]!) ?? []), c.text]));
  const typeOf = (text: string): string | undefined => {
    const i = candidates.findIndex((c) => c.text === text);
    return i === -1 ? undefined : entities[entityOf[i]!]?.type;
  };
  /** the entity of every mention written `text` */
  const entityOfText = (text: string): number[] => candidates.flatMap((c, i) => (c.text === text ? [entityOf[i]!] : []));
  return { entityOfText, groups, typeOf };
}

describe('local resolution: a body with and without its legal form', () => {
  it('one-word "persons" join the body named in full without making it a person', () => {
    const { entityOfText, typeOf } = resolve([['Citadel Holding Corp', 'Organization'], ['Citadel', 'Person'], ['Citadel', 'Person'], ['Citadel Holding', 'Organization'], ['Citadel', 'Person']]);
    assert.equal(new Set([...entityOfText('Citadel Holding Corp'), ...entityOfText('Citadel Holding')]).size, 1);
    assert.equal(typeOf('Citadel Holding Corp'), 'Organization');
  });
});

describe('local resolution: a name that starts a body\'s name', () => {
  const same: [rule: string, names: Name[], same: string[]][] = [
    ['a company by the start of its name', [['Asamera Minerals Inc', 'Organization'], ['Asamera', 'Organization']], ['Asamera Minerals Inc', 'Asamera']],
    ['a one-word "person" that starts a company\'s name, before it too', [['Cooper', 'Person'], ['Cooper Industries Inc', 'Organization'], ['Cooper', 'Person']], ['Cooper Industries Inc', 'Cooper']],
    ['one body in two spellings counts once', [['Brennmark Hydro Group', 'Organization'], ['Brennmark Hydro', 'Organization'], ['Brennmark', 'Person']], ['Brennmark Hydro Group', 'Brennmark Hydro', 'Brennmark']],
  ];
  for (const [rule, names, group] of same) {
    it(rule, () => {
      const { entityOfText, groups, typeOf } = resolve(names);
      assert.equal(new Set(group.flatMap(entityOfText)).size, 1, JSON.stringify([...groups.values()]));
      assert.equal(typeOf(group[0]!), 'Organization');
    });
  }

  const apart: [rule: string, names: Name[], apart: [string, string]][] = [
    ['a one-word "person" and a "body" whose name does not say it is one', [['Tan Soo Nan', 'Organization'], ['Tan', 'Person']], ['Tan Soo Nan', 'Tan']],
    ['a word a person named in full holds', [['Cooper Industries Inc', 'Organization'], ['Ann Cooper', 'Person'], ['Cooper', 'Person']], ['Cooper Industries Inc', 'Cooper']],
    ['a word that starts two bodies\' names', [['Delta Air Lines', 'Organization'], ['Delta Galil Industries', 'Organization'], ['Delta', 'Organization']], ['Delta Air Lines', 'Delta']],
    ['the company a name names without its legal form, not the other it starts', [['Mobil Oil Corp', 'Organization'], ['Mobil Corp', 'Organization'], ['Mobil', 'Organization']], ['Mobil Oil Corp', 'Mobil']],
    ['a place that starts a body\'s name', [['Sarn Basin Commission', 'Organization'], ['Sarn', 'Location']], ['Sarn Basin Commission', 'Sarn']],
    ['a body and its committee', [['Senate Agriculture Committee', 'Organization'], ['Senate', 'Organization']], ['Senate Agriculture Committee', 'Senate']],
    ['a body and its commission', [['European Community Commission', 'Organization'], ['European Community', 'Organization']], ['European Community Commission', 'European Community']],
    ['a country that starts a body\'s name', [['Iran Air', 'Organization'], ['Iran', 'Organization', ['Country']]], ['Iran Air', 'Iran']],
  ];
  for (const [rule, names, [a, b]] of apart) {
    it(`must not merge: ${rule}`, () => {
      const { entityOfText, groups } = resolve(names);
      const ids = new Set(entityOfText(a));
      assert.ok(!entityOfText(b).some((e) => ids.has(e)), JSON.stringify([...groups.values()]));
    });
  }
});

describe('local resolution: a surname the recogniser took for a body or place', () => {
  const cases: [rule: string, names: Name[], same: string[], type: string][] = [
    ['an organisation that is a surname joins the person', [['Anneliese Korvaj', 'Person'], ['Korvaj', 'Organization'], ['Korvaj', 'Person']], ['Anneliese Korvaj', 'Korvaj'], 'Person'],
    ['a place that is a surname joins the person, before the full name too', [['Brant', 'Location'], ['Sela Brant', 'Person']], ['Sela Brant', 'Brant'], 'Person'],
    ['mistyped mentions do not outvote the person', [['Ilse Marvane', 'Person'], ['Marvane', 'Organization'], ['Marvane', 'Organization'], ['Marvane', 'Location']], ['Ilse Marvane', 'Marvane'], 'Person'],
  ];
  for (const [rule, names, same, type] of cases) {
    it(rule, () => {
      const { entityOfText, groups, typeOf } = resolve(names);
      const ids = new Set(same.flatMap(entityOfText));
      assert.equal(ids.size, 1, JSON.stringify([...groups.values()]));
      assert.equal(typeOf(same[0]!), type);
    });
  }

  const apart: [rule: string, names: Name[], apart: [string, string]][] = [
    ['a country the table knows stays the country ("Jordan" and Michael Jordan)', [['Michael Jordan', 'Person'], ['Jordan', 'Location', ['Country']]], ['Michael Jordan', 'Jordan']],
    ['an acronym stays the body', [['Pia Un', 'Person'], ['UN', 'Organization']], ['Pia Un', 'UN']],
    ['a given name is not a surname', [['Paris Hilton', 'Person'], ['Paris', 'Location']], ['Paris Hilton', 'Paris']],
    ['a body named in two words is not a surname', [['Sela Brant', 'Person'], ['Brant Holdings', 'Organization']], ['Sela Brant', 'Brant Holdings']],
    ['what a title belongs to ("Ferruzzi chairman Raul Gardini")', [['Gruppo Ferruzzi', 'Person'], ['Ferruzzi', 'Organization'], ['Raul Gardini', 'Person', undefined, 1]], ['Gruppo Ferruzzi', 'Ferruzzi']],
    ['a company named after a person, also named in full', [['Joseph E. Seagram', 'Person'], ['Seagram Co Ltd', 'Organization'], ['Seagram', 'Organization']], ['Joseph E. Seagram', 'Seagram']],
  ];
  for (const [rule, names, [a, b]] of apart) {
    it(`must not merge: ${rule}`, () => {
      const { groups } = resolve(names);
      const group = [...groups.values()].find((g) => g.includes(a))!;
      assert.ok(!group.includes(b), JSON.stringify([...groups.values()]));
    });
  }
});
