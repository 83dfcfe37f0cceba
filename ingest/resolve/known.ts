/**
 * Resolution over time: a merged document joined to the entities an earlier ingest already put in the graph. Ids are
 * the type and the canonical name, so the same full name meets its node by itself; what needs this step is a later
 * article that says only "Esper", or only "NATO" where the graph's node is "North Atlantic Treaty Organization". The
 * rules are the merge's, with the graph's entities as one more article:
 * 1. a name or alias with the same normalised form as the name or an alias of exactly one known entity of the same
 *    type joins it (a person's lone word does not count here: rule 2);
 * 2. a person known here by one name only joins the one person, known or in this document, whose full name begins or
 *    ends with it; when there are several, it joins none. Full names never join on a shared surname.
 * A known entity is never joined to another known entity: the graph has already kept them apart.
 */
import type { EntityMentions, ExtractedEntity, ExtractedRelation, ExtractionDocument } from '../../src/model/extraction';
import { normaliseName } from './normalise';

/** An entity already in the graph: enough to tell whether a new name is it. */
export interface KnownEntity {
  id: string;
  name: string;
  type: string;
  aliases: string[];
}

/** One entity of the document given the id of an entity already in the graph, and why. */
export interface KnownJoin {
  from: string;
  to: string;
  because: string;
}

/**
 * The names to look up in the graph for a document: the one-word names and aliases ("Esper", "NATO") of entities whose
 * own id is new to it. A longer name is nearly always the canonical one, met by its id; looking up every alias took
 * twice the time for a handful more joins.
 */
export function namesToLookUp(doc: ExtractionDocument, inGraph: ReadonlySet<string>): Array<{ name: string; type: string }> {
  const out: Array<{ name: string; type: string }> = [];
  for (const e of doc.entities) {
    if (inGraph.has(e.id)) continue;
    for (const name of new Set([e.name, ...e.aliases])) {
      const key = normaliseName(name);
      // descriptions ("the talks") and roles ("a U.S. soldier") are not names another ingest could share
      if (/^\p{Lu}/u.test(name) && key !== '' && !key.includes(' ')) out.push({ name, type: e.type });
    }
  }
  return out;
}

export function joinKnown(doc: ExtractionDocument, known: readonly KnownEntity[], inGraph: ReadonlySet<string>): { doc: ExtractionDocument; joins: KnownJoin[] } {
  const byKey = new Map<string, Set<KnownEntity>>();
  const byWord = new Map<string, Set<string>>();
  const add = <T>(map: Map<string, Set<T>>, key: string, value: T): void => {
    const set = map.get(key) ?? new Set<T>();
    set.add(value);
    map.set(key, set);
  };
  const knownById = new Map(known.map((k) => [k.id, k]));
  for (const k of knownById.values()) {
    for (const key of keysOf(k)) {
      if (k.type === 'Person' && !key.includes(' ')) continue;
      add(byKey, `${k.type}:${key}`, k);
      if (k.type === 'Person') for (const w of ends(key)) add(byWord, w, k.id);
    }
  }
  // the document's own full names: a lone word that several people share here is as ambiguous as in the graph
  for (const e of doc.entities) {
    if (e.type !== 'Person') continue;
    for (const key of keysOf(e)) if (key.includes(' ')) for (const w of ends(key)) add(byWord, w, e.id);
  }

  const target = new Map<string, KnownJoin>();
  for (const e of doc.entities) {
    if (inGraph.has(e.id) || knownById.has(e.id)) continue;
    const keys = keysOf(e);
    const sameName = new Set<KnownEntity>();
    for (const key of keys) {
      if (e.type === 'Person' && !key.includes(' ')) continue;
      for (const k of byKey.get(`${e.type}:${key}`) ?? []) sameName.add(k);
    }
    if (sameName.size === 1) {
      const [k] = sameName;
      const shared = keys.find((key) => keysOf(k!).includes(key))!;
      target.set(e.id, { from: e.id, to: k!.id, because: `same name "${shared}" as "${k!.name}", already in the graph` });
      continue;
    }
    if (sameName.size > 1 || e.type !== 'Person' || keys.some((key) => key.includes(' ')) || keys.length === 0) continue;
    const people = byWord.get(keys[0]!) ?? new Set<string>();
    const [only] = people;
    const k = only === undefined ? undefined : knownById.get(only);
    if (people.size === 1 && k !== undefined) {
      target.set(e.id, { from: e.id, to: k.id, because: `"${e.name}" is part of the full name "${k.name}", already in the graph, and no other person has it` });
    }
  }
  if (target.size === 0) return { doc, joins: [] };
  return { doc: remap(doc, target, knownById), joins: [...target.values()] };
}

function keysOf(e: { name: string; aliases: readonly string[] }): string[] {
  return [...new Set([e.name, ...e.aliases].map(normaliseName).filter((k) => k !== ''))];
}

function ends(key: string): string[] {
  const words = key.split(' ');
  return [...new Set([words[0]!, words[words.length - 1]!])];
}

/** The document with joined entities under their known ids: entities that now share an id, and facts that now coincide, become one. */
function remap(doc: ExtractionDocument, target: ReadonlyMap<string, KnownJoin>, known: ReadonlyMap<string, KnownEntity>): ExtractionDocument {
  const idOf = (id: string): string => target.get(id)?.to ?? id;
  const entities = new Map<string, ExtractedEntity>();
  for (const e of doc.entities) {
    const id = idOf(e.id);
    const k = known.get(id);
    const current = entities.get(id);
    if (current === undefined) {
      // the node keeps the name the graph gave it; the new surface forms become aliases
      entities.set(id, { ...e, id, name: k?.name ?? e.name, aliases: union(k ? [k.name] : [], e.aliases), articles: [...e.articles], ...(e.mentions ? { mentions: e.mentions.map((m) => ({ ...m })) } : {}) });
    } else {
      current.mentions = mergeMentions(current, e);
      current.aliases = union(current.aliases, e.aliases);
      current.articles = union(current.articles, e.articles);
      if (e.labels) current.labels = union(current.labels ?? [], e.labels);
    }
  }
  const relations = new Map<string, ExtractedRelation>();
  for (const r of doc.relations) {
    const subject = idOf(r.subject);
    const object = idOf(r.object);
    // "Esper met Mark Esper" once both are the same person says nothing
    if (subject === object) continue;
    const key = `${subject}\u0000${r.predicate}\u0000${object}`;
    const current = relations.get(key);
    if (current === undefined) {
      relations.set(key, { ...r, subject, object, evidence: [...r.evidence] });
    } else {
      current.confidence = Math.max(current.confidence, r.confidence);
      current.evidence.push(...r.evidence);
      if (r.properties) current.properties = { ...r.properties, ...current.properties };
    }
  }
  return { articles: doc.articles, entities: [...entities.values()], relations: [...relations.values()] };
}

function mergeMentions(a: ExtractedEntity, b: ExtractedEntity): EntityMentions[] {
  const byArticle = new Map<string, EntityMentions>();
  const all = [...(a.mentions ?? a.articles.map((article) => ({ article, count: 1, aliases: a.aliases }))), ...(b.mentions ?? b.articles.map((article) => ({ article, count: 1, aliases: b.aliases })))];
  for (const m of all) {
    const current = byArticle.get(m.article);
    if (current === undefined) byArticle.set(m.article, { ...m, aliases: [...m.aliases] });
    else {
      current.count += m.count;
      current.aliases = union(current.aliases, m.aliases);
    }
  }
  return [...byArticle.values()];
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}
