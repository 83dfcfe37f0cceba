import { InputError } from '../../src/errors';
import type { Draft } from './draft';

type Json = Record<string, unknown>;

const TEXT_FIELDS = ['text', 'body', 'content', 'articleBody', 'article', 'story', 'fulltext'];
const TITLE_FIELDS = ['title', 'headline', 'name'];
const URL_FIELDS = ['url', 'link', 'uri', 'href', 'canonical'];
const SOURCE_FIELDS = ['source', 'outlet', 'publisher', 'site', 'siteName', 'site_name', 'agency'];
const DATE_FIELDS = ['published', 'date', 'datePublished', 'published_at', 'publishedAt', 'pubdate', 'publication_date', 'time'];
const BYLINE_FIELDS = ['byline', 'author', 'authors'];
const DATELINE_FIELDS = ['dateline', 'place'];

/** One JSON object as an article; `line` (JSON Lines) or `item` (position in an array) names it in messages. */
export function draftFromRecord(record: unknown, file: string, line: number | undefined, item?: number): Draft {
  const where = item === undefined ? '' : `article #${item}: `;
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new InputError(file, `${where}expected an article object, found ${Array.isArray(record) ? 'an array' : record === null ? 'null' : typeof record}`, line);
  }
  const obj = record as Json;
  const text = pick(obj, TEXT_FIELDS, asText);
  if (text === undefined) {
    throw new InputError(file, `${where}the object has no article text (none of the fields ${TEXT_FIELDS.slice(0, 3).join(', ')} is a non-empty string)`, line);
  }
  return {
    original: text,
    title: pick(obj, TITLE_FIELDS, asText),
    url: pick(obj, URL_FIELDS, asText),
    source: pick(obj, SOURCE_FIELDS, asName),
    published: pick(obj, DATE_FIELDS, (v) => (typeof v === 'string' || typeof v === 'number' ? v : undefined)),
    byline: pick(obj, BYLINE_FIELDS, asNames),
    dateline: pick(obj, DATELINE_FIELDS, asText),
    line: line ?? item,
  };
}

/**
 * A .json file: one article object, an array of them, or an object holding the array under
 * `articles`/`items`/`data`. Each bad record is reported on its own, by position.
 */
export function parseJsonDocument(text: string, file: string): Array<Draft | InputError> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, `not valid JSON: ${(error as Error).message}`, lineOfError(text, error));
  }
  const list = Array.isArray(data) ? data : listInside(data);
  if (list === undefined) return [attempt(() => draftFromRecord(data, file, undefined))];
  return list.map((item, i) => attempt(() => draftFromRecord(item, file, undefined, i + 1)));
}

/** One line of a .jsonl file; blank lines are allowed and give nothing. */
export function parseJsonLine(text: string, file: string, line: number): Draft | undefined {
  if (text.trim() === '') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, `line is not valid JSON (${(error as Error).message})`, line);
  }
  return draftFromRecord(data, file, line);
}

function listInside(data: unknown): unknown[] | undefined {
  if (data && typeof data === 'object') {
    for (const key of ['articles', 'items', 'data', 'results']) {
      const value = (data as Json)[key];
      if (Array.isArray(value)) return value;
    }
  }
  return undefined;
}

function attempt(make: () => Draft): Draft | InputError {
  try {
    return make();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}

function pick<T>(obj: Json, fields: readonly string[], as: (value: unknown) => T | undefined): T | undefined {
  for (const field of fields) {
    const value = as(obj[field]);
    if (value !== undefined) return value;
  }
  return undefined;
}

function asText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** "Reuters" or {"name": "Reuters"} */
function asName(value: unknown): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) return asText((value as Json).name);
  return asText(value);
}

function asNames(value: unknown): string | undefined {
  const names = ([] as unknown[]).concat(value ?? []).map(asName).filter((n): n is string => n !== undefined);
  return names.length > 0 ? names.join(', ') : undefined;
}

/** JSON.parse reports a position; people want a line. */
function lineOfError(text: string, error: unknown): number | undefined {
  const m = /position (\d+)/.exec(String((error as Error).message));
  if (!m) return undefined;
  const position = Number(m[1]);
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < position; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
