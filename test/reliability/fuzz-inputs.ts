import * as zlib from 'node:zlib';
import { generatedArticle } from '../fixtures/reliability/articles';
import { random } from './numbers';

/** One generated input: the file name it is written under (the extension picks the reader) and its bytes. */
export interface FuzzInput {
  kind: string;
  name: string;
  bytes: Buffer;
}

export const CYPHER_LIKE = "Orla Venmark'}) DETACH DELETE n //";
export const HTML_LIKE = '<script>alert("graphwire")</script><img src=x onerror=alert(1)>';

const EXTENSIONS = ['txt', 'md', 'html', 'json', 'jsonl', 'txt.gz', 'html.gz', 'xml', 'htm'];
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];
const BIDI = ['\u202e', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200f', '\u200e', '\u061c'];
const ODD = [
  'Z\u0351\u0352\u0357\u0358\u035b\u0363\u0364\u0365a\u0300\u0301\u0302\u0303\u0304\u0305lgo', '𝐃𝐚𝐧𝐢𝐞𝐥 𝐅𝐞𝐫𝐫𝐞𝐢𝐫𝐚', 'Ｆｕｌｌ Ｗｉｄｔｈ', '東京都庁の職員', 'مدينة الكويت', 'नई दिल्ली',
  '👩🏽‍🚀🏳️‍🌈🇺🇳', '\u0000\u0001\u0007\u001b[31m', 'İstanbul ǅemal ß ﬃ', 'ℌ𝔢𝔩𝔩𝔬', '\ud800', '\udfff', 'Ω≈ç√∫', '\u2028\u2029', '\r\r\r', '\t\v\f',
];

/** The i-th fuzz input for a seed; kinds take turns so every kind is covered in any long enough run. */
export function fuzzInput(i: number, seed = 7): FuzzInput {
  const rnd = random(seed * 100_003 + i);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const int = (max: number): number => Math.floor(rnd() * max);
  const randomBytes = (n: number): Buffer => {
    const b = Buffer.alloc(n);
    for (let j = 0; j < n; j++) b[j] = int(256);
    return b;
  };
  const sprinkle = (text: string, chars: readonly string[], rate: number): string =>
    [...text].map((c) => (rnd() < rate ? c + pick(chars) : c)).join('');
  const article = (): string => generatedArticle(int(10_000));
  const text = (kind: string, ext: string, s: string): FuzzInput => ({ kind, name: `${kind}-${i}.${ext}`, bytes: maybeGzip(ext, Buffer.from(s, 'utf8')) });

  const kinds: Array<() => FuzzInput> = [
    () => {
      const ext = pick(EXTENSIONS);
      return { kind: 'random-bytes', name: `random-bytes-${i}.${ext}`, bytes: randomBytes(int(4096)) };
    },
    () => text('random-text', pick(EXTENSIONS), Array.from({ length: int(3000) }, () => String.fromCodePoint(int(0x2ffff))).join('')),
    () => {
      const ext = pick(['txt', 'md', 'html']);
      const token = pick(['A', 'x', '9', '-', '.', 'é', '字']).repeat(20_000 + int(200_000));
      return text('huge-token', ext, `Headline ${i}\n\n${article().split('\n').slice(2).join('\n')} ${token}.\n`);
    },
    () => {
      const depth = 1000 + int(30_000);
      const tag = pick(['div', 'span', 'b', 'p', 'table', 'ul', 'li', 'a']);
      const closed = rnd() < 0.5;
      const body = `<${tag}>`.repeat(depth) + 'Orla Venmark met with Tobias Quillane in Veltmark.' + (closed ? `</${tag}>`.repeat(depth) : '');
      return text('nested-html', pick(['html', 'html.gz', 'htm']), `<!doctype html><html><head><title>Nested ${i}</title></head><body>${body}</body></html>`);
    },
    () => {
      const words: string[] = [];
      let size = 0;
      while (size < 1_000_000) {
        const w = pick(['Orla', 'Venmark', 'met', 'with', 'the', 'Veltmark', 'Water', 'Board', 'in', 'Pellan', 'and', 'said', 'it', 'would', 'support', 'talks,']);
        words.push(w);
        size += w.length + 1;
      }
      return text('one-mb-line', pick(['txt', 'md', 'html']), `${words.join(' ')}.`);
    },
    () => text('unicode', pick(['txt', 'md', 'html', 'json']), sprinkle(article(), ODD, 0.02)),
    () => text('zero-width-rtl', pick(['txt', 'md', 'html']), sprinkle(article(), [...ZERO_WIDTH, ...BIDI], 0.1)),
    () => {
      const ext = pick(['txt', 'md', 'html', 'json']);
      const hostile = `${CYPHER_LIKE} ${HTML_LIKE} MATCH (n) DETACH DELETE n; CALL dbms.killQueries([]) $param {{x}} \${x} <!-- -->`;
      const body = `${article().split('\n').slice(2).join('\n')}\n\n${hostile}\n\nOrla Venmark said "${hostile}" in Veltmark.`;
      if (ext === 'json') return text('cypher-html', ext, JSON.stringify({ title: hostile, text: body, source: HTML_LIKE }));
      if (ext === 'html') return text('cypher-html', ext, `<html><head><title>${hostile}</title></head><body><p>${body}</p><script>${hostile}</script></body></html>`);
      return text('cypher-html', ext, `${hostile}\n\n${body}`);
    },
    () => {
      const options: string[] = [
        JSON.stringify({ title: int(10), text: { nested: [1, 2] } }),
        JSON.stringify({ title: 'Fine', text: article(), published: 'not a date', url: 'javascript:alert(1)' }),
        '['.repeat(5000 + int(50_000)) + ']'.repeat(5000),
        JSON.stringify({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } }, title: 'Proto', text: article() }).replace('"title"', '"__proto__":{"polluted":true},"title"'),
        JSON.stringify(Array.from({ length: 50 }, () => ({ title: 'Many', text: article() }))),
        JSON.stringify({ title: 'Huge', text: 'word '.repeat(100_000) }),
        `{"title": "Truncated", "text": "${article().slice(0, 40)}`,
        JSON.stringify({ articles: null }),
      ];
      return text('json-shapes', pick(['json', 'json', 'txt']), pick(options));
    },
    () => {
      const lines = Array.from({ length: 1 + int(40) }, () =>
        pick([JSON.stringify({ title: 'Line', text: article() }), '{', 'null', '[]', '""', JSON.stringify({ text: 5 }), '', randomBytes(40).toString('latin1')]),
      );
      return text('jsonl-mix', pick(['jsonl', 'jsonl.gz']), lines.join(pick(['\n', '\r\n', '\r'])));
    },
    () => {
      const md = [`---\n${'key: value\n'.repeat(int(2000))}title: [unclosed\n&a *a *a\n---`, '#'.repeat(int(50)) + ' Heading', '```\n'.repeat(int(100)), '> '.repeat(int(5000)) + 'quote', article()];
      return text('markdown', 'md', md.join('\n\n'));
    },
    () => {
      // a valid article, damaged at random places
      const chars = [...article()];
      for (let k = int(40); k > 0; k--) chars.splice(int(chars.length), int(3), pick(['\u0000', '<', '>', '&amp;', '"', "'", '\\', '\n\n', '}', '{', '\ufffd', pick(ODD)]));
      return text('mutated', pick(['txt', 'md', 'html']), chars.join(''));
    },
    () => {
      // invalid UTF-8 and a byte-order mark in front of an article
      const bytes = Buffer.concat([pick([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff]), Buffer.alloc(0)]), Buffer.from(article()), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc])]);
      return { kind: 'bad-utf8', name: `bad-utf8-${i}.txt`, bytes };
    },
  ];
  // the expensive kinds (huge token, deep nesting, 1 MB line) come round less often
  const cheap = [0, 1, 5, 6, 7, 8, 9, 10, 11, 12];
  const k = i % 50 === 2 ? 2 : i % 50 === 3 ? 3 : i % 100 === 4 ? 4 : cheap[i % cheap.length]!;
  return kinds[k]!();
}

function maybeGzip(ext: string, bytes: Buffer): Buffer {
  return ext.endsWith('.gz') ? zlib.gzipSync(bytes) : bytes;
}
