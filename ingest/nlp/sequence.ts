/**
 * Greedy left-to-right sequence labelling with a linear model, shared by the part-of-speech tagger and
 * the entity recogniser. Features split into two kinds:
 * - type features: depend only on one word's form at one window offset (its lower case, affixes, shape,
 *   cluster); at run time their summed weights are kept per word, model and offset;
 * - context features: depend on position (previous labels, gazetteer matches, tags, document evidence).
 * Training sees the same features, uncached, so both paths give the same scores.
 */
import { FrozenModel } from './frozen';
import type { LinearModel, PerceptronTrainer } from './perceptron';
import { RowMemory } from './rows';
import type { WordCache, WordInfo } from './words';

/** A document prepared for tagging: one WordInfo per token and sentence bounds in token indices. */
export interface SequenceDoc {
  n: number;
  infos: WordInfo[];
  /** infos[i].id for each token, when the caller has them (the run-time tagger reads ids, not objects) */
  ids?: Int32Array;
  sentenceStarts: Int32Array;
  sentenceCount: number;
}

/** The ids of a document's words, for SequenceDoc.ids. */
export function wordIds(infos: readonly WordInfo[]): Int32Array {
  const ids = new Int32Array(infos.length);
  for (let i = 0; i < infos.length; i++) ids[i] = infos[i]!.id;
  return ids;
}

export interface FeatureTemplates<D extends SequenceDoc> {
  /** window half-width: type features are taken at offsets -window..window */
  readonly window: number;
  readonly nClasses: number;
  typeFeatures(info: WordInfo, offset: number, out: Uint32Array, n: number): number;
  contextFeatures(doc: D, i: number, from: number, to: number, labels: Uint8Array, out: Uint32Array, n: number): number;
  /** transitions[prev * nClasses + next] = 1 when label `next` may follow `prev` (prev 0 at a sentence start) */
  readonly transitions?: Uint8Array;
  /** endings[label] = 1 when a sentence may end on label */
  readonly endings?: Uint8Array;
  /**
   * A label decided without scoring (a closed-class word, a lower-case word that cannot open an entity),
   * or -1. Applied the same way in training and tagging; it is most of the speed.
   */
  fixed?(doc: D, i: number, prev: number): number;
  /**
   * `fixed` split for run time, so the word's part is computed once per word: fixed(doc, i, prev) is
   * keepsOpen(prev) ? -1 : fixedByWord(doc.infos[i]). Templates with `fixed` that depends on more than
   * these two must leave them out.
   */
  fixedByWord?(info: WordInfo): number;
  keepsOpen?(prev: number): boolean;
  /**
   * The run-time form of contextFeatures over a frozen model (the same features, some summed ahead into
   * tables placed in the tagger's memory), leaving out those of `labelWordFeatures`, which the tagger adds.
   */
  compile?(model: FrozenModel, memory: RowMemory): ContextScorer<D>;
  /**
   * The context features that pair the previous label with the word itself (for compiled scorers): the
   * tagger keeps their sum per word for the previous labels 0 and 255 (sentence start), by far the
   * most common, and probes them otherwise.
   */
  labelWordFeatures?(info: WordInfo, prev: number, out: Uint32Array, n: number): number;
}

const FEATURE_BUFFER = 512;

/** Boundary pseudo-words outside a sentence. */
export function boundaries(cache: WordCache): { before: WordInfo; after: WordInfo } {
  return { before: cache.get('\u0000<s>'), after: cache.get('\u0000</s>') };
}

function neighbour(doc: SequenceDoc, j: number, from: number, to: number, edge: { before: WordInfo; after: WordInfo }): WordInfo {
  return j < from ? edge.before : j >= to ? edge.after : doc.infos[j]!;
}

function best(scores: Int32Array | Float64Array, templates: FeatureTemplates<SequenceDoc>, prev: number, last: boolean): number {
  const c = templates.nClasses;
  const transitions = templates.transitions;
  const endings = templates.endings;
  const row = (prev < 0 ? 0 : prev) * c;
  let arg = -1;
  let max = -Infinity;
  // no label ruled out (the tagger of parts of speech): the plain first maximum
  if (transitions === undefined && (endings === undefined || !last)) {
    for (let k = 0; k < c; k++) {
      if (scores[k]! > max) {
        max = scores[k]!;
        arg = k;
      }
    }
    return arg < 0 ? 0 : arg;
  }
  for (let k = 0; k < c; k++) {
    if (transitions !== undefined && transitions[row + k] === 0) continue;
    if (last && endings !== undefined && endings[k] === 0) continue;
    if (scores[k]! > max) {
      max = scores[k]!;
      arg = k;
    }
  }
  return arg < 0 ? 0 : arg;
}

/** The context features of token i at run time: one of the two forms. */
export interface ContextScorer<D extends SequenceDoc> {
  /** Adds the weights of token i's context features into scores, one key at a time (the reference). */
  add?(doc: D, i: number, from: number, to: number, labels: Uint8Array, scores: Int32Array): void;
  /**
   * The compiled form: writes the byte offsets, in the tagger's RowMemory, of the rows whose sum is what
   * `add` adds (rows of tables summed ahead, the model's rows for the rest) from list[m] on, and returns
   * the new count. `ids` are the document's word ids in `words`, whose arrays it reads rather than the infos.
   */
  rows?(doc: D, i: number, from: number, to: number, labels: Uint8Array, list: Int32Array, m: number, ids: Int32Array, words: WordCache): number;
}

/** Context features scored one key at a time: the reference the compiled scorers must agree with. */
export function keyScorer<D extends SequenceDoc>(templates: FeatureTemplates<D>, model: FrozenModel): ContextScorer<D> {
  const feats = new Uint32Array(FEATURE_BUFFER);
  return {
    add(doc, i, from, to, labels, scores) {
      const n = templates.contextFeatures(doc, i, from, to, labels, feats, 0);
      for (let f = 0; f < n; f++) model.add(feats[f]!, scores, 0);
    },
  };
}

const UNKNOWN = -2;
/**
 * Rows one token's list can hold: its window, label-word rows, tables and probes (a few dozen; gazetteer
 * codes, the only open-ended part, are a handful per token).
 */
const LIST_ROWS = 1024;

/**
 * Run-time tagger over a frozen model. What depends on a word alone (its partial scores at each window
 * offset, a label fixed by the word) is computed once per word of the cache and kept by the word's id;
 * the cache's `generation` says when ids were reused. A token's score is then the sum of a few dozen
 * rows (its words' partial scores, tables summed ahead, model rows), added and compared in WebAssembly
 * four classes at a time (rows.ts).
 */
export class SequenceTagger<D extends SequenceDoc> {
  readonly model: FrozenModel;
  private readonly context: ContextScorer<D>;
  private readonly feats = new Uint32Array(FEATURE_BUFFER);
  private readonly memory: RowMemory;
  /** byte offsets in `memory`: the scores, the list of rows to add, the label masks, the word rows */
  private readonly scoresAt: number;
  private readonly listAt: number;
  private readonly masksAt: number;
  private readonly wordRowsAt: number;
  /** whether the mask depends on the previous label and the sentence end (else one mask allows all) */
  private readonly masked: boolean;
  /** bytes per word: its window blocks, then (when the templates pair labels with words) prev 0 and 255 */
  private readonly wordStride: number;
  private readonly labelWord: boolean;
  /** per word id: the label the word alone fixes, -1 for none, UNKNOWN before it is asked */
  private fixedOf = new Int16Array(0);
  /**
   * per word id, a bit for each block of its row already summed: blocks are summed when first needed,
   * because most words are only ever seen at some offsets (a lower-case word next to a name, never scored
   * itself by the recogniser). A word's row is its id: ids are dense, and the cache renumbers them
   */
  private summed = new Uint8Array(0);
  /** word rows the memory holds */
  private capacity = 0;
  private generation = -1;
  /** views of the list and the scores, taken again when the memory grows */
  private list!: Int32Array;
  private scores!: Int32Array;
  /** the word (its id, which is its row) at each window offset of the token being scored */
  private readonly blockRows: Int32Array;

  constructor(
    model: LinearModel | FrozenModel,
    readonly templates: FeatureTemplates<D>,
    private readonly cache: WordCache,
    compiled = true,
  ) {
    this.model = model instanceof FrozenModel ? model : new FrozenModel(model);
    const c = this.model.nClasses;
    const memory = (this.memory = new RowMemory(c));
    this.scoresAt = memory.alloc(memory.rowBytes);
    this.listAt = memory.alloc(LIST_ROWS * 4);
    this.masked = templates.transitions !== undefined || templates.endings !== undefined;
    this.masksAt = memory.place(labelMasks(templates, c, this.masked));
    memory.placeWeights(this.model);
    this.context = compiled && templates.compile ? templates.compile(this.model, memory) : keyScorer(templates, this.model);
    this.labelWord = compiled && templates.compile !== undefined && templates.labelWordFeatures !== undefined;
    // one bit per block in `summed`
    if (2 * templates.window + 3 > 8) throw new Error(`a window of ${templates.window} has more blocks than the tagger tracks`);
    this.blockRows = new Int32Array(2 * templates.window + 1);
    this.wordStride = (2 * templates.window + 1 + (this.labelWord ? 2 : 0)) * memory.rowBytes;
    // the word rows grow, so they come after everything placed above
    this.wordRowsAt = memory.end;
    this.views();
  }

  /** Labels every token of doc into out (length >= doc.n). */
  tag(doc: D, edge: { before: WordInfo; after: WordInfo }, out: Uint8Array): void {
    this.sync();
    const templates = this.templates;
    const window = templates.window;
    const byWord = templates.fixedByWord !== undefined;
    const context = this.context;
    const memory = this.memory;
    const rowBytes = memory.rowBytes;
    const wordStride = this.wordStride;
    const wordRowsAt = this.wordRowsAt;
    const blockRows = this.blockRows;
    const ids = doc.ids ?? wordIds(doc.infos);
    const beforeId = edge.before.id;
    const afterId = edge.after.id;
    for (let s = 0; s < doc.sentenceCount; s++) {
      const from = doc.sentenceStarts[s]!;
      const to = s + 1 < doc.sentenceCount ? doc.sentenceStarts[s + 1]! : doc.n;
      for (let i = from; i < to; i++) {
        const prev = i === from ? -1 : out[i - 1]!;
        if (byWord) {
          if (templates.keepsOpen === undefined || !templates.keepsOpen(prev)) {
            const id = ids[i]!;
            let f = this.fixedOf[id]!;
            if (f === UNKNOWN) f = this.fixedOf[id] = templates.fixedByWord!(doc.infos[i]!);
            if (f >= 0) {
              out[i] = f;
              continue;
            }
          }
        } else if (templates.fixed) {
          const f = templates.fixed(doc, i, prev);
          if (f >= 0) {
            out[i] = f;
            continue;
          }
        }
        // first make sure the word blocks are summed, then list them
        for (let o = -window; o <= window; o++) {
          const j = i + o;
          const id = j < from ? beforeId : j >= to ? afterId : ids[j]!;
          const block = o + window;
          if ((this.summed[id]! & (1 << block)) === 0) this.sum(j < from ? edge.before : j >= to ? edge.after : doc.infos[j]!, id, block);
          blockRows[block] = id;
        }
        let probe = -1;
        let wordBlock = -1;
        if (this.labelWord) {
          const p1 = i > from ? out[i - 1]! : 255;
          if (p1 === 0 || p1 === 255) {
            wordBlock = 2 * window + (p1 === 0 ? 1 : 2);
            const row = blockRows[window]!;
            if ((this.summed[row]! & (1 << wordBlock)) === 0) this.sum(doc.infos[i]!, row, wordBlock);
          } else probe = p1;
        }
        const list = this.list;
        let m = 0;
        for (let b = 0; b <= 2 * window; b++) list[m++] = wordRowsAt + blockRows[b]! * wordStride + b * rowBytes;
        if (wordBlock >= 0) list[m++] = wordRowsAt + blockRows[window]! * wordStride + wordBlock * rowBytes;
        else if (probe >= 0) {
          const n = templates.labelWordFeatures!(doc.infos[i]!, probe, this.feats, 0);
          for (let f = 0; f < n; f++) {
            const row = memory.weightRow(this.feats[f]!);
            if (row >= 0) list[m++] = row;
          }
        }
        const mask = this.masked ? this.masksAt + ((prev < 0 ? 0 : prev) * 2 + (i === to - 1 ? 1 : 0)) * rowBytes : this.masksAt;
        if (context.rows !== undefined) {
          m = context.rows(doc, i, from, to, out, list, m, ids, this.cache);
          if (m > LIST_ROWS) throw new Error(`a token with ${m} feature rows; the tagger adds up at most ${LIST_ROWS}`);
          out[i] = memory.best(this.scoresAt, this.listAt, m, mask);
        } else {
          memory.sum(this.scoresAt, this.listAt, m);
          context.add!(doc, i, from, to, out, this.scores);
          out[i] = memory.pick(this.scoresAt, mask);
        }
      }
    }
  }

  private views(): void {
    const buffer = this.memory.i32.buffer;
    this.list = new Int32Array(buffer, this.listAt, LIST_ROWS);
    this.scores = new Int32Array(buffer, this.scoresAt, this.model.nClasses);
  }

  /**
   * Follows the cache when it has reused ids (keeping what was computed for the words it kept, or starting
   * afresh when more than one trim went by), and makes room for every id.
   */
  private sync(): void {
    if (this.generation !== this.cache.generation) {
      const remap = this.cache.generation === this.generation + 1 ? this.cache.remap : undefined;
      this.generation = this.cache.generation;
      if (remap) this.compact(remap);
      else {
        this.fixedOf.fill(UNKNOWN);
        // a row whose blocks are not marked summed is summed afresh before it is read
        this.summed.fill(0);
      }
    }
    const size = this.cache.size;
    if (this.capacity < size) {
      const capacity = Math.max(1024, size * 2, this.capacity * 2);
      if (this.memory.reserve(this.wordRowsAt + capacity * this.wordStride)) this.views();
      const fixedOf = new Int16Array(capacity).fill(UNKNOWN);
      fixedOf.set(this.fixedOf);
      this.fixedOf = fixedOf;
      const summed = new Uint8Array(capacity);
      summed.set(this.summed);
      this.summed = summed;
      this.capacity = capacity;
    }
  }

  /**
   * Moves the rows and fixed labels of the words the cache kept to their new ids. The cache renumbers
   * the words it keeps in their old order, so a new id is never above the old one and the rows can move
   * down in place, in order.
   */
  private compact(remap: Int32Array): void {
    const fixedOf = new Int16Array(this.capacity).fill(UNKNOWN);
    const summed = new Uint8Array(this.capacity);
    const i32 = this.memory.i32;
    const ints = this.wordStride >> 2;
    const base = this.wordRowsAt >> 2;
    const olds = Math.min(remap.length, this.capacity);
    for (let old = 0; old < olds; old++) {
      const id = remap[old]!;
      if (id < 0) continue;
      if (id > old) throw new Error('the word cache renumbered a word upwards');
      fixedOf[id] = this.fixedOf[old]!;
      summed[id] = this.summed[old]!;
      if (summed[id] !== 0 && id !== old) i32.copyWithin(base + id * ints, base + old * ints, base + (old + 1) * ints);
    }
    this.fixedOf = fixedOf;
    this.summed = summed;
  }

  /** Sums one block of a word's partial scores: a window offset (block 0..2w), or a label-word block. */
  private sum(info: WordInfo, id: number, block: number): void {
    const window = this.templates.window;
    const n =
      block <= 2 * window
        ? this.templates.typeFeatures(info, block - window, this.feats, 0)
        : this.templates.labelWordFeatures!(info, block === 2 * window + 1 ? 0 : 255, this.feats, 0);
    const memory = this.memory;
    const list = this.list;
    let m = 0;
    for (let f = 0; f < n; f++) {
      const weights = memory.weightRow(this.feats[f]!);
      if (weights >= 0) list[m++] = weights;
    }
    memory.sum(this.wordRowsAt + id * this.wordStride + block * memory.rowBytes, this.listAt, m);
    this.summed[id] |= 1 << block;
  }
}

/**
 * Per previous label (0 at a sentence start) and sentence end, the labels `best` allows, as int32 lanes of
 * all ones: one row allowing every label when the templates rule none out.
 */
function labelMasks<D extends SequenceDoc>(templates: FeatureTemplates<D>, c: number, masked: boolean): Int32Array {
  const rows = masked ? 2 * c : 1;
  const masks = new Int32Array(rows * c);
  for (let r = 0; r < rows; r++) {
    const prev = r >> 1;
    const last = (r & 1) === 1;
    for (let k = 0; k < c; k++) {
      const follows = templates.transitions === undefined || templates.transitions[prev * c + k] !== 0;
      const ends = !last || templates.endings === undefined || templates.endings[k] !== 0;
      masks[r * c + k] = follows && ends ? -1 : 0;
    }
  }
  return masks;
}

/**
 * One training pass over docs in the given order: tag greedily with the current weights, update where the
 * guess differs from gold. Returns the share of tokens guessed right.
 */
export function trainPass<D extends SequenceDoc>(
  docs: readonly D[],
  gold: (doc: D) => Uint8Array,
  templates: FeatureTemplates<D>,
  trainer: PerceptronTrainer,
  edge: { before: WordInfo; after: WordInfo },
): number {
  const feats = new Uint32Array(FEATURE_BUFFER);
  const scores = new Float64Array(templates.nClasses);
  let right = 0;
  let total = 0;
  for (const doc of docs) {
    const labels = new Uint8Array(doc.n);
    const truth = gold(doc);
    for (let s = 0; s < doc.sentenceCount; s++) {
      const from = doc.sentenceStarts[s]!;
      const to = s + 1 < doc.sentenceCount ? doc.sentenceStarts[s + 1]! : doc.n;
      for (let i = from; i < to; i++) {
        total++;
        const f = templates.fixed ? templates.fixed(doc, i, i === from ? -1 : labels[i - 1]!) : -1;
        if (f >= 0) {
          labels[i] = f;
          if (f === truth[i]) right++;
          continue;
        }
        let n = 0;
        for (let o = -templates.window; o <= templates.window; o++) {
          n = templates.typeFeatures(neighbour(doc, i + o, from, to, edge), o, feats, n);
        }
        n = templates.contextFeatures(doc, i, from, to, labels, feats, n);
        trainer.score(feats, n, scores);
        const guess = best(scores, templates as FeatureTemplates<SequenceDoc>, i === from ? -1 : labels[i - 1]!, i === to - 1);
        trainer.update(feats, n, truth[i]!, guess);
        labels[i] = guess;
        if (guess === truth[i]) right++;
      }
    }
  }
  return total === 0 ? 1 : right / total;
}

/** Tags with a trainer's current (unaveraged) or a frozen model without caching: for jackknifing. */
export function tagUncached<D extends SequenceDoc>(
  doc: D,
  templates: FeatureTemplates<D>,
  model: LinearModel,
  edge: { before: WordInfo; after: WordInfo },
): Uint8Array {
  const feats = new Uint32Array(FEATURE_BUFFER);
  const scores = new Float64Array(templates.nClasses);
  const labels = new Uint8Array(doc.n);
  for (let s = 0; s < doc.sentenceCount; s++) {
    const from = doc.sentenceStarts[s]!;
    const to = s + 1 < doc.sentenceCount ? doc.sentenceStarts[s + 1]! : doc.n;
    for (let i = from; i < to; i++) {
      const f = templates.fixed ? templates.fixed(doc, i, i === from ? -1 : labels[i - 1]!) : -1;
      if (f >= 0) {
        labels[i] = f;
        continue;
      }
      let n = 0;
      for (let o = -templates.window; o <= templates.window; o++) {
        n = templates.typeFeatures(neighbour(doc, i + o, from, to, edge), o, feats, n);
      }
      n = templates.contextFeatures(doc, i, from, to, labels, feats, n);
      scores.fill(0);
      model.addScores(feats, n, scores);
      labels[i] = best(scores, templates as FeatureTemplates<SequenceDoc>, i === from ? -1 : labels[i - 1]!, i === to - 1);
    }
  }
  return labels;
}
