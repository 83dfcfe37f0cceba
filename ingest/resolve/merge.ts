/**
 * The graph stage: per-article results merged into one ExtractionDocument, one node per real-world
 * thing. Each join records why (`mergedBecause` with `explain`). The rules:
 * 1. named things with a shared normalised name or alias join ("NATO" in two articles); places with the
 *    same name but different containing places ("Paris, Texas" / "Paris, France") do not; bodies join with
 *    and without a legal form ("Seagram Co Ltd" / "Seagram");
 * 2. a person known by one name only ("Esper") joins the one full name that has it; when several people
 *    share it, it joins none of them; two full names never join because they share a surname;
 * 3. a role with "the" ("the U.S. defense secretary") joins the one named person given that title;
 * 4. unnamed events and things ("the talks") and people named by role ("a U.S. soldier") join across
 *    articles only with the same head or title and a shared neighbour or the same part in a fact.
 */
import type { EntityMentions, ExtractedEntity, ExtractedRelation, ExtractionDocument } from '../../src/model/extraction';
import type { ArticleExtraction, LocalEntity } from '../extract/types';
import { entityId, initials, isAcronym, normaliseName } from './normalise';

export interface MergeOptions {
  /** add `mergedBecause` to each entity: why its mentions were joined */
  explain?: boolean;
  /** relationship types whose direction does not matter */
  symmetric?: ReadonlySet<string>;
}

interface Node {
  article: number;
  entity: LocalEntity;
}

export function mergeExtractions(extractions: readonly ArticleExtraction[], options: MergeOptions = {}): ExtractionDocument {
  return new Merger(extractions, options).run();
}

class Merger {
  private readonly nodes: Node[] = [];
  private readonly parent: number[] = [];
  private readonly why: string[][] = [];
  /** node index of (article, local id) */
  private readonly nodeOf: Array<Map<number, number>> = [];

  constructor(
    private readonly extractions: readonly ArticleExtraction[],
    private readonly options: MergeOptions,
  ) {
    extractions.forEach((x, a) => {
      const map = new Map<number, number>();
      for (const e of x.entities) {
        map.set(e.id, this.nodes.length);
        this.parent.push(this.nodes.length);
        this.why.push(options.explain ? [...e.why] : NO_REASONS);
        this.nodes.push({ article: a, entity: e });
      }
      this.nodeOf.push(map);
    });
  }

  run(): ExtractionDocument {
    this.names();
    this.acronyms();
    this.shortNames();
    this.roles();
    this.descriptions();
    return this.build();
  }

  // ---- rules

  private names(): void {
    // people apart from the rest: a person and a place of the same name are two things
    const people = new Map<string, number>();
    const others = new Map<string, number>();
    this.nodes.forEach((n, i) => {
      const e = n.entity;
      if (e.kind !== 'name') return;
      const byKey = e.type === 'Person' ? people : others;
      for (const key of e.keys) {
        if (e.type === 'Person' && !key.includes(' ')) continue;
        const known = byKey.get(key);
        if (known === undefined) {
          byKey.set(key, i);
          continue;
        }
        const other = this.nodes[known]!.entity;
        if (e.type === 'Location' && other.type === 'Location' && e.within !== undefined && other.within !== undefined && e.within !== other.within) {
          this.note(i, () => `not joined with "${other.name}" (in ${other.within}): this one is in ${e.within}`);
          continue;
        }
        this.union(known, i, () => `same name "${key}" in ${this.fileOf(i)} and ${this.fileOf(known)}`);
      }
    });
    this.legalForms();
  }

  /** "Seagram Co Ltd" in one article, "Seagram" or "Seagram Corp" in another: one body, never a place or person */
  private legalForms(): void {
    const bodies = new Map<string, number>();
    const isBody = (e: LocalEntity): boolean => e.kind === 'name' && e.type === 'Organization';
    this.nodes.forEach((n, i) => {
      if (!isBody(n.entity)) return;
      for (const short of n.entity.shortKeys ?? []) {
        const known = bodies.get(short);
        if (known === undefined) bodies.set(short, i);
        else this.union(known, i, () => `"${n.entity.name}" in ${this.fileOf(i)} and "${this.nodes[known]!.entity.name}" in ${this.fileOf(known)} differ by a legal form`);
      }
    });
    if (bodies.size === 0) return;
    this.nodes.forEach((n, i) => {
      if (!isBody(n.entity)) return;
      for (const key of n.entity.keys) {
        const known = bodies.get(key);
        if (known !== undefined) this.union(known, i, () => `"${n.entity.name}" in ${this.fileOf(i)} is "${this.nodes[known]!.entity.name}" in ${this.fileOf(known)} without its legal form`);
      }
    });
  }

  /** "EU" in one article, "European Union" in another: an acronym joins the one body whose initials it is */
  private acronyms(): void {
    const byInitials = new Map<string, Set<number>>();
    this.nodes.forEach((n, i) => {
      if (n.entity.type !== 'Organization' || n.entity.kind !== 'name') return;
      const ini = initials(n.entity.name);
      if (ini === undefined) return;
      const set = byInitials.get(ini) ?? new Set<number>();
      set.add(this.find(i));
      byInitials.set(ini, set);
    });
    this.nodes.forEach((n, i) => {
      const e = n.entity;
      if (e.type !== 'Organization' || e.kind !== 'name' || !isAcronym(e.name)) return;
      const roots = byInitials.get(e.name.replace(/\./g, ''));
      if (roots === undefined) return;
      const distinct = new Set([...roots].map((r) => this.find(r)));
      if (distinct.size === 1) {
        const [root] = distinct;
        this.union(root!, i, () => `"${e.name}" is the acronym of "${this.nodes[root!]!.entity.name}"`);
      }
    });
  }

  private shortNames(): void {
    // full names by each of their first and last words, so a lone surname finds them without a scan
    const byWord = new Map<string, Set<number>>();
    const example = new Map<number, string>();
    this.nodes.forEach((n, i) => {
      if (n.entity.type !== 'Person' || n.entity.kind !== 'name') return;
      for (const k of n.entity.keys) {
        if (!k.includes(' ')) continue;
        const words = k.split(' ');
        const root = this.find(i);
        example.set(root, k);
        for (const w of new Set([words[0]!, words[words.length - 1]!])) {
          const set = byWord.get(w) ?? new Set<number>();
          set.add(root);
          byWord.set(w, set);
        }
      }
    });
    // names of bodies and places, for a lone word the recogniser took for a person
    const named = new Map<string, number>();
    this.nodes.forEach((n, i) => {
      if (n.entity.kind === 'name' && n.entity.type !== 'Person') for (const k of n.entity.keys) if (!named.has(k)) named.set(k, i);
    });
    const mononyms = new Map<string, number>();
    this.nodes.forEach((n, i) => {
      const e = n.entity;
      if (e.type !== 'Person' || e.kind !== 'name' || e.keys.some((k) => k.includes(' '))) return;
      const word = e.keys[0]!;
      const groups = [...new Set([...(byWord.get(word) ?? [])].map((r) => this.find(r)))];
      if (groups.length === 1) this.union(groups[0]!, i, () => `"${e.name}" is part of the full name "${example.get(groups[0]!) ?? ''}" and no other person has it`);
      else if (groups.length > 1) this.note(i, () => `"${e.name}" is part of ${groups.length} different people's names: not joined`);
      else if (named.has(word)) this.union(named.get(word)!, i, () => `"${e.name}" is no person's name but names "${this.nodes[named.get(word)!]!.entity.name}"`);
      else if (mononyms.has(word)) this.union(mononyms.get(word)!, i, () => `the single name "${e.name}" in two articles, and no full name has it`);
      else mononyms.set(word, i);
    });
  }

  private roles(): void {
    // named people by the last word of each title they hold ("secretary"), to compare only those
    const byTitleWord = new Map<string, number[]>();
    this.nodes.forEach((m, j) => {
      const p = m.entity;
      if (p.kind !== 'name' || p.type !== 'Person' || p.titles === undefined) return;
      for (const t of p.titles) for (const w of t.split(' ')) {
        const list = byTitleWord.get(w) ?? [];
        list.push(j);
        byTitleWord.set(w, list);
      }
    });
    this.nodes.forEach((n, i) => {
      const e = n.entity;
      if (e.kind !== 'role' || !e.definite || e.titles === undefined) return;
      const key = e.titles[0]!;
      const holders = new Set<number>();
      for (const j of byTitleWord.get(key.split(' ').pop()!) ?? []) {
        const p = this.nodes[j]!.entity;
        if (!p.titles!.some((t) => t === key || t.endsWith(` ${key}`) || key.endsWith(` ${t}`))) continue;
        if (e.affiliation !== undefined && p.affiliation !== undefined && p.affiliation !== e.affiliation) continue;
        holders.add(this.find(j));
      }
      if (holders.size === 1) {
        const [h] = holders;
        this.union(h!, i, () => `"${e.name}" is the title "${key}" that ${this.nodes[h!]!.entity.name} holds`);
      }
    });
  }

  private descriptions(): void {
    const neighbours = this.neighbours();
    const groups = new Map<string, number[]>();
    this.nodes.forEach((n, i) => {
      const e = n.entity;
      if (e.kind === 'name') return;
      if (this.find(i) !== i && this.nodes[this.find(i)]!.entity.kind === 'name') return;
      const head = e.head ?? normaliseName(e.name);
      const key = e.kind === 'role' ? `r:${e.titles?.[0] ?? e.head}:${e.affiliation ?? ''}` : `d:${e.type}:${HEAD_CLASS.get(head) ?? head}`;
      const list = groups.get(key) ?? [];
      list.push(i);
      groups.set(key, list);
    });
    // candidates meet in buckets (same head and a shared neighbour, name inside, or part), never pairwise over all
    const buckets = new Map<string, number[]>();
    const put = (key: string, i: number): void => {
      const list = buckets.get(key) ?? [];
      if (list.length < 64) list.push(i);
      buckets.set(key, list);
    };
    for (const [group, list] of groups) {
      if (list.length < 2) continue;
      for (const i of list) {
        const e = this.nodes[i]!.entity;
        const nb = neighbours.get(i) ?? NO_NEIGHBOURS;
        for (const k of e.inside ?? []) put(`${group}|inside|${k}`, i);
        for (const r of nb.named) put(`${group}|near|${r}`, i);
        if (e.kind === 'role') for (const part of nb.parts) put(`${group}|part|${part}`, i);
      }
    }
    for (const [key, list] of buckets) {
      const [, how, what] = key.split('|') as [string, string, string];
      for (let b = 1; b < list.length; b++) {
        const x = list[0]!;
        const y = list[b]!;
        if (this.nodes[x]!.article === this.nodes[y]!.article || this.find(x) === this.find(y)) continue;
        const nx = neighbours.get(x) ?? NO_NEIGHBOURS;
        const ny = neighbours.get(y) ?? NO_NEIGHBOURS;
        // "a training mission in Afghanistan" and "the Iraq training mission" are two missions
        if (nx.places.size > 0 && ny.places.size > 0 && ![...nx.places].some((p) => ny.places.has(p))) {
          this.note(y, () => `not joined with "${this.nodes[x]!.entity.name}": they are in different places`);
          continue;
        }
        const ex = this.nodes[x]!.entity;
        const ey = this.nodes[y]!.entity;
        const reason = (): string =>
          how === 'inside'
            ? `"${ey.name}" and "${ex.name}" are both a ${ex.head ?? ''} of "${what}"`
            : how === 'near'
              ? `"${ey.name}" has the head "${ey.head ?? ''}" of "${ex.name}" and both are linked to ${this.nameOf(Number(what))}`
              : `"${ey.name}" is described as "${ex.name}" and takes the same part (${what}) in a fact`;
        this.union(x, y, reason);
      }
    }
  }

  /**
   * for each node in a fact: the roots of the named entities it shares a fact with, and its parts in
   * facts; nodes in no fact (most of them) have no entry, rather than three empty sets each
   */
  private neighbours(): Map<number, Neighbours> {
    const out = new Map<number, Neighbours>();
    const of = (i: number): Neighbours => {
      let n = out.get(i);
      if (n === undefined) out.set(i, (n = { named: new Set(), parts: new Set(), places: new Set() }));
      return n;
    };
    this.extractions.forEach((x, a) => {
      const map = this.nodeOf[a]!;
      for (const r of x.relations) {
        const s = map.get(r.subject);
        const o = map.get(r.object);
        if (s === undefined || o === undefined) continue;
        const rs = this.find(s);
        const ro = this.find(o);
        if (this.nodes[rs]!.entity.kind === 'name') of(o).named.add(rs);
        if (this.nodes[ro]!.entity.kind === 'name') of(s).named.add(ro);
        if (r.predicate === 'LOCATED_IN') of(s).places.add(ro);
        of(s).parts.add(`subject of ${r.predicate}`);
        of(o).parts.add(`object of ${r.predicate}`);
      }
    });
    return out;
  }

  // ---- output

  private build(): ExtractionDocument {
    // the nodes of each group, groups in the order their first node comes (which decides the "-2" ids),
    // as one index array rather than a list per group
    const n = this.nodes.length;
    const groupOfRoot = new Int32Array(n).fill(-1);
    const groupOf = new Int32Array(n);
    const roots: number[] = [];
    for (let i = 0; i < n; i++) {
      const root = this.find(i);
      let g = groupOfRoot[root]!;
      if (g < 0) {
        g = groupOfRoot[root] = roots.length;
        roots.push(root);
      }
      groupOf[i] = g;
    }
    const groups = roots.length;
    const starts = new Int32Array(groups + 1);
    for (let i = 0; i < n; i++) starts[groupOf[i]! + 1]++;
    for (let g = 0; g < groups; g++) starts[g + 1] += starts[g]!;
    const members = new Int32Array(n);
    const filled = starts.slice(0, groups);
    for (let i = 0; i < n; i++) members[filled[groupOf[i]!]!++] = i;

    const idOfGroup: string[] = new Array(groups);
    const used = new Map<string, number>();
    const entities: ExtractedEntity[] = [];
    for (let g = 0; g < groups; g++) {
      const list = members.subarray(starts[g]!, starts[g + 1]!);
      const entity = this.entityOf(list);
      let id = entity.id;
      const times = used.get(id) ?? 0;
      used.set(id, times + 1);
      if (times > 0) id = `${id}-${times + 1}`;
      entity.id = id;
      idOfGroup[g] = id;
      if (this.options.explain) {
        const why = [...list].flatMap((i) => this.why[i]!);
        if (why.length > 0) (entity as ExtractedEntity & { mergedBecause?: string[] }).mergedBecause = [...new Set(why)];
      }
      entities.push(entity);
    }
    const relations = new Map<string, ExtractedRelation>();
    const symmetric = this.options.symmetric ?? new Set<string>();
    this.extractions.forEach((x, a) => {
      const map = this.nodeOf[a]!;
      for (const r of x.relations) {
        let s = idOfGroup[groupOf[map.get(r.subject)!]!]!;
        let o = idOfGroup[groupOf[map.get(r.object)!]!]!;
        if (s === o) continue;
        if (symmetric.has(r.predicate) && o < s) [s, o] = [o, s];
        const key = `${s}|${r.predicate}|${o}`;
        const known = relations.get(key);
        if (known === undefined) {
          const rel: ExtractedRelation = { subject: s, predicate: r.predicate, object: o, text: r.text, confidence: r.confidence, evidence: [r.evidence] };
          if (r.properties !== undefined) rel.properties = { ...r.properties };
          relations.set(key, rel);
        } else {
          known.evidence.push(r.evidence);
          known.confidence = round(1 - (1 - known.confidence) * (1 - r.confidence));
        }
      }
    });
    entities.sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
    return {
      articles: this.extractions.map((x) => x.article),
      entities,
      relations: [...relations.values()],
    };
  }

  /** One entity from the nodes of a group (node indices, ascending). */
  private entityOf(list: Int32Array): ExtractedEntity {
    let namedCount = 0;
    let country = false;
    for (let k = 0; k < list.length; k++) {
      const e = this.nodes[list[k]!]!.entity;
      if (e.kind === 'name') namedCount++;
      if (e.labels.includes('Country')) country = true;
    }
    // the pool the name comes from: the named nodes, or all when none is named
    const pool: LocalEntity[] = [];
    for (let k = 0; k < list.length; k++) {
      const e = this.nodes[list[k]!]!.entity;
      if (namedCount === 0 || e.kind === 'name') pool.push(e);
    }
    // type: the vote of the mentions (most mentions, then the first in code-unit order), a country always a Location
    let type: string | undefined = country ? 'Location' : voteOfTypes(this.nodes, list);
    // name: a person's longest full name; otherwise the name most mentioned
    let name: string;
    // (one pass each, not a sort: a place or a body can have thousands of mentions)
    if (type === 'Person' && namedCount > 0) {
      name = pool[0]!.name;
      for (const e of pool) {
        const candidate = e.name;
        if (candidate.length > name.length || (candidate.length === name.length && candidate < name)) name = candidate;
      }
    } else if (pool.length === 1) {
      name = pool[0]!.name;
    } else {
      const count = new Map<string, number>();
      for (const e of pool) count.set(e.name, (count.get(e.name) ?? 0) + Math.max(1, e.count));
      let most = -1;
      let acronym = false;
      name = '';
      for (const [candidate, times] of count) {
        if (times < most) continue;
        const isShort = isAcronym(candidate);
        // compared on every pass, not only on a tie: a comparison first reached in optimised code sends it
        // back to the interpreter, and ties are rare enough that this happened again and again
        const earlier = candidate < name;
        // more mentions; then a spelled-out name before an acronym; then the first in code-unit order
        if (times > most || (acronym && !isShort) || (acronym === isShort && earlier)) {
          most = times;
          acronym = isShort;
          name = candidate;
        }
      }
    }
    if (type === undefined) type = 'Other';
    // the id: an acronym when there is one (articles often use only it), else the name
    const acronym = type === 'Organization' ? acronymOf(pool) : undefined;
    const id = entityId(type, acronym ?? name);
    // Sets beside the arrays keep first-seen order without a scan per alias: a place named in thousands
    // of articles would otherwise cost millions of comparisons
    const aliasSet = new Set<string>();
    const mentions = new Map<string, EntityMentions>();
    const labels = new Set<string>();
    for (let k = 0; k < list.length; k++) {
      const node = this.nodes[list[k]!]!;
      const e = node.entity;
      for (const a of e.aliases) aliasSet.add(a);
      for (const l of e.labels) labels.add(l);
      const article = this.extractions[node.article]!.article.id;
      const m = mentions.get(article);
      if (m === undefined) mentions.set(article, { article, count: Math.max(1, e.count), aliases: e.aliases.slice() });
      else {
        m.count += Math.max(1, e.count);
        for (const a of e.aliases) if (!m.aliases.includes(a)) m.aliases.push(a);
      }
    }
    const aliases = [...aliasSet];
    const articles = [...mentions.keys()];
    if (!aliasSet.has(name)) aliases.unshift(name);
    if (type !== 'Location') labels.delete('Country');
    const out: ExtractedEntity = { id, name, type, aliases, articles, mentions: [...mentions.values()] };
    if (labels.size > 0) out.labels = [...labels];
    return out;
  }

  // ---- union-find

  private find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }

  /** `why` is called only when explaining: most runs never read the reasons, so they are not built */
  private union(a: number, b: number, why: () => string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // a named node stays the root, so descriptions follow names
    const [root, child] = this.nodes[rb]!.entity.kind === 'name' && this.nodes[ra]!.entity.kind !== 'name' ? [rb, ra] : [ra, rb];
    this.parent[child] = root;
    if (this.options.explain) this.why[root]!.push(why());
  }

  private note(i: number, why: () => string): void {
    if (this.options.explain) this.why[i]!.push(why());
  }

  private fileOf(i: number): string {
    return this.extractions[this.nodes[i]!.article]!.article.file;
  }

  private nameOf(root: number): string {
    return this.nodes[root]!.entity.name;
  }
}

/**
 * An organisation's acronym: the first of its keys that is one and that an alias writes (with or without
 * dots). The aliases are gathered once, and only when a key could be one: a body named in thousands of
 * articles has thousands of aliases.
 */
function acronymOf(pool: readonly LocalEntity[]): string | undefined {
  let written: Set<string> | undefined;
  for (const e of pool) {
    for (const k of e.keys) {
      const upper = k.toUpperCase();
      if (!isAcronym(upper) || k.includes(' ') || k.length > 6) continue;
      written ??= new Set(pool.flatMap((m) => m.aliases.map((a) => a.replace(/\./g, ''))));
      if (written.has(upper)) return k;
    }
  }
  return undefined;
}

/**
 * The type most mentions give the nodes, weighing each node by its mentions; a tie goes to the type first
 * in code-unit order. Undefined only when no node has a type.
 */
function voteOfTypes(nodes: readonly Node[], list: Int32Array): string | undefined {
  const first = nodes[list[0]!]!.entity.type;
  let mixed = false;
  for (let k = 1; k < list.length; k++) if (nodes[list[k]!]!.entity.type !== first) mixed = true;
  if (!mixed) return first;
  const votes = new Map<string, number>();
  for (let k = 0; k < list.length; k++) {
    const e = nodes[list[k]!]!.entity;
    votes.set(e.type, (votes.get(e.type) ?? 0) + Math.max(1, e.count));
  }
  let type: string | undefined;
  let most = -1;
  for (const [t, times] of votes) {
    if (times > most || (times === most && t < type!)) {
      most = times;
      type = t;
    }
  }
  return type;
}

interface Neighbours {
  named: Set<number>;
  parts: Set<string>;
  places: Set<number>;
}

/** The neighbours of a node in no fact (read only: `neighbours()` adds to the entries it makes). */
const NO_NEIGHBOURS: Neighbours = { named: new Set(), parts: new Set(), places: new Set() };

/** The reasons of every node when not explaining: never read, never added to. */
const NO_REASONS: string[] = [];

/** Heads that name the same sort of thing: "the deal" in one article is "the agreement" in another. */
const HEAD_CLASS = new Map<string, string>([
  ['deal', 'agreement'],
  ['accord', 'agreement'],
  ['pact', 'agreement'],
  ['negotiations', 'talks'],
]);

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
