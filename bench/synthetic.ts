import { seededRandom } from '../src/util/random';
import type { ExtractionDocument, ExtractedEntity, ExtractedRelation } from '../src/model/extraction';

const TYPES = ['Person', 'Organization', 'Location', 'Event', 'Other'];
const PREDICATES = ['ATTENDED', 'MET_WITH', 'NEGOTIATED_WITH', 'CRITICIZED', 'SUPPORTS', 'LOCATED_IN', 'LEADS', 'STATED'];


/**
 * A synthetic extraction: `entities` entities and `relations` distinct facts spread over articles of
 * `perArticle` facts each; every article mentions the entities its facts join (the loader's invariant).
 */
export function syntheticExtraction(entities: number, relations: number, perArticle = 30, seed = 42): ExtractionDocument {
  // seeded, so every bench run loads the same graph
  const rnd = seededRandom(seed);
  const articleCount = Math.ceil(relations / perArticle);
  const doc: ExtractionDocument = { articles: [], entities: [], relations: [] };
  const ents: ExtractedEntity[] = [];
  for (let i = 0; i < entities; i++) {
    const type = TYPES[i % TYPES.length]!;
    ents.push({ id: `e:${type.toLowerCase()}:${i}`, name: `${type} ${i}`, type, aliases: [`${type} ${i}`], articles: [], mentions: [] });
  }
  const seen = new Set<string>();
  let r = 0;
  for (let a = 0; a < articleCount && r < relations; a++) {
    const id = `synthetic-${a}`;
    doc.articles.push({ id, file: `${id}.txt`, title: `Synthetic article ${a}`, source: `Outlet ${a % 50}`, published: '2025-01-01' });
    const mentioned = new Set<number>();
    for (let k = 0; k < perArticle && r < relations; k++) {
      // every entity gets used: walk them in order for subjects, pick objects at random
      const s = r % entities;
      let o = Math.floor(rnd() * entities);
      if (o === s) o = (o + 1) % entities;
      const predicate = PREDICATES[Math.floor(rnd() * PREDICATES.length)]!;
      const key = `${s}|${predicate}|${o}`;
      if (seen.has(key)) continue;
      seen.add(key);
      mentioned.add(s).add(o);
      const rel: ExtractedRelation = {
        subject: ents[s]!.id, predicate, object: ents[o]!.id, text: predicate.toLowerCase(), confidence: 0.5 + rnd() / 2,
        evidence: [{ article: id, sentence: `${ents[s]!.name} ${predicate.toLowerCase()} ${ents[o]!.name}.`, start: k * 40, end: k * 40 + 30, date: '2025-01-01' }],
      };
      doc.relations.push(rel);
      r++;
    }
    for (const i of mentioned) {
      ents[i]!.articles.push(id);
      ents[i]!.mentions!.push({ article: id, count: 1, aliases: [ents[i]!.name] });
    }
  }
  doc.entities = ents.filter((e) => e.articles.length > 0);
  return doc;
}
