import * as path from 'node:path';
import { readArticles, type ReadArticle, type ReadEvent, type ReadOptions } from '../../ingest/read';

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'ingest');
export const fixture = (...parts: string[]): string => path.join(FIXTURES, ...parts);

/** Every event of a read, collected. */
export async function readAll(paths: string[], options?: ReadOptions): Promise<{ articles: ReadArticle[]; failures: string[]; warnings: string[]; events: ReadEvent[] }> {
  const events: ReadEvent[] = [];
  for await (const event of readArticles(paths, options)) events.push(event);
  return {
    events,
    articles: events.flatMap((e) => (e.kind === 'article' ? [e.article] : [])),
    failures: events.flatMap((e) => (e.kind === 'failure' ? [e.error.message] : [])),
    warnings: events.flatMap((e) => (e.kind === 'warning' ? [e.error.message] : [])),
  };
}

export async function readOne(file: string, options?: ReadOptions): Promise<ReadArticle> {
  const { articles, failures } = await readAll([file], options);
  if (failures.length > 0 || articles.length !== 1) throw new Error(`expected one article from ${file}, got ${articles.length} and ${failures.join('; ')}`);
  return articles[0]!;
}
