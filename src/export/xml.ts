/**
 * Text that any XML 1.0 parser accepts. Scraped text carries characters XML 1.0 cannot hold at all, not even
 * as character references (NUL and the other C0 controls but tab, newline and carriage return; unpaired UTF-16
 * surrogates; U+FFFE and U+FFFF): they become U+FFFD, the replacement character.
 */

const NEEDS_WORK = /[&<>"\r\n\t\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The string with every character XML 1.0 forbids replaced by U+FFFD; other text unchanged. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
// in attribute values a parser normalises tab and newline to spaces unless they are character references
const ATTRIBUTE_ENTITIES: Record<string, string> = { ...TEXT_ENTITIES, '"': '&quot;', '\n': '&#10;', '\t': '&#9;' };

/** For element content. */
export function escapeText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return xmlSafe(text).replace(/[&<>\r]/g, (c) => TEXT_ENTITIES[c]!);
}

/** For a double-quoted attribute value. */
export function escapeAttribute(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return xmlSafe(text).replace(/[&<>"\r\n\t]/g, (c) => ATTRIBUTE_ENTITIES[c]!);
}

/**
 * An id usable where XML wants an NMTOKEN (GraphML node, edge and key ids). Letters, digits, '.', ':' and '-'
 * stay; any other character, '_' included, becomes _xHEX_ (its code point), so distinct ids stay distinct and
 * ids such as `e:person:mark-esper` come out unchanged.
 */
export function xmlToken(id: string): string {
  if (/^[A-Za-z0-9.:-]+$/.test(id)) return id;
  if (id === '') return '_x_';
  let out = '';
  for (const char of id) {
    out += /^[A-Za-z0-9.:-]$/.test(char) ? char : `_x${char.codePointAt(0)!.toString(16).toUpperCase()}_`;
  }
  return out;
}
