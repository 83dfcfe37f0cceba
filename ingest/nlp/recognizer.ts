/**
 * The statistical layer over tokens: part-of-speech tags, then entity labels in two stages. Built once
 * from a model bundle and reused; tagging a document allocates a handful of typed arrays, not objects
 * per token.
 */
import { Gazetteer } from './gazetteer';
import { parseLexicon } from './lexicon';
import type { ModelBundle } from './model-file';
import { NerTemplates, type NerDoc } from './ner-features';
import { aggregateLabels, documentEvidence } from './ner-doc';
import { PosTemplates } from './pos-features';
import { SequenceTagger, boundaries, wordIds, type SequenceDoc } from './sequence';
import { WordCache, type WordInfo } from './words';

export interface TaggedTokens {
  /** part-of-speech tag id per token (names in Recognizer.posTags) */
  pos: Uint8Array;
  /** BILOU entity label per token (see labels.ts) */
  entities: Uint8Array;
}

export class Recognizer {
  readonly posTags: readonly string[];
  readonly cache: WordCache;
  readonly gazetteer: Gazetteer;
  private readonly pos: SequenceTagger<SequenceDoc>;
  private readonly ner1: SequenceTagger<NerDoc>;
  private readonly ner2: SequenceTagger<NerDoc>;
  private readonly edge: { before: WordInfo; after: WordInfo };

  /**
   * @param compiled score context features through the compiled tables (the default); false scores
   * every feature key one by one, the reference the tables must agree with
   */
  constructor(bundle: ModelBundle, compiled = true) {
    this.posTags = bundle.posTags;
    this.cache = new WordCache(parseLexicon(bundle.lexicon));
    this.gazetteer = new Gazetteer(bundle.gazetteers);
    const tags = bundle.posTags.length;
    this.pos = new SequenceTagger(bundle.models.pos, new PosTemplates(tags, bundle.posDictionary), this.cache, compiled);
    const starters = new Set(bundle.entityStarters);
    this.ner1 = new SequenceTagger(bundle.models.ner1, new NerTemplates(1, starters, tags), this.cache, compiled);
    this.ner2 = new SequenceTagger(bundle.models.ner2, new NerTemplates(2, starters, tags), this.cache, compiled);
    this.edge = boundaries(this.cache);
  }

  /** Tags a document given as token strings and sentence starts (token indices, ascending, first 0). */
  tag(words: readonly string[], sentenceStarts: Int32Array, sentenceCount = sentenceStarts.length): TaggedTokens {
    this.between();
    const infos: WordInfo[] = new Array(words.length);
    for (let i = 0; i < words.length; i++) infos[i] = this.cache.get(words[i]!);
    return this.tagInfos(infos, sentenceStarts, sentenceCount);
  }

  /**
   * The word infos of a text's tokens, for `tagInfos` (their `word` is the token's text). Each call starts
   * a new document: the infos of the one before must no longer be in use.
   */
  lookUp(text: string, starts: Int32Array, ends: Int32Array, count: number): WordInfo[] {
    this.between();
    const infos: WordInfo[] = new Array(count);
    for (let i = 0; i < count; i++) infos[i] = this.cache.at(text, starts[i]!, ends[i]!);
    return infos;
  }

  /** Tags a document given as the infos `lookUp` returned and sentence starts (token indices, ascending, first 0). */
  tagInfos(infos: WordInfo[], sentenceStarts: Int32Array, sentenceCount = sentenceStarts.length): TaggedTokens {
    const n = infos.length;
    const pos = new Uint8Array(n);
    const ids = wordIds(infos);
    const base: SequenceDoc = { n, infos, ids, sentenceStarts, sentenceCount };
    this.pos.tag(base, this.edge, pos);
    const doc: NerDoc = {
      ...base,
      pos,
      gazetteer: this.gazetteer.match(ids, this.cache, sentenceStarts, sentenceCount),
      evidence: documentEvidence(ids, this.cache, sentenceStarts, sentenceCount),
    };
    const stage1 = new Uint8Array(n);
    this.ner1.tag(doc, this.edge, stage1);
    doc.stage1 = stage1;
    doc.aggregate = aggregateLabels(ids, this.cache, sentenceStarts, sentenceCount, stage1);
    const entities = new Uint8Array(n);
    this.ner2.tag(doc, this.edge, entities);
    return { pos, entities };
  }

  /** Between documents: the cache is bounded, and no document's infos are in use now. */
  private between(): void {
    this.cache.trim([this.edge.before, this.edge.after]);
  }
}
