import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Extractor, readArticles, type ArticleExtraction } from '../../ingest';
import type { ExtractionDocument } from '../../src/model/extraction';
import { writeGeneratedArticles } from '../fixtures/reliability/articles';

/** Generated articles `from` … `to - 1`, read and extracted in-process into one extraction document. */
export async function extractGenerated(from: number, to: number): Promise<ExtractionDocument> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graphwire-generated-'));
  try {
    writeGeneratedArticles(dir, from, to);
    const extractor = new Extractor();
    const results: ArticleExtraction[] = [];
    for await (const event of readArticles([dir])) {
      if (event.kind !== 'article') throw event.error;
      results.push(extractor.article(event.article));
    }
    return extractor.merge(results);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
