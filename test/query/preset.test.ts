import assert from 'node:assert/strict';
import { InputError } from '../../src/errors';
import { checkParams, loadPresets, parseAssignments, parsePreset, ParameterError, UnknownPresetError, type Preset } from '../../src/query';

const header = (...lines: string[]): string => [...lines, 'RETURN 1'].join('\n');

describe('preset files', () => {
  it('reads name, description and typed parameters with defaults, ranges and descriptions', () => {
    const text = [
      '// @name demo',
      '// @description Shows the header.',
      '// @param who: string = "Esper" -- a name or alias',
      '// @param hops: int(1..3) = 2',
      '// @param score: float(0..) -- the least score',
      '// @param exact: boolean = false',
      '//',
      '// a note that is not a tag',
      'MATCH (e {name: $who}) WHERE $hops > 0 AND e.score >= $score AND $exact RETURN e',
    ].join('\n');
    const preset = parsePreset(text, 'demo.cypher');
    assert.equal(preset.name, 'demo');
    assert.equal(preset.description, 'Shows the header.');
    assert.equal(preset.cypher, text);
    assert.deepEqual(preset.params, [
      { name: 'who', type: 'string', default: 'Esper', description: 'a name or alias' },
      { name: 'hops', type: 'int', min: 1, max: 3, default: 2, description: '' },
      { name: 'score', type: 'float', min: 0, description: 'the least score' },
      { name: 'exact', type: 'boolean', default: false, description: '' },
    ]);
  });

  const malformed: Array<[string, string, RegExp]> = [
    ['no name', header('// @description d'), /no @name line/],
    ['no description', header('// @name x'), /no @description line/],
    ['a bad name', header('// @name Bad_Name', '// @description d'), /lower-case words/],
    ['an unknown tag', header('// @name x', '// @description d', '// @returns rows'), /:3: unknown header tag @returns/],
    ['an unknown type', header('// @name x', '// @description d', '// @param n: number = 1'), /:3: .*type "number"/],
    ['a default of the wrong type', header('// @name x', '// @description d', '// @param n: int = "2"'), /:3: .*must be a whole number/],
    ['a default out of range', header('// @name x', '// @description d', '// @param n: int(1..3) = 9'), /:3: .*between 1 and 3/],
    ['a default that is not JSON', header('// @name x', '// @description d', "// @param n: string = 'a'"), /:3: .*not a JSON literal/],
    ['a range on a string', header('// @name x', '// @description d', '// @param n: string(1..2)'), /only int and float take a range/],
    ['a garbled param line', header('// @name x', '// @description d', '// @param = 3'), /:3: cannot read/],
    ['a parameter declared twice', ['// @name x', '// @description d', '// @param n: int', '// @param n: int', 'RETURN $n'].join('\n'), /:4: .*declared twice/],
    ['a declared parameter the query never uses', header('// @name x', '// @description d', '// @param n: int = 1'), /never uses \$n/],
    ['a used parameter never declared', ['// @name x', '// @description d', 'RETURN $n'].join('\n'), /declares no @param n/],
  ];
  for (const [what, text, message] of malformed) {
    it(`refuses ${what}, naming the file`, () => {
      assert.throws(
        () => parsePreset(text, 'bad.cypher'),
        (error: unknown) => error instanceof InputError && error.file === 'bad.cypher' && message.test(error.message),
      );
    });
  }
});

describe('the shipped presets (queries/*.cypher)', () => {
  const catalog = loadPresets();
  const required = [
    'article-facts', 'attendance', 'co-mentioned', 'corroborated', 'entity', 'entity-profile', 'facts-between', 'most-connected',
    'most-mentioned', 'neighbourhood', 'schema', 'search', 'shortest-path', 'single-source', 'timeline',
  ];

  it('are all there, in name order', () => {
    assert.deepEqual(catalog.presets.map((p) => p.name), required);
  });

  it('every parameter but an entity id has a default, so each runs as it stands', () => {
    for (const preset of catalog.presets) {
      for (const p of preset.params) {
        if (preset.name === 'entity') continue;
        assert.notEqual(p.default, undefined, `${preset.name}.${p.name}`);
      }
    }
  });

  it('caps the neighbourhood at 3 hops', () => {
    const hops = catalog.get('neighbourhood').params.find((p) => p.name === 'hops');
    assert.deepEqual([hops?.min, hops?.max], [1, 3]);
  });

  it('refuses an unknown preset, listing the known ones', () => {
    assert.throws(() => catalog.get('nope'), (e: unknown) => e instanceof UnknownPresetError && /entity-profile/.test(e.message));
  });
});

describe('preset parameters', () => {
  const preset: Preset = parsePreset(
    ['// @name p', '// @description d', '// @param name: string', '// @param hops: int(1..3) = 2', '// @param min: float = 0.5', '// @param all: boolean = true', 'RETURN $name, $hops, $min, $all'].join('\n'),
    'p.cypher',
  );

  it('fills in defaults', () => {
    assert.deepEqual(checkParams(preset, { name: 'Esper' }), { name: 'Esper', hops: 2, min: 0.5, all: true });
  });

  const refused: Array<[Record<string, unknown>, string, RegExp]> = [
    [{}, 'name', /needs it/],
    [{ name: 'x', colour: 'red' }, 'colour', /no such parameter .*takes name, hops, min, all/],
    [{ name: 3 }, 'name', /must be a string, not 3/],
    [{ name: 'x', hops: '2' }, 'hops', /must be a whole number, not "2"/],
    [{ name: 'x', hops: 2.5 }, 'hops', /must be a whole number/],
    [{ name: 'x', hops: 4 }, 'hops', /between 1 and 3, not 4/],
    [{ name: 'x', min: 'high' }, 'min', /must be a number/],
    [{ name: 'x', all: 'yes' }, 'all', /true or false/],
    [{ name: null }, 'name', /not null/],
    [{ name: ['a'] }, 'name', /not a list/],
  ];
  for (const [given, parameter, message] of refused) {
    it(`refuses ${JSON.stringify(given)}, naming ${parameter}`, () => {
      assert.throws(
        () => checkParams(preset, given),
        (e: unknown) => e instanceof ParameterError && e.parameter === parameter && message.test(e.message) && e.message.includes(`"${parameter}"`),
      );
    });
  }

  it('reads name=value pairs by declared type, leaving bad text for checkParams to name', () => {
    assert.deepEqual(parseAssignments(preset, ['name=a=b', 'hops=3', 'min=0.25', 'all=no']), { name: 'a=b', hops: 3, min: 0.25, all: false });
    assert.deepEqual(parseAssignments(preset, ['hops=three', 'other=1']), { hops: 'three', other: '1' });
    assert.throws(() => parseAssignments(preset, ['noequals']), ParameterError);
  });
});
