import assert from 'node:assert/strict';
import { escapeAttribute, escapeText, xmlSafe, xmlToken } from '../../src/export/xml';

describe('export: XML text', () => {
  const safe: [string, string, string][] = [
    ['plain text is left alone', 'Halvik Accord', 'Halvik Accord'],
    ['NUL and bell become U+FFFD', 'a\u0000b\u0007c', 'a\uFFFDb\uFFFDc'],
    ['tab, newline and carriage return are XML', 'a\tb\nc\rd', 'a\tb\nc\rd'],
    ['a lone high surrogate becomes U+FFFD', 'x\uD83Dy', 'x\uFFFDy'],
    ['a lone low surrogate becomes U+FFFD', 'x\uDE00y', 'x\uFFFDy'],
    ['a high surrogate at the end becomes U+FFFD', 'x\uD83D', 'x\uFFFD'],
    ['a surrogate pair stays', 'x\uD83D\uDE00y', 'x\uD83D\uDE00y'],
    ['U+FFFE and U+FFFF become U+FFFD', '\uFFFE\uFFFF', '\uFFFD\uFFFD'],
  ];
  for (const [name, input, expected] of safe) {
    it(name, () => assert.equal(xmlSafe(input), expected));
  }

  it('escapes markup in element content, and CR so that it survives parsing', () => {
    assert.equal(escapeText('<b>"Tom" & Jerry</b>\r\n'), '&lt;b&gt;"Tom" &amp; Jerry&lt;/b&gt;&#13;\n');
  });

  it('escapes quotes and whitespace in attribute values', () => {
    assert.equal(escapeAttribute('say "hi"\tnow\n'), 'say &quot;hi&quot;&#9;now&#10;');
  });

  const tokens: [string, string][] = [
    ['e:person:mark-esper', 'e:person:mark-esper'],
    ['4:abc-def:12', '4:abc-def:12'],
    ['a b', 'a_x20_b'],
    ['a_b', 'a_x5F_b'],
    ['a_x20_b', 'a_x5F_x20_x5F_b'],
    ['é😀', '_xE9__x1F600_'],
    ['', '_x_'],
  ];
  for (const [id, token] of tokens) {
    it(`makes ${JSON.stringify(id)} a distinct NMTOKEN`, () => {
      assert.equal(xmlToken(id), token);
      assert.match(token, /^[A-Za-z0-9._:-]+$/);
    });
  }
});
