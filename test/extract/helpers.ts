import { createHash } from 'node:crypto';
import type { Article } from '../../src/model/article';
import { Extractor } from '../../ingest/extract';
import type { ExtractedEntity, ExtractionDocument } from '../../src/model/extraction';

let shared: Extractor | undefined;

/** One extractor for all tests: the model loads once. */
export function extractor(): Extractor {
  shared ??= new Extractor();
  return shared;
}

export function article(text: string, file = 'test.txt', published = '2024-03-14'): Article {
  const id = createHash('sha256').update(text).digest('hex').slice(0, 16);
  return { id, file, path: `/tmp/${file}`, format: 'txt', text, original: text, offsets: { runs: [{ at: 0, from: 0, length: text.length }] }, removed: [], published };
}

export function extract(...texts: string[]): ExtractionDocument {
  const x = extractor();
  return x.merge(texts.map((t, i) => x.article(article(t, `a${i + 1}.txt`))));
}

export function entitiesNamed(doc: ExtractionDocument, alias: string): ExtractedEntity[] {
  return doc.entities.filter((e) => e.aliases.includes(alias) || e.name === alias);
}

/** "Subject -PREDICATE-> Object" lines, by entity name. */
export function triples(doc: ExtractionDocument): string[] {
  const name = new Map(doc.entities.map((e) => [e.id, e.name]));
  return doc.relations.map((r) => `${name.get(r.subject)} -${r.predicate}-> ${name.get(r.object)}`);
}
