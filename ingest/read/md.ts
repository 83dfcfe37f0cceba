import type { Removal } from '../../src/model/article';
import type { Draft } from './draft';
import { titleLine } from './txt';

/**
 * Markdown: front matter (simple `key: value` lines) and a leading `# Heading` give metadata;
 * markup characters are removed as ranges rather than rendered, so offsets still point into the
 * file as written. Markdown libraries render to HTML and lose those offsets, hence the few rules here.
 */
export function parseMd(text: string): Draft {
  const draft: Draft = { original: text, removals: [] };
  const removals = draft.removals!;
  let bodyStart = 0;

  const front = /^\uFEFF?---[^\S\r\n]*\r?\n([\s\S]*?)\r?\n---[^\S\r\n]*(\r?\n|$)/.exec(text);
  if (front) {
    applyFrontMatter(front[1]!, draft);
    removals.push({ start: 0, end: front[0].length, rule: 'front-matter' });
    bodyStart = front[0].length;
  }

  const heading = /^\s*(#[^\S\r\n]+)([^\r\n]*?)[^\S\r\n]*#*[^\S\r\n]*(\r?\n|$)/.exec(text.slice(bodyStart));
  if (heading) {
    const start = bodyStart + heading[0].indexOf(heading[1]!);
    draft.title ??= heading[2]!.trim();
    removals.push({ start, end: start + heading[0].trimStart().trimEnd().length, rule: 'title' });
  } else if (draft.title === undefined) {
    const line = titleLine(text, bodyStart);
    if (line) {
      draft.title = line.text;
      removals.push(line.removal);
    }
  }

  removals.push(...markup(text, bodyStart));
  return draft;
}

function applyFrontMatter(block: string, draft: Draft): void {
  for (const line of block.split(/\r?\n/)) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (!m || m[2] === '') continue;
    const value = m[2]!.replace(/^(["'])(.*)\1$/, '$2');
    switch (m[1]!.toLowerCase()) {
      case 'title': case 'headline':
        draft.title = value; break;
      case 'date': case 'published': case 'published_at': case 'pubdate':
        draft.published = value; break;
      case 'source': case 'outlet': case 'publisher': case 'site':
        draft.source = value; break;
      case 'url': case 'link': case 'canonical':
        draft.url = value; break;
      case 'author': case 'byline': case 'by':
        draft.byline = value; break;
      case 'dateline': case 'place':
        draft.dateline = value; break;
    }
  }
}

/** Ranges of Markdown syntax from `from` on: markers go, the words they mark stay. */
function markup(text: string, from: number): Removal[] {
  const out: Removal[] = [];
  const add = (start: number, end: number, rule = 'markdown'): void => {
    if (end > start) out.push({ start, end, rule });
  };
  const each = (pattern: RegExp, fn: (m: RegExpExecArray) => void): void => {
    pattern.lastIndex = from;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) fn(m);
  };

  // fenced code and HTML comments are not story
  each(/^[^\S\r\n]*(```|~~~)[^\n]*\n[\s\S]*?^[^\S\r\n]*\1[^\n]*$/gm, (m) => add(m.index, m.index + m[0].length));
  each(/<!--[\s\S]*?-->/g, (m) => add(m.index, m.index + m[0].length));
  // reference definitions "[1]: https://..." and rules "---", "***"
  each(/^[^\S\r\n]{0,3}(\[[^\]\r\n]+\]:[^\r\n]*|([-*_])([^\S\r\n]*\2){2,}[^\S\r\n]*)$/gm, (m) => add(m.index, m.index + m[0].length));
  // line prefixes: headings, block quotes, list bullets
  each(/^[^\S\r\n]*(#{1,6}[^\S\r\n]+|(>[^\S\r\n]?)+|[-*+][^\S\r\n]+|\d{1,3}[.)][^\S\r\n]+)/gm, (m) => add(m.index, m.index + m[0].length));
  // closing hashes of a heading
  each(/[^\S\r\n]+#+[^\S\r\n]*$/gm, (m) => {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (/^[^\S\r\n]*#/.test(text.slice(lineStart, m.index))) add(m.index, m.index + m[0].length);
  });
  // images go whole; links keep their words
  each(/!\[[^\]\r\n]*\]\([^)\r\n]*\)/g, (m) => add(m.index, m.index + m[0].length));
  each(/(?<!!)\[([^\]\r\n]+)\](\([^)\r\n]*\)|\[[^\]\r\n]*\])/g, (m) => {
    add(m.index, m.index + 1);
    add(m.index + 1 + m[1]!.length, m.index + m[0].length);
  });
  // emphasis and inline code: the markers only
  each(/(\*\*|__|\*|_|`+)(?=\S)([^\r\n]*?\S)\1/g, (m) => {
    const marker = m[1]!;
    if ((marker === '_' || marker === '__') && (/\w/.test(text[m.index - 1] ?? '') || /\w/.test(text[m.index + m[0].length] ?? ''))) return;
    add(m.index, m.index + marker.length);
    add(m.index + m[0].length - marker.length, m.index + m[0].length);
  });
  // a backslash escape keeps the escaped character
  each(/\\([\\`*_{}[\]()#+\-.!>])/g, (m) => add(m.index, m.index + 1));
  return out;
}
