import assert from 'node:assert/strict';
import { entityId, normaliseName, slug, withoutLegalForm } from '../../ingest/resolve/normalise';

/**
 * The definition of the normal form, as regular-expression passes: the code takes a one-pass shortcut for
 * names that are nearly normal already, and must give exactly this for every string.
 */
function normalByPasses(text: string): string {
  let s = text.replace(/[\u2018\u2019\u02bc`]/g, "'").toLowerCase();
  s = s.replace(/'s\b/g, '').replace(/s'(?=\s|$)/g, 's');
  s = s.replace(/['.]/g, '').replace(/[^a-z0-9&\- ]+/g, ' ').replace(/\s+/g, ' ').trim();
  return s.replace(/^(the|a|an) /, '');
}

function slugByPasses(text: string): string {
  return normalByPasses(text).replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
}

describe('resolve: normal names and ids', () => {
  const CASES: Array<[string, string, string]> = [
    // [name, normal form, slug]
    ['Mark Esper', 'mark esper', 'mark-esper'],
    ['NATO', 'nato', 'nato'],
    ['the Taliban', 'taliban', 'taliban'],
    ['The Hague', 'hague', 'hague'],
    ['A Coruña', 'coru a', 'coru-a'],
    ['An Giang', 'giang', 'giang'],
    ['Anthem', 'anthem', 'anthem'],
    ["the U.S.'s", 'us', 'us'],
    ['U.S.', 'us', 'us'],
    ["NATO's", 'nato', 'nato'],
    ['NATO’s', 'nato', 'nato'],
    ["the allies'", 'allies', 'allies'],
    ['AT&T', 'at&t', 'atandt'],
    ['Procter & Gamble', 'procter & gamble', 'procter-and-gamble'],
    ['Al-Shabaab', 'al-shabaab', 'al-shabaab'],
    ['  Jens   Stoltenberg ', 'jens stoltenberg', 'jens-stoltenberg'],
    ['Jens\tStoltenberg', 'jens stoltenberg', 'jens-stoltenberg'],
    ['-Kabul-', '-kabul-', 'kabul'],
    ['G7', 'g7', 'g7'],
    ['...', '', 'x'],
    ['', '', 'x'],
  ];
  for (const [name, normal, id] of CASES) {
    it(`${JSON.stringify(name)} -> ${JSON.stringify(normal)}, ${id}`, () => {
      assert.equal(normaliseName(name), normal);
      assert.equal(slug(name), id);
      assert.equal(normalByPasses(name), normal, 'the case itself agrees with the definition');
    });
  }

  it('gives an id of the type and the slug', () => {
    assert.equal(entityId('Person', 'Mark Esper'), 'e:person:mark-esper');
    assert.equal(entityId('Organization', 'the U.S. Army'), 'e:organization:us-army');
  });

  it('agrees with the definition on many generated strings, shortcut or not', () => {
    const parts = ['a', 'b', 's', 'S', 'T', 'h', 'e', 'n', ' ', '  ', "'", '’', '.', '-', '&', '1', '\t', 'É', 'é', 'İ', 'ß', 'the ', 'a ', 'an ', 'The ', '_', '`'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % parts.length;
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      for (let k = i % 9; k > 0; k--) s += parts[next()];
      assert.equal(normaliseName(s), normalByPasses(s), JSON.stringify(s));
      assert.equal(slug(s), slugByPasses(s), JSON.stringify(s));
    }
  });
});

describe('resolve: a body\'s name without its legal form', () => {
  const CASES: Array<[string, string | undefined]> = [
    ['seagram co ltd', 'seagram'],
    ['apple inc', 'apple'],
    ['siemens ag', 'siemens'],
    ['procter & gamble co', 'procter & gamble'],
    ['smith barney & co', 'smith barney'],
    ['dixons group plc', 'dixons'],
    ['brennmark hydro group', 'brennmark hydro'],
    ['general motors corporation', 'general motors'],
    // nothing to take off, or nothing left
    ['seagram', undefined],
    ['group of seven', undefined],
    ['holding co', undefined],
    ['co', undefined],
  ];
  for (const [key, expected] of CASES) it(`${JSON.stringify(key)} -> ${JSON.stringify(expected)}`, () => assert.equal(withoutLegalForm(key), expected));
});
