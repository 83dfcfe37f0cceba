import assert from 'node:assert/strict';
import { formatResult, type QueryResult } from '../../src/query';

const result: QueryResult = {
  columns: ['entity', 'aliases', 'text', 'sources'],
  rows: [
    { entity: { kind: 'node', id: 'e:person:a', label: 'Ilse Brandvik', type: 'Person' }, aliases: ['Brandvik', 'Ilse'], text: 'said "no", then left', sources: 2 },
    { entity: { kind: 'node', id: 'e:x', label: '<img src=x>', type: 'Person' }, aliases: [], text: 'line\nbreak', sources: null },
  ],
  nodes: [],
  edges: [],
  truncated: true,
};

describe('printing query results', () => {
  it('as a table: nodes by name, lists joined, one line per row, truncation said', () => {
    assert.equal(
      formatResult(result, 'table'),
      [
        'entity         aliases         text                  sources',
        '-------------  --------------  --------------------  -------',
        'Ilse Brandvik  Brandvik, Ilse  said "no", then left  2',
        '<img src=x>                    line break',
        '(2 rows, truncated at the row limit)',
        '',
      ].join('\n'),
    );
  });

  it('as CSV: RFC 4180 quoting, lists joined with ;', () => {
    assert.equal(
      formatResult(result, 'csv'),
      'entity,aliases,text,sources\r\nIlse Brandvik,Brandvik; Ilse,"said ""no"", then left",2\r\n<img src=x>,,"line\nbreak",\r\n',
    );
  });

  it('as JSON: the whole result, parseable', () => {
    assert.deepEqual(JSON.parse(formatResult(result, 'json')), result);
  });
});
