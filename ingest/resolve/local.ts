/**
 * The resolve stage within one article: candidates -> entities, each with every surface form the article
 * uses for it. Rules, in the order they apply (each records why it joined a mention):
 * - same normalised name, country variants ("U.S.", "America") through the country table, a body's name with
 *   and without its legal form ("Seagram Co Ltd", "Seagram");
 * - a surname or given name alone joins the one full name that has it (the most recent, when two do),
 *   and so does a one-word name the recogniser took for a body or place when it is a surname there;
 * - a name that starts the name of the one company in the article it starts is that company ("Cooper",
 *   "Cooper Industries Inc");
 * - an acronym joins the name whose initials it is, or the name it follows in parentheses;
 * - a role set off by a comma beside a name ("Iran's president, Mohammad Khatami") is that person;
 * - a role with "the" ("the U.S. defense secretary") joins the named person with that title;
 * - "the official" joins the last role with that noun; "the talks" the last description with that head;
 * - "the alliance", "the country" join the most mentioned name of that sort in the last sentences;
 * - he/she join the one person of the current and previous sentence, when there is exactly one.
 */
import type { Candidate, LocalEntity, Ref } from '../extract/types';
import { initials, isAcronym, normaliseName } from './normalise';
import { BUSINESS_WORDS, titleKey } from './words';

/** How far back (in sentences) a pronoun or description looks for what it points at. */
const WINDOW = 2;

export interface Resolved {
  entities: LocalEntity[];
  refs: Ref[];
  /** the entity each candidate resolved to, or -1 */
  entityOf: Int32Array;
}

export function resolveLocal(candidates: readonly Candidate[]): Resolved {
  return new LocalResolver(candidates).run();
}

class LocalResolver {
  private readonly entities: LocalEntity[] = [];
  private readonly refs: Ref[] = [];
  /** the entity each candidate ended in, or -1 */
  private readonly entityOf: Int32Array;
  private readonly byKey = new Map<string, number>();
  /** bodies by their names without a legal form: only a body may be called so */
  private readonly byShortKey = new Map<string, number>();

  /** 1 for a one-word name typed as a body or place that is the surname of a person named in full */
  private readonly surname: Uint8Array;
  /** a body's name that starts one other body's name, and that name's key */
  private readonly prefixOf = new Map<number, string>();
  /** 1 for a mention whose type says nothing of the entity it joined: it does not vote for the entity's type */
  private readonly noVote: Uint8Array;

  constructor(private readonly candidates: readonly Candidate[]) {
    this.entityOf = new Int32Array(candidates.length).fill(-1);
    this.surname = new Uint8Array(candidates.length);
    this.noVote = new Uint8Array(candidates.length);
  }

  run(): Resolved {
    this.surnamesMistyped();
    this.bodyPrefixes();
    // names first, so a surname early in the text still finds the full name later
    this.fullNames();
    this.acronyms();
    for (let i = 0; i < this.candidates.length; i++) {
      if (this.entityOf[i] !== -1) {
        this.refer(i, this.entityOf[i]!);
        continue;
      }
      const c = this.candidates[i]!;
      const e = this.resolveOne(i, c);
      if (e !== -1) this.refer(i, e);
    }
    this.titles();
    this.inside();
    return { entities: this.entities, refs: this.refs, entityOf: this.entityOf };
  }

  /**
   * "Anneliese Korvaj ... met Korvaj": the recogniser often calls a surname it has not seen before an
   * organisation or a place once it stands alone. Within an article that names the person in full, such a
   * word is the person: of 27 such one-word names in CoNLL-2003 validation, 26 were the person and none the
   * body or place the recogniser said. Countries the table knows and acronyms are left alone, and so is a
   * word the article also uses in the name of a body or place ("Seagram" beside "Seagram Co Ltd" and
   * "Joseph E. Seagram"): a company named after a person is called by that name alone. A word a title
   * belongs to ("Ferruzzi chairman") is a body too.
   */
  private surnamesMistyped(): void {
    const surnames = new Set<string>();
    const bodyWords = new Set<string>();
    for (const c of this.candidates) {
      if (c.kind !== 'name' || c.pointsAt !== undefined || c.key === undefined) continue;
      const space = c.key.lastIndexOf(' ');
      if (space < 0) continue;
      if (c.type === 'Person') surnames.add(c.key.slice(space + 1));
      else for (const w of c.key.split(' ')) bodyWords.add(w);
    }
    for (const w of bodyWords) surnames.delete(w);
    if (surnames.size === 0) return;
    // "Ferruzzi chairman Raul Gardini": what a title belongs to is a body, whatever else shares its name
    const affiliations = new Set<number>();
    for (const c of this.candidates) if (c.affiliation !== undefined) affiliations.add(c.affiliation);
    for (let i = 0; i < this.candidates.length; i++) {
      const c = this.candidates[i]!;
      if (affiliations.has(i)) continue;
      if (c.kind !== 'name' || c.pointsAt !== undefined || c.key === undefined || c.key.includes(' ')) continue;
      if (c.type !== 'Organization' && c.type !== 'Location') continue;
      if (c.labels?.includes('Country') || isAcronym(c.name)) continue;
      if (surnames.has(c.key)) this.surname[i] = this.noVote[i] = 1;
    }
  }

  /**
   * "Cooper Industries Inc ... Cooper's shares": a body's name that starts the name of the one company in the
   * article that it starts is that company. So is a one-word "person" no person in the article is named after
   * ("Brennmark" beside "Brennmark Hydro Group"). Not a country, an acronym or a place; and only a company's
   * name (a legal form or a word like "Industries" at its end), since one body's name starting another's is
   * also how sub-bodies are named ("the Senate Agriculture Committee").
   */
  private bodyPrefixes(): void {
    const bodies = new Map<string, string>();
    /** the words of the people's full names */
    const people = new Set<string>();
    const places = new Set<string>();
    /**
     * companies by their names ("... Inc", "... Industries"), the only bodies a shorter name may start: "the
     * Senate" is not "the Senate Agriculture Committee", nor the European Community its commission
     */
    const companies = new Set<string>();
    for (const c of this.candidates) {
      if (c.kind !== 'name' || c.pointsAt !== undefined || c.key === undefined) continue;
      if (c.type === 'Person') {
        if (c.key.includes(' ')) for (const w of c.key.split(' ')) people.add(w);
      } else if (c.type === 'Location') places.add(c.key);
      // "Brennmark Hydro" and "Brennmark Hydro Group" are one body, which a shorter name may start
      else if (c.type === 'Organization' && c.key.includes(' ') && !bodies.has(c.key)) {
        bodies.set(c.key, c.shortKey ?? c.key);
        if (c.shortKey !== undefined || saysCompany(c.key)) companies.add(c.key);
      }
    }
    if (bodies.size === 0) return;
    // "Mobil" beside "Mobil Corp" and "Mobil Oil Corp" is the one it names without a legal form
    const shortNames = new Set(bodies.values());
    for (let i = 0; i < this.candidates.length; i++) {
      const c = this.candidates[i]!;
      if (c.kind !== 'name' || c.pointsAt !== undefined || c.key === undefined || this.surname[i] === 1) continue;
      if (c.labels?.includes('Country') || isAcronym(c.name) || places.has(c.key) || shortNames.has(c.key)) continue;
      const person = c.type === 'Person';
      if (person ? c.key.includes(' ') || people.has(c.key) : c.type !== 'Organization') continue;
      let long: string | undefined;
      const found = new Set<string>();
      for (const [key, canonical] of bodies) {
        if (!companies.has(key)) continue;
        if (key.startsWith(`${c.key} `) && canonical !== c.key) {
          found.add(canonical);
          long ??= key;
        }
      }
      if (found.size !== 1) continue;
      this.prefixOf.set(i, long!);
      if (person) this.noVote[i] = 1;
    }
  }

  /** Every multi-word person name and every other name gets its entity up front. */
  private fullNames(): void {
    for (let i = 0; i < this.candidates.length; i++) {
      const c = this.candidates[i]!;
      if (c.kind !== 'name' || c.pointsAt !== undefined || c.key === undefined || this.surname[i] === 1) continue;
      if (c.type === 'Person' && !c.key.includes(' ')) continue;
      const long = this.prefixOf.get(i);
      const key = long !== undefined ? `n:${long}` : this.keyOf(c);
      const known = this.byKey.get(key);
      const body = known === undefined && c.type === 'Organization' ? this.bodyCalled(c) : -1;
      if (known !== undefined) {
        this.entityOf[i] = known;
        this.joinType(known, c);
        this.note(known, `"${c.text}" has the same name`);
      } else if (body !== -1) {
        this.entityOf[i] = body;
        this.byKey.set(key, body);
        this.joinType(body, c);
        this.note(body, `"${c.text}" and "${this.entities[body]!.name}" differ by a legal form`);
      } else {
        const e = this.create(c);
        this.byKey.set(key, e);
        this.entityOf[i] = e;
      }
      if (c.type === 'Organization' && c.shortKey !== undefined && !this.byShortKey.has(c.shortKey)) this.byShortKey.set(c.shortKey, this.entityOf[i]!);
    }
  }

  /** The body a body's name names with or without a legal form ("Seagram", "Seagram Co Ltd"), or -1. */
  private bodyCalled(c: Candidate): number {
    const short = this.byShortKey.get(c.key!);
    if (short !== undefined) return short;
    if (c.shortKey === undefined) return -1;
    const e = this.byKey.get(`n:${c.shortKey}`) ?? this.byShortKey.get(c.shortKey);
    return e !== undefined && this.entities[e]!.type === 'Organization' ? e : -1;
  }

  /** "NATO" and "North Atlantic Treaty Organization", by initials or by "(NATO)" after the name. */
  private acronyms(): void {
    for (let i = 0; i < this.candidates.length; i++) {
      const c = this.candidates[i]!;
      const e = this.entityOf[i]!;
      if (e === -1 || c.type !== 'Organization' || !isAcronym(c.name)) continue;
      const acronym = c.name.replace(/\./g, '');
      const prev = i > 0 ? this.candidates[i - 1]! : undefined;
      const bracketed = prev !== undefined && this.entityOf[i - 1] !== -1 && prev.type === 'Organization' && c.start - prev.end <= 2 && c.start - prev.end >= 1;
      for (const other of this.entities) {
        if (other.id === e || other.type !== 'Organization') continue;
        const match = (bracketed && other.id === this.entityOf[i - 1]) || initials(other.name) === acronym;
        if (match) {
          this.merge(other.id, e, `"${c.name}" is the acronym of "${other.name}"`);
          break;
        }
      }
    }
  }

  private resolveOne(i: number, c: Candidate): number {
    if (c.pointsAt !== undefined) return this.pointBack(i, c);
    if (c.kind === 'name' && (c.type === 'Person' || this.surname[i] === 1)) return this.shortName(i, c);
    if (c.kind === 'role') return this.role(i, c);
    if (c.kind === 'description') return this.description(i, c);
    if (c.key !== undefined) {
      const key = this.keyOf(c);
      const known = this.byKey.get(key);
      if (known !== undefined) {
        this.joinType(known, c);
        return known;
      }
      const e = this.create(c);
      this.byKey.set(key, e);
      return e;
    }
    return -1;
  }

  /** "Esper" -> Mark Esper: the full names that end (or start) with it; the most recent when several do. */
  private shortName(i: number, c: Candidate): number {
    const word = c.key!;
    const matches = this.entities.filter(
      (e) => e.type === 'Person' && e.kind === 'name' && e.keys.some((k) => k.includes(' ') && (k.endsWith(` ${word}`) || k.startsWith(`${word} `))),
    );
    if (matches.length === 1) {
      this.note(matches[0]!.id, `"${c.text}" is part of the name "${matches[0]!.name}"`);
      return matches[0]!.id;
    }
    if (matches.length > 1) {
      const recent = this.mostRecent(matches.map((m) => m.id), c.start);
      if (recent !== -1) {
        this.note(recent, `"${c.text}" is part of several names; "${this.entities[recent]!.name}" was the last mentioned`);
        return recent;
      }
    }
    const long = this.prefixOf.get(i);
    const body = long !== undefined ? this.byKey.get(`n:${long}`) : undefined;
    if (body !== undefined) {
      this.note(body, `"${c.text}" starts the name "${this.entities[body]!.name}"`);
      return body;
    }
    const known = this.byKey.get(this.keyOf(c));
    if (known !== undefined) return known;
    // one word the recogniser called a person here and a place or body elsewhere ("Veldora"): one thing
    const other = this.byKey.get(`n:${c.key}`) ?? this.byShortKey.get(c.key!);
    if (other !== undefined) {
      // a one-word "person" does not outvote a body named in full ("Citadel" and "Citadel Holding Corp")
      if (this.entities[other]!.name.includes(' ')) this.noVote[i] = 1;
      else this.joinType(other, c);
      this.note(other, `"${c.text}" is also the name of "${this.entities[other]!.name}"`);
      return other;
    }
    const e = this.create(c);
    this.byKey.set(this.keyOf(c), e);
    return e;
  }

  /** "the U.S. defense secretary" -> the named person with that title; otherwise a person of its own. */
  private role(i: number, c: Candidate): number {
    const key = titleKey(c.title ?? c.head ?? '');
    const apposed = c.apposedTo !== undefined ? this.entityOf[c.apposedTo]! : -1;
    if (apposed !== -1) {
      this.note(apposed, `"${c.text}" stands beside "${this.entities[apposed]!.name}", set off by a comma`);
      return apposed;
    }
    if (c.definite) {
      const holder = this.entities.find((e) => e.kind === 'name' && e.type === 'Person' && (e.titles ?? []).some((t) => t === key || t.endsWith(` ${key}`)));
      if (holder !== undefined) {
        this.note(holder.id, `"${c.text}" is the title of "${holder.name}"`);
        return holder.id;
      }
    }
    const e = this.create(c);
    const entity = this.entities[e]!;
    entity.titles = [key];
    const aff = c.affiliation !== undefined ? this.entityOf[c.affiliation] : -1;
    if (aff !== undefined && aff !== -1) entity.affiliation = this.entities[aff]!.keys[0];
    return e;
  }

  /** An event or thing: joins an earlier description with the same head when its words fit inside. */
  private description(i: number, c: Candidate): number {
    const words = contentWords(c.name);
    for (let k = this.entities.length - 1; k >= 0; k--) {
      const e = this.entities[k]!;
      if (e.kind !== 'description' || e.head !== c.head || e.type !== c.type) continue;
      const theirs = contentWords(e.name);
      const fits = words.every((w) => theirs.includes(w)) || theirs.every((w) => words.includes(w));
      // "a deal" is a new deal; "the deal", "the new deal" point back
      if (fits && (c.definite || words.length > 1)) {
        this.note(e.id, `"${c.text}" has the head "${c.head}" of "${e.name}"`);
        if (!c.weak) e.weak = false;
        if (words.length > theirs.length && !c.definite) e.name = c.name;
        return e.id;
      }
    }
    return this.create(c);
  }

  /** Pronouns and definite descriptions: the one entity of their sort nearby. */
  private pointBack(i: number, c: Candidate): number {
    const want = c.pointsAt!;
    if (want.type === 'Person' && c.kind === 'role') {
      // "the official": the last person introduced by a role with that noun
      for (let k = this.entities.length - 1; k >= 0; k--) {
        const e = this.entities[k]!;
        if (e.kind === 'role' && e.head === want.head) {
          this.note(e.id, `"${c.text}" points back at "${e.name}"`);
          return e.id;
        }
      }
      return -1;
    }
    const near = this.nearby(c.sentence, c.start, (e) => {
      if (e.kind !== 'name') return false;
      if (want.type === 'Thing') return e.type === 'Organization' || e.labels.includes('Country');
      if (e.type !== want.type) return false;
      return want.country === undefined || e.labels.includes('Country') === want.country;
    });
    if (c.how === 'pronoun') {
      if (want.type === 'Person') {
        if (near.size !== 1) return -1;
        const [only] = near.keys();
        this.note(only!, `"${c.text}" can only be "${this.entities[only!]!.name}"`);
        return only!;
      }
      // "its": the last body or country of the same sentence
      const same = this.nearby(c.sentence, c.start, (e) => e.kind === 'name' && (e.type === 'Organization' || e.labels.includes('Country')), 0);
      const recent = this.mostRecent([...same.keys()], c.start);
      return recent;
    }
    if (near.size === 0) return -1;
    // "The U.S. has troops in the country": a description does not point at the subject of its own sentence
    // ("the alliance's chief", a possessive, is not in the predicate: it may well be the subject)
    const first = this.refs.find((r) => r.sentence === c.sentence && r.start < c.start);
    const possessive = /'s?$|’s?$/.test(c.text) || c.possessive === true;
    if (first !== undefined && near.has(first.entity) && possessive) {
      this.note(first.entity, `"${c.text}" points back at the subject of its sentence, "${this.entities[first.entity]!.name}"`);
      return first.entity;
    }
    // "the company" is what a name says is one, as "the commission" is what says "commission"
    const company = want.head === 'company' || want.head === 'firm';
    const saysHead = (e: number): boolean => {
      const entity = this.entities[e]!;
      if (company && (entity.shortKeys !== undefined || entity.keys.some(saysCompany))) return true;
      return entity.aliases.some((a) => a.toLowerCase().split(/\s+/).includes(want.head ?? ''));
    };
    // ... unless it is the one name nearby that says what the description says: "The Sarn Basin Commission
    // has asked her to mediate, the commission said"
    const onlySayer = first !== undefined && saysHead(first.entity) && [...near.keys()].filter(saysHead).length === 1;
    if (first !== undefined && near.size > 1 && !onlySayer) near.delete(first.entity);
    // a name that itself says "commission" wins for "the commission"; else the most mentioned
    let best = -1;
    let bestScore = -1;
    for (const [e, last] of near) {
      const entity = this.entities[e]!;
      const says = saysHead(e);
      const score = (says ? 1000 : 0) + entity.count * 10 + last / 1e7;
      if (score > bestScore) {
        best = e;
        bestScore = score;
      }
    }
    this.note(best, `"${c.text}" points back at "${this.entities[best]!.name}", the most mentioned ${want.head ?? ''} nearby`);
    return best;
  }

  /** Give people the titles the article gives them, and record what each title belongs to. */
  private titles(): void {
    for (let i = 0; i < this.candidates.length; i++) {
      const c = this.candidates[i]!;
      const e = this.entityOf[i]!;
      if (e === -1 || c.title === undefined || c.kind !== 'name') continue;
      const entity = this.entities[e]!;
      const key = titleKey(c.title);
      entity.titles = [...new Set([...(entity.titles ?? []), key])];
      if (c.titledText !== undefined) addAlias(entity, c.titledText);
      const aff = c.affiliation !== undefined ? this.entityOf[c.affiliation]! : -1;
      if (aff !== -1 && entity.affiliation === undefined) entity.affiliation = this.entities[aff]!.keys[0];
    }
  }

  /** what named things each description's phrase contains, for the cross-article merge */
  private inside(): void {
    for (let i = 0; i < this.candidates.length; i++) {
      const c = this.candidates[i]!;
      const e = this.entityOf[i]!;
      if (e === -1 || c.kind !== 'description' || c.how !== 'event') continue;
      const end = c.start + (c.longText?.length ?? c.end - c.start);
      const entity = this.entities[e]!;
      for (const r of this.refs) {
        if (r.start < c.start || r.end > end || r.entity === e) continue;
        const inner = this.entities[r.entity]!;
        if (inner.kind !== 'name' || inner.type === 'Person') continue;
        entity.inside = [...new Set([...(entity.inside ?? []), ...inner.keys])];
      }
    }
  }

  // ---- bookkeeping

  /** entities of a sort mentioned in this sentence (before `offset`) or the `back` sentences before, with their last offset */
  private nearby(sentence: number, offset: number, keep: (e: LocalEntity) => boolean, back = WINDOW): Map<number, number> {
    const found = new Map<number, number>();
    for (let k = this.refs.length - 1; k >= 0; k--) {
      const r = this.refs[k]!;
      if (r.sentence < sentence - back) break;
      if (r.start >= offset) continue;
      if (!found.has(r.entity) && keep(this.entities[r.entity]!)) found.set(r.entity, r.start);
    }
    return found;
  }

  private mostRecent(ids: number[], before: number): number {
    let best = -1;
    let at = -1;
    for (const r of this.refs) {
      if (r.start < before && ids.includes(r.entity) && r.start > at) {
        best = r.entity;
        at = r.start;
      }
    }
    return best;
  }

  private keyOf(c: Candidate): string {
    // one key space for bodies and places: the recogniser may call one name ORG here and LOC there
    return c.type === 'Person' ? `p:${c.key}` : `n:${c.key}`;
  }

  private create(c: Candidate): number {
    const id = this.entities.length;
    // every field from the start (see Candidate): one shape for all entities
    const entity: LocalEntity = {
      id,
      name: c.name,
      type: c.type ?? 'Other',
      labels: [...(c.labels ?? [])],
      kind: c.kind,
      aliases: [],
      count: 0,
      keys: c.key !== undefined ? [c.key] : [normaliseName(c.name)],
      shortKeys: undefined,
      head: c.head,
      titles: undefined,
      affiliation: undefined,
      within: undefined,
      definite: c.definite,
      inside: undefined,
      weak: c.weak === true ? true : undefined,
      why: [],
    };
    this.entities.push(entity);
    this.typeVotes.push(new Map());
    return id;
  }

  private readonly typeVotes: Array<Map<string, number>> = [];

  private joinType(e: number, c: Candidate): void {
    if (c.type === undefined) return;
    const votes = this.typeVotes[e]!;
    votes.set(c.type, (votes.get(c.type) ?? 0) + 1);
    const entity = this.entities[e]!;
    if (entity.labels.includes('Country')) return;
    for (const l of c.labels ?? []) if (!entity.labels.includes(l)) entity.labels.push(l);
    if (entity.labels.includes('Country')) {
      entity.type = 'Location';
      return;
    }
    let best = entity.type;
    let n = votes.get(best) ?? 0;
    for (const [t, v] of votes) if (v > n) [best, n] = [t, v];
    entity.type = best;
  }

  private refer(i: number, e: number): void {
    const c = this.candidates[i]!;
    this.entityOf[i] = e;
    const entity = this.entities[e]!;
    entity.count++;
    if (c.weak === false || (c.weak === undefined && c.pointsAt === undefined && c.kind === 'name')) entity.weak = undefined; // not deleted: a deleted field turns the object into a slow dictionary
    if (c.how !== 'pronoun') addAlias(entity, c.text);
    if (c.longText !== undefined) addAlias(entity, c.longText);
    if (c.how === 'name' && c.kind === 'name' && c.name.length > entity.name.length && c.type === 'Person' && !isAcronym(c.name)) entity.name = c.name;
    if (c.key !== undefined && c.kind === 'name' && c.pointsAt === undefined && !entity.keys.includes(c.key)) entity.keys.push(c.key);
    // another article may call the body by its name alone
    if (c.shortKey !== undefined && c.type === 'Organization') {
      entity.shortKeys ??= [];
      if (!entity.shortKeys.includes(c.shortKey)) entity.shortKeys.push(c.shortKey);
    }
    if (this.noVote[i] !== 1) this.joinType(e, c);
    this.refs.push({ entity: e, start: c.start, end: c.end, tokenStart: c.tokenStart, tokenEnd: c.tokenEnd, sentence: c.sentence, how: c.how });
  }

  /** Fold entity `from` into `into`: aliases, keys, counts, and every candidate that pointed at it. */
  private merge(into: number, from: number, why: string): void {
    const a = this.entities[into]!;
    const b = this.entities[from]!;
    for (const alias of b.aliases) addAlias(a, alias);
    for (const k of b.keys) if (!a.keys.includes(k)) a.keys.push(k);
    for (const k of b.shortKeys ?? []) if (!(a.shortKeys ??= []).includes(k)) a.shortKeys.push(k);
    a.count += b.count;
    a.why.push(why, ...b.why);
    if (isAcronym(a.name) && !isAcronym(b.name)) a.name = b.name;
    for (let i = 0; i < this.entityOf.length; i++) if (this.entityOf[i] === from) this.entityOf[i] = into;
    for (const [k, v] of this.byKey) if (v === from) this.byKey.set(k, into);
    // the emptied entity stays in place (ids are indices) and is dropped when the article is packed
    b.count = -1;
    b.aliases = [];
  }

  private note(e: number, why: string): void {
    const list = this.entities[e]!.why;
    if (list.length < 20) list.push(why);
  }
}

export function addAlias(entity: LocalEntity, alias: string): void {
  const clean = alias.replace(/\s+/g, ' ').trim();
  if (clean !== '' && !entity.aliases.includes(clean)) entity.aliases.push(clean);
}

const STOP = new Set(['the', 'a', 'an', 'new', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those', 'any']);

function contentWords(name: string): string[] {
  return normaliseName(name)
    .split(' ')
    .filter((w) => w !== '' && !STOP.has(w));
}

/** A body's name that ends in a word only companies' names end in: "cooper industries", "irving bank", not "... office". */
function saysCompany(key: string): boolean {
  const last = key.slice(key.lastIndexOf(' ') + 1);
  return last !== key && BUSINESS_WORDS.test(last) && !/^(?:office|bureau|department|division)$/.test(last);
}
