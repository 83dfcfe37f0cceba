/**
 * The entities stage: every span of an analysed article that names or points at an entity, in text
 * order: recognised names (titles taken off, groups and institutions of a body added), nationality
 * adjectives, people named by role, event and thing descriptions, definite descriptions and pronouns.
 * Pure: analysis in, candidates out; the resolve stage decides what they refer to.
 */
import type { Analysis, Tokens } from '../nlp';
import type { Candidate } from '../extract/types';
import { adjectivesOf, type Countries } from './countries';
import { bareForm, initials, isAcronym, normaliseName, withoutLegalForm } from './normalise';
import {
  DESCRIPTION_NOUNS,
  GROUP_NOUNS,
  INSTITUTION_NOUNS,
  BUSINESS_WORDS,
  ORG_HEADS,
  OTHER_HEADS,
  PRONOUNS,
  ROLE_NOUNS,
  THING_KINDS,
  TITLE_CORE,
  TITLE_EXTRA,
} from './words';

/** What a rule says of a new candidate: its token span, how it was found, and any of a candidate's optional fields. */
type CandidateSpec = { from: number; to: number } & Pick<Candidate, 'how' | 'kind'> &
  Partial<Pick<Candidate, 'type' | 'name' | 'key' | 'labels' | 'head' | 'title' | 'affiliation' | 'definite' | 'weak' | 'pointsAt'>>;

const NOUN = /^NN/;
/** A name made into a modifier ("London-based", "U.S.-backed"); group 1 is the name's part of the word. */
const COMPOUND_MODIFIER = /^(\p{Lu}[\p{L}.&]*)-(?:based|born|bred|led|backed|owned|funded|run|listed|made|controlled|registered|bound|headquartered|sponsored|brokered|allied|linked|dominated)$/u;
/**
 * Titles only people hold, for a body's name that ends in a title and a name. Not "general", "king",
 * "chief" or "executive", which start company names ("General Signal Corp", "King Soopers").
 */
const PERSON_TITLES: ReadonlySet<string> = new Set(
  (
    'minister president secretary secretary-general director-general governor chancellor premier ambassador envoy ' +
    'spokesman spokeswoman spokesperson chairman chairwoman director mayor senator congressman congresswoman ' +
    'attorney judge prosecutor sheikh emir mediator negotiator adviser advisor diplomat lawmaker vice-president'
  ).split(' '),
);
const CAPITAL = /^(?:[A-Z]|(?:al|el|ad|as|bin|ibn)-[A-Z])/;

export function findCandidates(analysis: Analysis, countries: Countries): Candidate[] {
  return new CandidateFinder(analysis, countries).run();
}

class CandidateFinder {
  private readonly tokens: Tokens;
  private readonly text: string;
  /** candidate index holding each token as a name, or -1 */
  private readonly claimed: Int32Array;
  private readonly out: Candidate[] = [];
  /** adjectives of the places the article names: "Veldoran" -> Veldora */
  private readonly localAdjectives = new Map<string, string>();
  /** normalised names of the organisations the article names, for "Islamist Taliban" */
  private readonly orgNames = new Map<string, string>();
  /** normalised names of the places the article names, for "Brennstad-based" */
  private readonly placeNames = new Set<string>();
  /** 1 where a person's name starts */
  private readonly personStarts: Uint8Array;

  constructor(
    private readonly analysis: Analysis,
    private readonly countries: Countries,
  ) {
    this.tokens = analysis.tokens;
    this.text = analysis.text;
    this.claimed = new Int32Array(this.tokens.count).fill(-1);
    this.personStarts = new Uint8Array(this.tokens.count);
    for (const m of analysis.mentions) {
      if (m.label === 'LOC') {
        for (const adj of adjectivesOf(m.text)) this.localAdjectives.set(adj.toLowerCase(), m.text);
        this.placeNames.add(normaliseName(m.text));
      }
      if (m.label === 'ORG') this.orgNames.set(normaliseName(m.text), m.text);
      if (m.label === 'PER' && withoutLegalForm(normaliseName(m.text)) === undefined) this.personStarts[m.tokenStart] = 1;
    }
  }

  run(): Candidate[] {
    this.names();
    this.expandedAcronyms();
    this.orgHeads();
    this.descriptions();
    this.events();
    this.roles();
    this.titles();
    this.pronouns();
    // text order; affiliations are candidate indices, so they follow the sort
    const order = this.out.map((_, i) => i).sort((a, b) => this.out[a]!.start - this.out[b]!.start || this.out[b]!.end - this.out[a]!.end);
    const where = new Int32Array(order.length);
    order.forEach((old, now) => (where[old] = now));
    return order.map((old) => {
      const c = this.out[old]!;
      if (c.affiliation !== undefined) c.affiliation = where[c.affiliation]!;
      if (c.apposedTo !== undefined) c.apposedTo = where[c.apposedTo]!;
      return c;
    });
  }

  private names(): void {
    for (const m of this.analysis.mentions) {
      let from = m.tokenStart;
      let to = m.tokenEnd;
      // "NATO's": the possessive is kept as a surface form of the name
      const end = this.pos(to) === 'POS' ? to + 1 : m.tokenEnd;
      // a trailing possessive belongs to the sentence, not the name
      while (to > from && /^'s?$|^’s?$/.test(this.tokens.text(to - 1))) to--;
      const modifier = COMPOUND_MODIFIER.exec(this.tokens.text(to - 1));
      if (modifier !== null) {
        this.placeInModifier(from, to, modifier[1]!.length);
        continue;
      }
      // "Day Out Ltd" is a company whatever the recogniser says
      const label = m.label === 'PER' && withoutLegalForm(normaliseName(this.slice(from, to))) !== undefined ? 'ORG' : m.label;
      if (label === 'PER') {
        // titles the recogniser took into the name ("President Donald Trump") are read by titles()
        while (to - from > 1 && this.isTitleWord(from)) from++;
        if (this.isTitleWord(from)) continue;
        const person = this.add({ from, to, how: 'name', type: 'Person', kind: 'name' });
        if (to < end) this.out[person]!.longText = this.slice(from, end);
        continue;
      }
      if (label === 'MISC') {
        this.adjectiveOrName(from, to);
        continue;
      }
      // "Defense Secretary" before a name is a title, not a body
      if (this.allTitleWords(from, to) && this.personAt(to)) continue;
      // "Veldoran Defence Minister Oskar Brandvik" taken whole for a body: a person with a title
      const named = this.nameAfterTitle(from, to);
      if (named !== -1) {
        const person = this.add({ from: named, to, how: 'name', type: 'Person', kind: 'name' });
        if (to < end) this.out[person]!.longText = this.slice(named, end);
        continue;
      }
      const last = this.lower(to - 1);
      const event = this.analysis.events.find((e) => e.tokenEnd === to && e.tokenStart <= from + 1 && e.trigger === last);
      if (event !== undefined) {
        this.add({ from, to, how: 'name', type: THING_KINDS.has(event.kind) ? 'Other' : 'Event', kind: 'name', head: event.trigger });
        continue;
      }
      const type = label === 'LOC' ? 'Location' : 'Organization';
      const country = type === 'Location' || /^[A-Z.]+$/.test(m.text) ? this.countries.byName(this.slice(from, to)) : undefined;
      const index = this.add(
        country !== undefined
          ? { from, to, how: 'name', type: 'Location', kind: 'name', name: country.name, key: normaliseName(country.name), labels: ['Country'] }
          : { from, to, how: 'name', type, kind: 'name' },
      );
      if (type === 'Organization') this.out[index]!.shortKey = this.shortKeyOf(this.out[index]!.key!);
      if (to < end) this.out[index]!.longText = this.slice(from, end);
      this.bodyAround(index);
    }
  }

  /**
   * "London-based", "U.S.-backed", "Saudi-led": a modifier, not a name. The place before the hyphen is a
   * node when it is a country the table knows or a place the article names elsewhere ("Linux-based" is not).
   */
  private placeInModifier(from: number, to: number, lastPrefixLength: number): void {
    const start = this.tokens.start(from);
    const end = this.tokens.start(to - 1) + lastPrefixLength;
    const prefix = this.text.slice(start, end);
    const country = this.countries.byName(prefix) ?? this.countries.byAdjective(prefix);
    const name = country?.name ?? (this.placeNames.has(normaliseName(prefix)) ? prefix : undefined);
    if (name === undefined) return;
    const index = this.add({ from, to, how: 'name', type: 'Location', kind: 'name', name, key: normaliseName(name), labels: country !== undefined ? ['Country'] : [] });
    const c = this.out[index]!;
    c.end = end;
    c.text = prefix;
  }

  /**
   * "Electronic Arts ... EA": a name whose initials are an organisation's acronym in the article is that
   * organisation, when the recogniser took it for a person. People are seldom called by their initials in news.
   */
  private expandedAcronyms(): void {
    const acronyms = new Set<string>();
    for (const c of this.out) if (c.type === 'Organization' && isAcronym(c.name)) acronyms.add(c.name.replace(/\./g, ''));
    if (acronyms.size === 0) return;
    for (const c of this.out) {
      if (c.type !== 'Person' || c.kind !== 'name') continue;
      const letters = initials(c.name);
      if (letters !== undefined && letters.length >= 2 && acronyms.has(letters)) c.type = 'Organization';
    }
  }

  /** "Iraqi" as the country; "Islamist Taliban" as the Taliban; other MISC is not a node. */
  private adjectiveOrName(from: number, to: number): void {
    const text = this.slice(from, to);
    if (to - from === 1) {
      const country = this.countries.byAdjective(text);
      const local = this.localAdjectives.get(text.toLowerCase());
      const name = country?.name ?? local;
      if (name === undefined) return;
      const index = this.add({
        from,
        to,
        how: 'adjective',
        type: 'Location',
        kind: 'name',
        name,
        key: normaliseName(name),
        labels: country !== undefined || local !== undefined ? ['Country'] : [],
        weak: true,
      });
      this.bodyAround(index);
      return;
    }
    const lastWord = normaliseName(this.tokens.text(to - 1));
    const org = this.orgNames.get(lastWord);
    if (org !== undefined) {
      const index = this.add({ from, to, how: 'name', type: 'Organization', kind: 'name', name: org });
      this.bodyAround(index);
    }
  }

  /**
   * What stands around a name: "Taliban militants" and "members of NATO" are the body itself (the span
   * grows); "the Afghan government" is a body of its own, named after the country.
   */
  private bodyAround(index: number): void {
    const c = this.out[index]!;
    let next = c.tokenEnd;
    // "the Taliban group", "the radical Islamist Taliban group": the body's own head noun
    if (next < this.tokens.count && ORG_HEADS.has(this.lower(next)) && this.pos(next) === 'NN' && c.type === 'Organization') {
      this.grow(index, c.tokenStart, next + 1, 'group');
      next++;
    }
    if (next < this.tokens.count && this.isCommonNoun(next)) {
      const word = this.lower(next);
      if (INSTITUTION_NOUNS.has(word) && (c.how === 'adjective' || c.labels?.includes('Country'))) {
        const name = this.slice(c.tokenStart, next + 1);
        this.add({
          from: c.tokenStart,
          to: next + 1,
          how: 'name',
          type: 'Organization',
          kind: 'name',
          name: bareForm(name),
          key: `${c.key ?? normaliseName(c.name)} ${word}`,
          head: word,
          affiliation: index,
        });
        c.weak = c.weak ?? true;
        return;
      }
      if (GROUP_NOUNS.has(word) && (this.pos(next) === 'NNS' || word === 'delegation' || word === 'leadership' || word === 'militia')) {
        this.grow(index, c.tokenStart, next + 1, 'group');
      }
    }
    // "representatives from the Taliban", "other members of NATO"
    let before = c.tokenStart - 1;
    if (before >= 0 && this.pos(before) === 'DT') before--;
    if (before >= 1 && /^(of|from)$/.test(this.lower(before)) && GROUP_NOUNS.has(this.lower(before - 1))) {
      let start = before - 1;
      if (start > 0 && /^(other|some|several|many|all)$/.test(this.lower(start - 1))) start--;
      this.grow(index, start, c.tokenEnd, 'group');
    }
  }

  /** "the al-Qaeda terrorist group": a capitalised modifier before an organisation noun names the body. */
  private orgHeads(): void {
    for (const chunk of this.analysis.chunks) {
      if (chunk.kind !== 'NP') continue;
      const head = chunk.tokenEnd - 1;
      if (!ORG_HEADS.has(this.lower(head)) || !this.isCommonNoun(head)) continue;
      let from = -1;
      let to = -1;
      for (let i = chunk.tokenStart; i < head; i++) {
        if (this.claimed[i] !== -1) {
          from = -1;
          break;
        }
        if (COMPOUND_MODIFIER.test(this.tokens.text(i))) {
          from = -1;
          break;
        }
        if (CAPITAL.test(this.tokens.text(i)) && (i > chunk.tokenStart || this.pos(i) !== 'DT')) {
          if (from === -1) from = i;
          to = i + 1;
        }
      }
      if (from === -1 || /^(DT|PRP\$)$/.test(this.pos(from))) continue;
      const name = this.slice(from, to);
      const country = this.countries.byAdjective(name);
      if (country !== undefined) continue;
      const index = this.add({ from, to, how: 'name', type: 'Organization', kind: 'name', name });
      this.grow(index, from, head + 1, 'group');
    }
  }

  /** "the alliance", "the country's": a definite description that points back at a name. */
  private descriptions(): void {
    for (const chunk of this.analysis.chunks) {
      if (chunk.kind !== 'NP' || this.lower(chunk.tokenStart) !== 'the') continue;
      let head = chunk.tokenEnd - 1;
      if (/^'s?$|^’s?$/.test(this.tokens.text(head)) || this.pos(head) === 'POS') head--;
      // "the country's security forces" chunks as one phrase: the description ends at the possessive
      for (let i = chunk.tokenStart + 1; i < chunk.tokenEnd - 1; i++) {
        if (this.pos(i + 1) === 'POS') {
          head = i;
          break;
        }
      }
      const word = this.lower(head);
      const sort = DESCRIPTION_NOUNS.get(word);
      if (sort === undefined || !this.isCommonNoun(head)) continue;
      if (this.anyClaimed(chunk.tokenStart, head + 1)) continue;
      // only adjectives between "the" and the noun: "the terrorist group", not "the NATO training group"
      let plain = true;
      for (let i = chunk.tokenStart + 1; i < head; i++) if (!/^(JJ|VBN)$/.test(this.pos(i))) plain = false;
      if (!plain) continue;
      const index = this.add({ from: chunk.tokenStart, to: head + 1, how: 'description', kind: 'description', pointsAt: { type: sort.type, country: sort.country, head: word }, definite: true });
      if (this.pos(head + 1) === 'POS') this.out[index]!.possessive = true;
    }
  }

  /** Events and things: the NLP layer's event phrases and the heads of OTHER_HEADS. */
  private events(): void {
    const spans: Array<{ from: number; to: number; head: string; kind: string }> = this.analysis.events.map((e) => ({
      from: e.tokenStart,
      to: e.tokenEnd,
      head: e.trigger,
      kind: e.kind,
    }));
    for (let i = 0; i < this.tokens.count; i++) {
      if (!OTHER_HEADS.has(this.lower(i)) || !this.isCommonNoun(i) || (i + 1 < this.tokens.count && this.isCommonNoun(i + 1))) continue;
      let from = i;
      while (from > 0 && /^(NN|NNS|NNP|JJ|JJR|CD|VBN)$/.test(this.pos(from - 1)) && this.tokens.sentence(from - 1) === this.tokens.sentence(i)) from--;
      spans.push({ from, to: i + 1, head: this.lower(i), kind: 'thing' });
    }
    for (const e of spans) {
      const headIndex = e.to - 1;
      if (this.claimed[headIndex] !== -1) continue;
      // skip numbers and plain adjectives at the front: "500-personnel-strong Iraq training mission"
      let from = e.from;
      while (from < headIndex && /^(CD|RB)$/.test(this.pos(from))) from++;
      const det = from > 0 ? this.lower(from - 1) : '';
      const definite = det === 'the' || this.pos(from - 1) === 'PRP$' || this.pos(from - 1) === 'POS';
      let named = false;
      let compound = false;
      for (let k = from; k < headIndex; k++) {
        const pos = this.pos(k);
        if (this.claimed[k] !== -1 || /^NNP/.test(pos)) named = true;
        if (/^NN/.test(pos)) compound = true;
      }
      const complement = this.complementEnd(e.to);
      // a bare "violence" or "attacks" is not a node; "attacks on the U.S." or "a suicide bombing" may be
      const strong = named || compound || (complement > e.to && e.kind !== 'conflict' && /^(of|for|between)$/.test(this.lower(e.to)));
      const type = THING_KINDS.has(e.kind) || e.kind === 'thing' ? 'Other' : 'Event';
      const index = this.add({
        from,
        to: e.to,
        how: 'event',
        type,
        kind: 'description',
        head: e.head,
        definite,
        weak: !strong,
      });
      const cand = this.out[index]!;
      if (det === 'the' || det === 'a' || det === 'an') {
        cand.start = this.tokens.start(from - 1);
        cand.text = this.text.slice(cand.start, cand.end);
      }
      if (complement > e.to) cand.longText = this.text.slice(cand.start, this.tokens.end(complement - 1));
    }
  }

  /** The end of "of defense chiefs from NATO", "in Kabul", "for a ceasefire" after an event noun. */
  private complementEnd(after: number): number {
    if (after >= this.tokens.count || !/^(of|for|in|between|on|to)$/.test(this.lower(after))) return after;
    if (this.lower(after) === 'to' && this.pos(after + 1) !== 'VB') return after;
    const sentence = this.tokens.sentence(after);
    let end = after + 1;
    let nouns = 0;
    while (end < this.tokens.count && end - after < 9 && this.tokens.sentence(end) === sentence) {
      const p = this.pos(end);
      if (/^(,|\.|:|WDT|WP|MD|VB|VBD|VBZ|VBP|VBN|VBG|TO|``|''|\(|\))$/.test(p) || this.tokens.text(end) === '"') break;
      if (/^(days|weeks|months|years|hours)$/.test(this.lower(end))) return after;
      if (/^NN/.test(p)) nouns++;
      end++;
    }
    return nouns > 0 ? end : after;
  }

  /** "a U.S. soldier", "the U.S. defense secretary", "the official": people named by role. */
  private roles(): void {
    for (const chunk of this.analysis.chunks) {
      if (chunk.kind !== 'NP') continue;
      const head = chunk.tokenEnd - 1;
      const word = this.lower(head);
      if (!ROLE_NOUNS.has(word) || this.pos(head) !== 'NN' || this.claimed[head] !== -1) continue;
      // a capitalised title before a name is the name's title ("U.S. Secretary of State Mike Pompeo")
      if (/^[A-Z]/.test(this.tokens.text(head)) && this.personWithin(head + 1, 4)) continue;
      let affiliation = -1;
      let titleFrom = chunk.tokenStart;
      for (let i = chunk.tokenStart; i < head; i++) {
        const c = this.claimed[i]!;
        if (c !== -1 && c !== affiliation) {
          affiliation = c;
          titleFrom = this.out[c]!.tokenEnd;
        }
      }
      if (this.personWithin(chunk.tokenStart, head + 1 - chunk.tokenStart)) continue;
      const det = this.lower(chunk.tokenStart);
      const definite = det === 'the';
      if (affiliation === -1) {
        if (definite && head === chunk.tokenStart + 1) {
          this.add({ from: chunk.tokenStart, to: head + 1, how: 'description', kind: 'role', pointsAt: { type: 'Person', head: word }, definite });
        }
        continue;
      }
      let from = chunk.tokenStart;
      if (/^(DT)$/.test(this.pos(from))) from++;
      const title = this.slice(titleFrom, head + 1);
      const index = this.add({ from: chunk.tokenStart, to: head + 1, how: 'role', type: 'Person', kind: 'role', name: this.slice(from, head + 1), head: word, title, affiliation, definite });
      this.out[index]!.name = this.slice(from, head + 1);
    }
  }

  /**
   * Titles next to a person's name: before it ("U.S. Secretary of Defense Mark Esper", "the alliance's
   * Secretary-General Jens Stoltenberg", "special envoy on X, Zalmay Khalilzad") or after it ("Jens
   * Stoltenberg, NATO's secretary-general,"). The person candidate gets the title and what it belongs to.
   */
  private titles(): void {
    // roles by where they end and start, for "Iran's president, Mohammad Khatami" and "Khatami, Iran's president"
    const roleEnding = new Map<number, number>();
    const roleStarting = new Map<number, number>();
    this.out.forEach((c, i) => {
      if (c.kind !== 'role' || c.how !== 'role') return;
      roleEnding.set(c.tokenEnd, i);
      roleStarting.set(c.tokenStart, i);
    });
    for (let p = 0; p < this.out.length; p++) {
      const person = this.out[p]!;
      if (person.type !== 'Person' || person.kind !== 'name') continue;
      const sentence = person.sentence;
      const roleBefore = person.tokenStart >= 2 && this.tokens.text(person.tokenStart - 1) === ',' ? roleEnding.get(person.tokenStart - 1) : undefined;
      const roleAfter = this.tokens.text(person.tokenEnd) === ',' ? roleStarting.get(person.tokenEnd + 1) : undefined;
      for (const r of [roleBefore, roleAfter]) if (r !== undefined && this.out[r]!.sentence === sentence) this.out[r]!.apposedTo = p;
      const before = this.titleBefore(person.tokenStart);
      const found = before ?? this.titleAfter(person.tokenEnd);
      if (found === undefined) continue;
      person.title = found.title;
      if (found.affiliation !== -1) person.affiliation = found.affiliation;
      if (before !== undefined) person.titledText = this.text.slice(this.tokens.start(before.from), person.end);
    }
  }

  private titleBefore(nameStart: number): { title: string; affiliation: number; from: number } | undefined {
    let i = nameStart - 1;
    // "special envoy on Afghan reconciliation, Zalmay Khalilzad": the title stands before a comma
    const apposed = i >= 0 && this.tokens.text(i) === ',';
    if (apposed) i--;
    let from = i + 1;
    let core = false;
    let affiliation = -1;
    while (i >= 0 && this.tokens.sentence(i) === this.tokens.sentence(nameStart)) {
      const word = this.lower(i);
      const c = this.claimed[i]!;
      if (c !== -1) {
        const cand = this.out[c]!;
        // the country or body the title belongs to, only in front of the core word
        if (core && (cand.type === 'Location' || cand.type === 'Organization' || cand.how === 'description')) affiliation = c;
        else if (!apposed) break;
        if (!apposed || core) {
          if (affiliation !== -1) from = cand.tokenStart;
          break;
        }
      } else if (TITLE_CORE.has(word)) core = true;
      else if (!(TITLE_EXTRA.has(word) || word === 'of' || (apposed && /^(on|for|JJ|NN|NNP)$/.test(word === 'on' || word === 'for' ? word : this.pos(i))) || (/^[A-Z]/.test(this.tokens.text(i)) && /^NNP/.test(this.pos(i))))) break;
      if (/^('s|’s)$/.test(this.tokens.text(i))) break;
      from = i;
      i--;
    }
    // "the alliance's Secretary-General": a possessive before the title
    if (core && affiliation === -1 && from >= 2 && this.pos(from - 1) === 'POS') {
      const c = this.claimed[from - 2]!;
      if (c !== -1) {
        affiliation = c;
      }
    }
    if (!core) return undefined;
    let titleFrom = from;
    if (affiliation !== -1 && this.out[affiliation]!.tokenEnd > titleFrom) titleFrom = this.out[affiliation]!.tokenEnd;
    while (titleFrom < nameStart && /^(POS|DT)$/.test(this.pos(titleFrom))) titleFrom++;
    const titleEnd = apposed ? nameStart - 1 : nameStart;
    if (titleFrom >= titleEnd) return undefined;
    return { title: this.slice(titleFrom, titleEnd), affiliation, from: affiliation !== -1 ? this.out[affiliation]!.tokenStart : titleFrom };
  }

  private titleAfter(nameEnd: number): { title: string; affiliation: number } | undefined {
    if (nameEnd >= this.tokens.count || this.tokens.text(nameEnd) !== ',') return undefined;
    let i = nameEnd + 1;
    const sentence = this.tokens.sentence(nameEnd);
    let core = -1;
    let affiliation = -1;
    let from = i;
    if (i < this.tokens.count && this.pos(i) === 'DT') from = ++i;
    let end = i;
    while (i < this.tokens.count && i - nameEnd < 10 && this.tokens.sentence(i) === sentence) {
      const text = this.tokens.text(i);
      const pos = this.tokens.pos(i);
      if (text === ',' || text === '.' || /^(VB|MD|WDT|WP)/.test(pos)) break;
      const c = this.claimed[i]!;
      if (c !== -1) {
        if (core === -1) from = this.out[c]!.tokenEnd;
        affiliation = c;
        i = Math.max(i + 1, this.out[c]!.tokenEnd);
        end = i;
        continue;
      }
      if (TITLE_CORE.has(this.lower(i))) core = i;
      else if (!(TITLE_EXTRA.has(this.lower(i)) || /^(of|POS|JJ|NN|NNP)$/.test(this.lower(i) === 'of' ? 'of' : pos))) break;
      i++;
      end = i;
    }
    if (core === -1) return undefined;
    while (from < end && /^(POS|DT)$/.test(this.pos(from))) from++;
    let titleEnd = core + 1;
    while (titleEnd < end && this.claimed[titleEnd] === -1 && this.lower(titleEnd) !== 'of') titleEnd++;
    return { title: this.slice(from, Math.max(from + 1, titleEnd)), affiliation };
  }

  private pronouns(): void {
    let inQuote = false;
    for (let i = 0; i < this.tokens.count; i++) {
      const text = this.tokens.text(i);
      if (text === '"' || text === '“' || text === '”') inQuote = text === '“' ? true : text === '”' ? false : !inQuote;
      const word = this.lower(i);
      const sort = PRONOUNS.get(word);
      if (sort === undefined || !/^PRP/.test(this.pos(i)) || inQuote) continue;
      if (word === 'it') continue;
      this.add({ from: i, to: i + 1, how: 'pronoun', kind: 'name', pointsAt: { type: sort === 'person' ? 'Person' : 'Thing' } });
    }
  }

  // ---- helpers

  private add(spec: CandidateSpec): number {
    const start = this.tokens.start(spec.from);
    const end = this.tokens.end(spec.to - 1);
    const text = this.text.slice(start, end);
    const name = spec.name ?? bareForm(text);
    // every field from the start, absent ones undefined: candidates then share one shape, and the stages
    // that read them run on code optimised once, not again for each new combination of fields
    const candidate: Candidate = {
      start,
      end,
      tokenStart: spec.from,
      tokenEnd: spec.to,
      sentence: this.tokens.sentence(spec.from),
      text,
      how: spec.how,
      type: spec.type,
      kind: spec.kind,
      name,
      key: spec.key !== undefined || spec.pointsAt === undefined ? (spec.key ?? normaliseName(name)) : undefined,
      shortKey: undefined,
      labels: spec.labels !== undefined && spec.labels.length > 0 ? spec.labels : undefined,
      head: spec.head,
      title: spec.title,
      affiliation: spec.affiliation,
      definite: spec.definite,
      weak: spec.weak,
      pointsAt: spec.pointsAt,
      possessive: undefined,
      apposedTo: undefined,
      longText: undefined,
      titledText: undefined,
    };
    const index = this.out.length;
    this.out.push(candidate);
    if (spec.how === 'name' || spec.how === 'adjective' || spec.how === 'description') {
      for (let i = spec.from; i < spec.to; i++) if (this.claimed[i] === -1) this.claimed[i] = index;
    }
    return index;
  }

  /** The candidate now covers [from, to): its surface form grows, its name stays. */
  private grow(index: number, from: number, to: number, how: Candidate['how']): void {
    const c = this.out[index]!;
    c.tokenStart = from;
    c.tokenEnd = to;
    c.start = this.tokens.start(from);
    c.end = this.tokens.end(to - 1);
    c.text = this.text.slice(c.start, c.end);
    c.how = how;
    for (let i = from; i < to; i++) if (this.claimed[i] === -1) this.claimed[i] = index;
  }

  private slice(from: number, to: number): string {
    return this.text.slice(this.tokens.start(from), this.tokens.end(to - 1));
  }

  private lower(i: number): string {
    return this.tokens.lower(i);
  }

  private pos(i: number): string {
    return this.tokens.pos(i);
  }

  private isCommonNoun(i: number): boolean {
    return /^NNS?$/.test(this.pos(i)) || (NOUN.test(this.pos(i)) && /^[a-z]/.test(this.tokens.text(i)));
  }

  private isTitleWord(i: number): boolean {
    const w = this.lower(i);
    return TITLE_CORE.has(w) || TITLE_EXTRA.has(w) || /^(mr|mrs|ms|dr|gen|sen|rep|gov|lt|col|capt|adm|prof)\.?$/.test(w);
  }

  /** "seagram" for "Seagram Co Ltd"; none when what is left is a country ("China Co" is not China). */
  private shortKeyOf(key: string): string | undefined {
    const short = withoutLegalForm(key);
    return short !== undefined && this.countries.byName(short) === undefined ? short : undefined;
  }

  /**
   * Where a person's name starts in a span that ends with a title and a name of two or three capitalised
   * words ("... Defence Minister Oskar Brandvik"), or -1.
   */
  private nameAfterTitle(from: number, to: number): number {
    for (let start = to - 2; start >= Math.max(from + 1, to - 3); start--) {
      if (!PERSON_TITLES.has(this.lower(start - 1))) continue;
      for (let i = start; i < to; i++) {
        const w = this.lower(i);
        if (!/^\p{Lu}\p{Ll}/u.test(this.tokens.text(i)) || this.isTitleWord(i) || ORG_HEADS.has(w) || INSTITUTION_NOUNS.has(w) || BUSINESS_WORDS.test(w)) return -1;
      }
      return start;
    }
    return -1;
  }

  private allTitleWords(from: number, to: number): boolean {
    let core = false;
    for (let i = from; i < to; i++) {
      if (TITLE_CORE.has(this.lower(i))) core = true;
      else if (!this.isTitleWord(i) && this.lower(i) !== 'of') return false;
    }
    return core;
  }

  private personAt(i: number): boolean {
    return this.personStarts[i] === 1;
  }

  private personWithin(from: number, length: number): boolean {
    for (let i = Math.max(0, from); i < from + length && i < this.tokens.count; i++) if (this.personStarts[i] === 1) return true;
    return false;
  }

  private anyClaimed(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.claimed[i] !== -1) return true;
    return false;
  }
}
