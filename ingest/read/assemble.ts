import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { InputError } from '../../src/errors';
import { definedFields } from '../../src/util/defined';
import type { Article, InputFormat } from '../../src/model/article';
import { canonicalOutlet, cleanText, leadSentence, parseDateValue } from '../clean';
import type { Draft } from './draft';

export interface Origin {
  /** as given or found; "-" for standard input */
  path: string;
  format: InputFormat;
}

/** An article as read (the model's article: its `publishedFrom` says where the date came from). */
export type ReadArticle = Article;

/** Cleans a draft and gives it its id and metadata: what the input says first, what the text shows second. */
export function assemble(draft: Draft, origin: Origin): ReadArticle {
  const cleaned = cleanText(draft.original, { removals: draft.removals });
  if (cleaned.text.length === 0) {
    throw new InputError(origin.path, 'no story text left after cleaning (only a title or boilerplate)', draft.line);
  }
  const given = parseDateValue(draft.published);
  const fields: ReadArticle = {
    id: articleId(cleaned.text),
    title: oneLine(draft.title) ?? leadSentence(cleaned.text),
    source: (draft.source !== undefined ? canonicalOutlet(draft.source) : undefined) ?? cleaned.source,
    published: given ?? cleaned.published,
    publishedFrom: given !== undefined ? 'metadata' : cleaned.published !== undefined ? 'text' : undefined,
    dateline: oneLine(draft.dateline) ?? cleaned.dateline,
    byline: oneLine(draft.byline),
    url: oneLine(draft.url),
    file: origin.path === '-' ? '-' : path.basename(origin.path),
    path: origin.path,
    line: draft.line,
    format: origin.format,
    text: cleaned.text,
    original: draft.original,
    offsets: cleaned.offsets,
    removed: cleaned.removed,
  };
  // absent, not undefined, so JSON output and deepEqual stay tidy
  return definedFields(fields);
}

/** The first 16 hex digits of SHA-256 over the cleaned text: the same story gets the same id wherever it comes from. */
export function articleId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

function oneLine(value: string | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}
