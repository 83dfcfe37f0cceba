/**
 * The relations stage: facts between the entities of one article, from general English patterns:
 * - a verb and its arguments (subject, direct object, prepositional object), the verbs taken from the
 *   schema ("negotiate with" -> NEGOTIATED_WITH); passive voice ("was killed by"); a relative clause
 *   ("NATO, which runs ..."); a fronted participle ("Led by X, the delegation ..."); coordination
 *   ("the US and the Taliban negotiated" -> each with the other);
 * - reported speech: "X said ...", "according to X" -> STATED about the topics of what was said, quote kept;
 * - nouns of action between a modifier and an object: "the Taliban killing of a soldier" -> ATTACKED;
 * - titles: "U.S. Secretary of State Mike Pompeo" -> HOLDS_POSITION {title}; leaders' titles -> LEADS;
 * - places: "a meeting in Brussels" -> LOCATED_IN; "Brussels, Belgium" -> LOCATED_IN;
 *   troops or a mission in a place -> DEPLOYED_TO; "its NATO allies" -> MEMBER_OF.
 * Every fact keeps the words that state it, the sentence, a confidence and the date the sentence gives.
 */
import type { Analysis, Chunk } from '../nlp';
import type { Schema, VerbPattern } from '../schema';
import type { Candidate, LocalEntity, LocalRelation, Ref } from '../extract/types';
import { lemmas } from './lemma';
import { SentenceView } from './view';
import { memoised } from '../../src/util/memo';

const SPEECH = new Set(
  'say tell add state stress insist caution warn argue claim note explain acknowledge confirm deny report write announce declare urge predict suggest remark reply respond vow pledge hope'.split(' '),
);
const RECIPROCAL = new Map([
  ['negotiate', 'NEGOTIATED_WITH'],
  ['talk', 'MET_WITH'],
  ['meet', 'MET_WITH'],
  ['agree', 'AGREED_WITH'],
]);
const TALK_NOUNS = new Map([
  ['talks', 'NEGOTIATED_WITH'],
  ['negotiations', 'NEGOTIATED_WITH'],
  ['meeting', 'MET_WITH'],
  ['meetings', 'MET_WITH'],
  ['deal', 'AGREED_WITH'],
  ['agreement', 'AGREED_WITH'],
]);
const FORCE_NOUNS = new Set('troops forces soldiers personnel troop presence contingent peacekeepers marines mission missions military deployment base bases'.split(' '));
const DEPLOY_VERBS = new Set('have keep station send deploy run maintain boost base position dispatch lead operate'.split(' '));
const MEMBERSHIP_NOUNS = new Set('allies members partners member ally partner'.split(' '));
const AGENT_TYPES = new Set(['Person', 'Organization', 'Location']);
const PARTICLES = new Set(['off', 'up', 'out', 'down', 'back', 'on']);
const BOUNDARY = /^(,|\.|;|:|WDT|WP|``|'')$/;

export interface RelationInput {
  analysis: Analysis;
  entities: LocalEntity[];
  refs: Ref[];
  candidates: Candidate[];
  /** the entity each candidate resolved to, or -1 */
  entityOf: Int32Array;
  schema: Schema;
}

export function findRelations(input: RelationInput): LocalRelation[] {
  return new RelationFinder(input).run();
}

interface SchemaIndex {
  verbIndex: Map<string, VerbPattern[]>;
  nounIndex: Map<string, { predicate: string; via: string[] }>;
  allowed: Map<string, { subject?: Set<string>; object?: Set<string> }>;
  /** the schema's leader titles, lower case */
  leaders: Set<string>;
}

/** The schema's verbs, nouns and type rules as maps: built once per schema (schemas are not changed once loaded), not once per article. */
const indexes = new WeakMap<Schema, SchemaIndex>();

function schemaIndex(schema: Schema): SchemaIndex {
  let index = indexes.get(schema);
  if (index !== undefined) return index;
  index = { verbIndex: new Map(), nounIndex: new Map(), allowed: new Map(), leaders: new Set(schema.leaderTitles.map((t) => t.toLowerCase())) };
  for (const p of schema.verbs) for (const v of p.verbs) push(index.verbIndex, v, p);
  for (const p of schema.nouns) for (const w of p.nouns) if (!index.nounIndex.has(w)) index.nounIndex.set(w, { predicate: p.predicate, via: p.via });
  for (const t of schema.relationTypes) {
    const rule: { subject?: Set<string>; object?: Set<string> } = {};
    if (t.subject !== undefined) rule.subject = new Set(t.subject);
    if (t.object !== undefined) rule.object = new Set(t.object);
    index.allowed.set(t.name, rule);
  }
  indexes.set(schema, index);
  return index;
}

class RelationFinder {
  private readonly out: LocalRelation[] = [];
  private readonly seen = new Set<string>();
  private readonly chunksBySentence: Chunk[][];
  private readonly refsBySentence: Ref[][];
  private readonly verbIndex: Map<string, VerbPattern[]>;
  private readonly nounIndex: Map<string, { predicate: string; via: string[] }>;
  private readonly allowed: Map<string, { subject?: Set<string>; object?: Set<string> }>;
  private readonly leaders: Set<string>;

  constructor(private readonly input: RelationInput) {
    const n = input.analysis.sentences.length;
    this.chunksBySentence = [];
    this.refsBySentence = [];
    for (let s = 0; s < n; s++) {
      this.chunksBySentence.push([]);
      this.refsBySentence.push([]);
    }
    for (const c of input.analysis.chunks) this.chunksBySentence[c.sentence]?.push(c);
    for (const r of input.refs) this.refsBySentence[r.sentence]?.push(r);
    ({ verbIndex: this.verbIndex, nounIndex: this.nounIndex, allowed: this.allowed, leaders: this.leaders } = schemaIndex(input.schema));
  }

  run(): LocalRelation[] {
    for (let s = 0; s < this.input.analysis.sentences.length; s++) {
      const refs = this.refsBySentence[s]!;
      if (refs.length === 0) continue;
      const view = new SentenceView(this.input.analysis, s, refs, this.input.entities);
      const chunks = this.chunksBySentence[s]!;
      const vps = chunks.filter((c) => c.kind === 'VP');
      const subjects = new Map<Chunk, Ref[]>();
      for (const vp of vps) subjects.set(vp, this.subjectsOf(view, vp, vps, subjects));
      for (const vp of vps) this.verb(view, vp, subjects.get(vp)!, vps, subjects);
      this.speech(view, vps, subjects);
      this.nouns(view, vps, subjects);
      this.places(view);
      this.membership(view);
    }
    this.titles();
    return this.out;
  }

  // ---- verbs

  private subjectsOf(view: SentenceView, vp: Chunk, vps: Chunk[], known: Map<Chunk, Ref[]>): Ref[] {
    let i = vp.tokenStart - 1;
    while (i >= view.from && /^(RB|RBR|MD)$/.test(view.pos(i))) i--;
    if (i < view.from) return [];
    // "NATO, which runs", "a bombing in Kabul that killed": the relative pronoun's antecedent
    if (/^(WDT|WP)$/.test(view.pos(i)) || (view.word(i) === 'that' && view.pos(i) === 'IN')) {
      let k = i - 1;
      if (view.word(k) === ',') k--;
      let r = view.refCovering(k);
      if (r === undefined) return [];
      // the head noun, not a place in its prepositional phrase
      const before = r.tokenStart - 1;
      if (/^(in|at)$/.test(view.word(before))) {
        const head = view.refCovering(before - 1);
        if (head !== undefined && view.entity(head).type === 'Event') r = head;
      }
      return [r];
    }
    // a verb right after another clause's verb shares its subject ("cautioned ..., but insisted")
    if (view.word(i) === 'and' || view.word(i) === 'but' || view.word(i) === 'or') {
      const prev = vps.filter((v) => v.tokenEnd <= i + 1).pop();
      if (prev !== undefined && prev.tokenEnd >= i - 1) return known.get(prev) ?? [];
    }
    if (view.word(i) === ',' && view.word(i - 1) === 'but') return [];
    // "Jens Stoltenberg, NATO's secretary-general, attended": step over an apposition between commas
    if (view.word(i) === ',') {
      let k = i - 1;
      while (k > view.from && view.word(k) !== ',' && !/^VB/.test(view.pos(k)) && i - k < 10) k--;
      if (view.word(k) === ',') {
        const r = view.refEndingBefore(k);
        if (r !== undefined && view.entity(r).type === 'Person') return [r];
      }
    }
    const r = view.refCovering(i);
    // "the only answer in Syria is": a name inside a prepositional phrase is not the subject
    if (r !== undefined && view.pos(r.tokenStart - 1) === 'IN' && view.word(r.tokenStart - 1) !== 'that') return [];
    if (r === undefined || r.tokenEnd !== i + 1) {
      // the subject of a clause that has none before it: "Esper said ... allowing X to" is not handled
      return [];
    }
    const out = [r];
    // "The U.S. and the Taliban": coordination before the verb
    let k = r.tokenStart - 1;
    if (view.pos(k) === 'DT') k--;
    // "A, B and C": the last pair is joined by "and"
    if (view.word(k) !== 'and') return out;
    while (k >= view.from && (view.word(k) === 'and' || view.word(k) === ',')) {
      const left = view.refCovering(k - 1);
      if (left === undefined || left.tokenEnd !== k) break;
      out.unshift(left);
      k = left.tokenStart - 1;
      if (view.pos(k) === 'DT') k--;
    }
    return out;
  }

  /** The direct object(s) and the prepositional objects after a verb group, up to a clause boundary. */
  private objectsOf(view: SentenceView, vp: Chunk, next: Chunk | undefined): { direct: Ref[]; preps: Array<[string, Ref]>; particle: string | undefined; end: number } {
    let i = vp.tokenEnd;
    let particle: string | undefined;
    if (PARTICLES.has(view.word(i)) && /^(RP|IN|RB)$/.test(view.pos(i))) {
      particle = view.word(i);
      i++;
    }
    const limit = next !== undefined ? next.tokenStart : view.to;
    const direct: Ref[] = [];
    const preps: Array<[string, Ref]> = [];
    let prep: string | undefined;
    for (; i < limit && i < view.to; i++) {
      const p = view.pos(i);
      if (BOUNDARY.test(p) || view.word(i) === '"' || view.word(i) === '“' || view.word(i) === '”') break;
      if (p === 'IN' || p === 'TO') {
        if (view.word(i) !== 'of') prep = view.word(i);
        continue;
      }
      const r = view.refCovering(i);
      if (r === undefined) continue;
      // "Afghan reconciliation": a nationality adjective modifies, it is not the argument
      if (r.how === 'adjective' && /^NN/.test(view.pos(r.tokenEnd))) continue;
      if (prep === undefined) direct.push(r, ...view.coordinatedAfter(r));
      else preps.push([prep, r], ...view.coordinatedAfter(r).map((c): [string, Ref] => [prep!, c]));
      i = Math.max(i, r.tokenEnd - 1);
    }
    return { direct, preps, particle, end: i };
  }

  private verb(view: SentenceView, vp: Chunk, subjects: Ref[], vps: Chunk[], known: Map<Chunk, Ref[]>): void {
    const headIndex = lastVerb(view, vp);
    if (headIndex === -1) return;
    const head = view.word(headIndex);
    const forms = formsOf(head);
    const next = vps.find((v) => v.tokenStart > vp.tokenEnd);
    const { direct, preps, particle } = this.objectsOf(view, vp, next);
    const passive = view.pos(headIndex) === 'VBN' && vpHasBe(view, vp);
    const phrase = view.analysis.text.slice(view.start(vp.tokenStart), view.end(particle !== undefined ? vp.tokenEnd : vp.tokenEnd - 1));
    // the patterns of each form, phrasal forms ("carry out") first; a loop, since flatMap is slow in V8 and this runs per verb group
    const patterns: VerbPattern[] = [];
    if (particle !== undefined) for (const f of forms) this.patternsOf(`${f} ${particle}`, patterns);
    for (const f of forms) this.patternsOf(f, patterns);

    // "Led by X, the delegation ...": a participle at the front; its agent stands before the comma that opens the main clause
    if (view.pos(headIndex) === 'VBN' && vp.tokenStart === view.from) {
      if (view.word(vp.tokenEnd) === 'by' && next !== undefined) {
        let comma = next.tokenStart - 1;
        while (comma > vp.tokenEnd && view.word(comma) !== ',') comma--;
        const agent = view.refEndingBefore(comma);
        const subject = view.argAt(comma + 1);
        if (agent !== undefined && subject !== undefined) for (const p of patterns.filter((x) => x.via === undefined)) this.add(view, agent, p.predicate, subject, phrase, 0.6, 'fronted participle', p);
      }
      return;
    }

    if (passive) {
      // "was killed by X": X did it to the subject
      const by = preps.find(([p]) => p === 'by');
      if (by !== undefined) for (const s of subjects) for (const p of patterns.filter((x) => x.via === undefined)) this.add(view, by[1], p.predicate, s, phrase, 0.7, 'passive', p);
      return;
    }

    if (subjects.length === 0) return;
    for (const p of patterns) {
      const objects = p.via === undefined ? direct : preps.filter(([w]) => w === p.via).map(([, r]) => r);
      for (const s of subjects) for (const o of objects) this.add(view, s, p.predicate, o, phrase, 0.75, `verb ${p.verbs[0]}${p.via ? ` ${p.via}` : ''}`, p);
    }
    // "The U.S. and the Taliban have negotiated": each with the other
    if (subjects.length >= 2 && !preps.some(([w]) => w === 'with')) {
      let predicate = forms.map((f) => RECIPROCAL.get(f)).find((x) => x !== undefined);
      if (predicate === undefined && forms.some((f) => f === 'be' || f === 'hold' || f === 'have' || f === 'open' || f === 'resume' || f === 'reach' || f === 'sign')) {
        for (let k = vp.tokenEnd; k < Math.min(view.to, vp.tokenEnd + 8); k++) {
          const hit = TALK_NOUNS.get(view.word(k));
          if (hit !== undefined) {
            predicate = hit;
            break;
          }
          if (BOUNDARY.test(view.pos(k))) break;
        }
      }
      if (predicate !== undefined) {
        for (let a = 0; a < subjects.length; a++)
          for (let b = a + 1; b < subjects.length; b++) this.add(view, subjects[a]!, predicate, subjects[b]!, phrase, 0.7, 'coordinated subjects');
      }
    }
    // "The U.S. has 12,000 troops in Afghanistan", "NATO runs a training mission in Afghanistan"
    if (forms.some((f) => DEPLOY_VERBS.has(f))) {
      const after = vp.tokenEnd;
      for (let k = after; k < Math.min(view.to, after + 12); k++) {
        if (BOUNDARY.test(view.pos(k)) && view.word(k) !== ',') break;
        if (!FORCE_NOUNS.has(view.word(k))) continue;
        const place = preps.find(([w, r]) => (w === 'in' || w === 'to') && r.tokenStart > k && view.entity(r).type === 'Location');
        if (place !== undefined) for (const s of subjects) this.add(view, s, 'DEPLOYED_TO', place[1], phrase, 0.65, 'forces in a place');
        break;
      }
    }
    // "said on Thursday at a NATO meeting": the speaker was there
    for (const [w, r] of preps) {
      const e = view.entity(r);
      if (w === 'at' && e.type === 'Event') for (const s of subjects) this.add(view, s, 'ATTENDED', r, `${phrase} at`, 0.6, 'at an event');
    }
    // "said in Brussels", "told reporters while in Germany": a person was in a place
    if (forms.some((f) => SPEECH.has(f))) {
      for (const [w, r] of preps) {
        if (w !== 'in' || view.entity(r).type !== 'Location') continue;
        const before = r.tokenStart - 1;
        const whileIn = view.word(before - 1) === 'while' || view.word(before) === 'in';
        if (whileIn) for (const s of subjects) if (view.entity(s).type === 'Person') this.add(view, s, 'VISITED', r, `${phrase} in`, 0.5, 'speaking in a place');
      }
    }
  }

  /** Appends the verb patterns of a verb form to out. */
  private patternsOf(form: string, out: VerbPattern[]): void {
    const found = this.verbIndex.get(form);
    if (found !== undefined) for (const p of found) out.push(p);
  }

  // ---- reported speech

  private speech(view: SentenceView, vps: Chunk[], subjects: Map<Chunk, Ref[]>): void {
    const speakers: Array<{ speaker: Ref; verb: Chunk | undefined; phrase: string; before?: number }> = [];
    for (const vp of vps) {
      const headIndex = lastVerb(view, vp);
      if (headIndex === -1 || !formsOf(view.word(headIndex)).some((f) => SPEECH.has(f))) continue;
      let speaker = subjects.get(vp)?.[0];
      // '"...," said Esper': the speaker after the verb, only right after a quote
      if (speaker === undefined && /^(,|''|"|”)$/.test(view.word(vp.tokenStart - 1)) && hasQuote(view)) speaker = view.argAt(vp.tokenEnd, 2);
      if (speaker === undefined || view.entity(speaker).type === 'Event' || view.entity(speaker).type === 'Other') continue;
      speakers.push({ speaker, verb: vp, phrase: view.analysis.text.slice(view.start(vp.tokenStart), view.end(vp.tokenEnd - 1)) });
    }
    // "according to the U.S. defense secretary"
    for (let i = view.from; i < view.to - 1; i++) {
      if (view.word(i) === 'according' && view.word(i + 1) === 'to') {
        let r = view.argAt(i + 2);
        // "according to the alliance's Secretary-General Jens Stoltenberg": the possessor is not the speaker
        if (r !== undefined && (/^(POS)$/.test(view.pos(r.tokenEnd)) || r.how === 'adjective' || view.entity(r).type !== 'Person')) {
          for (let k = r.tokenEnd + 1; k < Math.min(view.to, r.tokenEnd + 6); k++) {
            const p = view.refCovering(k);
            if (p !== undefined && view.entity(p).type === 'Person') {
              r = p;
              break;
            }
          }
        }
        if (r !== undefined) speakers.push({ speaker: r, verb: undefined, phrase: 'according to', before: i });
      }
    }
    if (speakers.length === 0) return;
    const agents = new Set<number>();
    for (const [, refs] of subjects) for (const r of refs) agents.add(r.entity);
    const quote = quoteOf(view);
    const quoted = quotedTokens(view);
    for (const { speaker, verb, phrase, before } of speakers) {
      const about = new Set<number>();
      // what was said: the quoted words; else the words after the verb ("X said that ..."), or before
      // the speaker ("..., X added", "..., according to X")
      const inContent = (r: Ref): boolean => {
        if (quoted !== undefined) return r.tokenStart >= quoted[0] && r.tokenEnd <= quoted[1];
        if (verb !== undefined && speaker.tokenEnd <= verb.tokenStart) return r.tokenStart >= verb.tokenEnd;
        if (before !== undefined) return r.tokenEnd <= before;
        return r.tokenEnd <= speaker.tokenStart && (verb === undefined || r.tokenEnd <= verb.tokenStart);
      };
      for (const r of view.refs) {
        if (r.entity === speaker.entity || r.how === 'pronoun' || about.has(r.entity) || !inContent(r)) continue;
        if (r.tokenStart >= speaker.tokenStart && r.tokenEnd <= speaker.tokenEnd) continue;
        const e = view.entity(r);
        if (agents.has(r.entity) || e.type === 'Person' || e.type === 'Organization') continue;
        if (e.weak && e.type === 'Event') continue;
        about.add(r.entity);
        this.add(view, speaker, 'STATED', r, phrase, 0.6, 'reported speech', undefined, quote);
      }
    }
  }

  // ---- nouns of action

  private nouns(view: SentenceView, vps: Chunk[], subjects: Map<Chunk, Ref[]>): void {
    for (let i = view.from; i < view.to; i++) {
      const word = view.word(i);
      const rule = this.nounIndex.get(word);
      const talk = word === 'negotiations' || word === 'talks' ? view.word(i + 1) === 'between' : false;
      if (talk) {
        const a = view.argAt(i + 2);
        if (a !== undefined) for (const b of view.coordinatedAfter(a)) this.add(view, a, 'NEGOTIATED_WITH', b, `${word} between`, 0.6, 'talks between');
      }
      if (rule === undefined || !/^NN/.test(view.pos(i))) continue;
      // the object: "of X", "toward X", possibly after one other phrase ("a haven in Afghanistan for X")
      let object: Ref | undefined;
      let k = i + 1;
      for (let hops = 0; hops < 2 && k < view.to; hops++) {
        if (rule.via.includes(view.word(k))) {
          object = view.argAt(k + 1);
          break;
        }
        if (view.pos(k) !== 'IN') break;
        const skip = view.argAt(k + 1);
        if (skip === undefined) break;
        k = skip.tokenEnd;
      }
      if (object === undefined) continue;
      // the agent: the name just before the noun ("a Taliban killing"), else the subject of the verb that governs it
      let agent: Ref | undefined = view.refEndingBefore(i);
      if (agent !== undefined && view.pos(agent.tokenEnd) === 'POS') agent = undefined;
      if (agent === undefined && view.pos(i - 1) === 'POS') agent = view.refEndingBefore(i - 1);
      if (agent === undefined) {
        const governing = vps.filter((v) => v.tokenEnd <= i).pop();
        if (governing !== undefined && !/^(IN|TO)$/.test(view.pos(governing.tokenEnd))) agent = subjects.get(governing)?.[0];
      }
      if (agent === undefined) continue;
      // "the Taliban shares the U.S. antipathy toward X": the one who shares it holds it too
      let k2 = agent.tokenStart - 1;
      if (view.pos(k2) === 'DT') k2--;
      if (/^shar(e|es|ed|ing)$/.test(view.word(k2))) {
        const sharer = view.refEndingBefore(k2);
        if (sharer !== undefined) this.add(view, sharer, rule.predicate, object, `shares ${word}`, 0.55, `noun ${word} shared`);
      }
      this.add(view, agent, rule.predicate, object, view.analysis.text.slice(view.start(i), view.end(Math.min(k, view.to - 1))), 0.6, `noun ${word}`);
    }
  }

  // ---- places

  private places(view: SentenceView): void {
    for (const r of view.refs) {
      const e = view.entity(r);
      const after = r.tokenEnd;
      // "a meeting in Brussels", "the bombing in Kabul", "based in Halvik"
      if ((e.type === 'Event' && !e.weak && /^(in|at)$/.test(view.word(after))) || (view.word(after) === 'based' && view.word(after + 1) === 'in')) {
        const place = view.argAt(view.word(after) === 'based' ? after + 2 : after + 1, 3);
        if (place !== undefined && view.entity(place).type === 'Location') {
          this.add(view, r, 'LOCATED_IN', place, view.word(after) === 'based' ? 'based in' : view.word(after), 0.7, 'in a place');
        }
      }
      // "Brussels, Belgium": a place and the country it is in
      if (e.type === 'Location' && view.word(after) === ',') {
        const place = view.argAt(after + 1, 1);
        if (place !== undefined && place.entity !== r.entity && view.entity(place).labels.includes('Country') && !e.labels.includes('Country')) {
          this.add(view, r, 'LOCATED_IN', place, ',', 0.6, 'place, country');
        }
      }
      // "its ... Iraq training mission": a mission of a body in a place
      if (e.type === 'Event' && /^(mission|missions|operation|deployment)$/.test(e.head ?? '')) this.mission(view, r);
    }
  }

  private mission(view: SentenceView, mission: Ref): void {
    let owner: Ref | undefined;
    let place: Ref | undefined;
    for (let k = mission.tokenStart - 1, steps = 0; k >= view.from && steps < 8; k--, steps++) {
      const p = view.pos(k);
      const r = view.refCovering(k);
      if (r !== undefined && r.how === 'pronoun') {
        owner = r;
        break;
      }
      if (p === 'POS') {
        owner = view.refEndingBefore(k);
        break;
      }
      if (!/^(JJ|NN|NNS|RB|CD|VBG|VBN|,|HYPH)$/.test(p) && view.word(k) !== ',') break;
    }
    for (const r of view.refs) {
      if (r.tokenStart < mission.tokenStart || r.tokenEnd > mission.tokenEnd || r === mission) continue;
      const e = view.entity(r);
      if (e.type === 'Location') place = r;
      else if (e.type === 'Organization' && owner === undefined) owner = r;
    }
    if (place === undefined && /^(in|to)$/.test(view.word(mission.tokenEnd))) {
      const p = view.argAt(mission.tokenEnd + 1, 3);
      if (p !== undefined && view.entity(p).type === 'Location') place = p;
    }
    if (owner !== undefined) this.add(view, mission, 'PART_OF', owner, 'mission of', 0.55, 'a body\'s mission');
    if (place !== undefined && place.tokenStart >= mission.tokenStart) this.add(view, mission, 'LOCATED_IN', place, 'mission', 0.55, 'a mission named after a place');
    if (owner !== undefined && place !== undefined) this.add(view, owner, 'DEPLOYED_TO', place, 'mission in', 0.55, 'a body\'s mission in a place');
  }

  /** "its NATO allies", "X's partners in NATO": the owner is a member of the body */
  private membership(view: SentenceView): void {
    for (const r of view.refs) {
      if (r.how !== 'group' || !MEMBERSHIP_NOUNS.has(view.word(r.tokenEnd - 1))) continue;
      const before = r.tokenStart - 1;
      let owner: Ref | undefined;
      const cover = view.refCovering(before);
      if (cover !== undefined && cover.how === 'pronoun') owner = cover;
      else if (view.pos(before) === 'POS') owner = view.refEndingBefore(before);
      if (owner !== undefined) this.add(view, owner, 'MEMBER_OF', r, view.analysis.text.slice(view.start(before), r.end), 0.6, 'its allies');
    }
  }

  // ---- titles

  private titles(): void {
    const { candidates, entityOf, entities, analysis } = this.input;
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i]!;
      if (c.title === undefined || c.affiliation === undefined) continue;
      // an indefinite role ("a U.S. soldier") is not an office
      if (c.kind === 'role' && !c.definite) continue;
      const person = entityOf[i]!;
      const body = entityOf[c.affiliation]!;
      if (person === -1 || body === -1 || person === body) continue;
      const bodyEntity = entities[body]!;
      if (bodyEntity.type !== 'Organization' && bodyEntity.type !== 'Location') continue;
      const title = c.title.replace(/\s+/g, ' ').trim();
      const core = title.toLowerCase().replace(/^(the|former|acting)\s+/, '');
      // a deputy or vice president holds a post under the leader; "vice-president" is no leader title either
      const predicate = this.leaders.has(core) ? 'LEADS' : 'HOLDS_POSITION';
      const personRef: Ref = { entity: person, start: c.start, end: c.end, tokenStart: c.tokenStart, tokenEnd: c.tokenEnd, sentence: c.sentence, how: c.how };
      const a = candidates[c.affiliation]!;
      const bodyRef: Ref = { entity: body, start: a.start, end: a.end, tokenStart: a.tokenStart, tokenEnd: a.tokenEnd, sentence: a.sentence, how: a.how };
      this.push({
        subject: person,
        predicate,
        object: body,
        text: title,
        confidence: 0.8,
        sentence: c.sentence,
        subjectSpan: [personRef.start, personRef.end],
        objectSpan: [bodyRef.start, bodyRef.end],
        properties: { title },
        rule: 'title',
        ...dateOf(analysis, c.sentence),
      });
    }
  }

  // ---- output

  private add(view: SentenceView, s: Ref, predicate: string, o: Ref, text: string, confidence: number, rule: string, pattern?: VerbPattern, quote?: string): void {
    if (s.entity === o.entity) return;
    const subject = view.entity(s);
    const object = view.entity(o);
    // "Led by X, the U.S. delegation": who leads a country's delegation, team or forces holds a post of that
    // country; the country's leader is someone else
    let properties: Record<string, string> | undefined;
    if (predicate === 'LEADS' && o.how === 'group' && object.labels.includes('Country')) {
      predicate = 'HOLDS_POSITION';
      properties = { title: `${view.word(o.tokenEnd - 1)} leader` };
    }
    if (pattern?.subject !== undefined && !pattern.subject.includes(subject.type)) return;
    if (pattern?.object !== undefined && !pattern.object.includes(object.type)) return;
    const allowed = this.allowed.get(predicate);
    if (allowed === undefined) return;
    if (allowed.subject !== undefined && !allowed.subject.has(subject.type)) return;
    if (allowed.object !== undefined && !allowed.object.has(object.type)) return;
    if (predicate !== 'STATED' && predicate !== 'ATTACKED' && AGENT_TYPES.has(object.type) === false && subject.type === 'Other') return;
    const relation: LocalRelation = {
      subject: s.entity,
      predicate,
      object: o.entity,
      text,
      confidence,
      sentence: view.index,
      subjectSpan: [s.start, s.end],
      objectSpan: [o.start, o.end],
      rule,
      ...dateOf(view.analysis, view.index),
    };
    if (quote !== undefined) relation.quote = quote;
    if (properties !== undefined) relation.properties = properties;
    this.push(relation);
  }

  private push(relation: LocalRelation): void {
    const key = `${relation.subject}|${relation.predicate}|${relation.object}|${relation.sentence}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.out.push(relation);
  }
}

/** `lemmas` of a verb: the same few hundred verb forms come back in every article; odd words tagged as verbs keep arriving. */
const formsOf = memoised((word): readonly string[] => lemmas(word), 20_000);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function lastVerb(view: SentenceView, vp: Chunk): number {
  for (let i = vp.tokenEnd - 1; i >= vp.tokenStart; i--) if (/^VB/.test(view.pos(i))) return i;
  return -1;
}

function vpHasBe(view: SentenceView, vp: Chunk): boolean {
  for (let i = vp.tokenStart; i < vp.tokenEnd; i++) if (/^(is|are|was|were|be|been|being|get|got|gets)$/.test(view.word(i))) return true;
  return false;
}

function nextComma(view: SentenceView, from: number): number {
  let i = from;
  while (i < view.to && view.word(i) !== ',') i++;
  return i;
}

function hasQuote(view: SentenceView): boolean {
  for (let i = view.from; i < view.to; i++) if (/^("|“|”|``|'')$/.test(view.word(i))) return true;
  return false;
}

/** [from, to) tokens between the first pair of quote marks of the sentence, if it has them */
function quotedTokens(view: SentenceView): [number, number] | undefined {
  const marks: number[] = [];
  for (let i = view.from; i < view.to; i++) if (/^("|“|”|``|'')$/.test(view.word(i))) marks.push(i);
  if (marks.length === 0) return undefined;
  if (marks.length === 1) return marks[0]! - view.from < view.to - marks[0]! ? [marks[0]! + 1, view.to] : [view.from, marks[0]!];
  return [marks[0]! + 1, marks[1]!];
}

/** The quoted words of the sentence, or the sentence itself. */
function quoteOf(view: SentenceView): string {
  const s = view.analysis.sentences[view.index]!;
  const text = view.analysis.text.slice(s.start, s.end);
  const m = /["“]([^"”]{8,})["”]/.exec(text);
  return (m?.[1] ?? text).trim().replace(/,$/, '');
}

function dateOf(analysis: Analysis, sentence: number): { date?: string } {
  const d = analysis.dates.find((x) => x.sentence === sentence && x.value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(x.value));
  return d?.value !== undefined ? { date: d.value } : {};
}
