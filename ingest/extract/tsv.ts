/** One triple per line for people who grep: subject, predicate, object, verb phrase, confidence, articles. */
import type { ExtractionDocument } from '../../src/model/extraction';

export function toTsv(doc: ExtractionDocument): string {
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  const files = new Map(doc.articles.map((a) => [a.id, a.file]));
  const clean = (s: string): string => s.replace(/[\t\r\n]+/g, ' ');
  const lines = ['subject\tpredicate\tobject\ttext\tconfidence\tarticles'];
  for (const r of doc.relations) {
    const articles = [...new Set(r.evidence.map((e) => files.get(e.article) ?? e.article))].join(',');
    lines.push([names.get(r.subject) ?? r.subject, r.predicate, names.get(r.object) ?? r.object, r.text, String(r.confidence), articles].map(clean).join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
