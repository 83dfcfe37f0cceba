/**
 * Greedy left-to-right sequence labelling with a linear model, shared by the part-of-speech tagger and
 * the entity recogniser. Features split into two kinds:
 * - type features: depend only on one word's form at one window offset (its lower case, affixes, shape,
 *   cluster); at run time their summed weights are cached on the WordInfo, per model and offset;
 * - context features: depend on position (previous labels, gazetteer matches, tags, document evidence).
 * Training sees the same features, uncached, so both paths give the same scores.
 */
import { FrozenModel } from './frozen';
import type { LinearModel, PerceptronTrainer } from './perceptron';
import type { WordCache, WordInfo } from './words';

/** A document prepared for tagging: one WordInfo per token and sentence bounds in token indices. */
export interface SequenceDoc {
  n: number;
  infos: WordInfo[];
  sentenceStarts: Int32Array;
  sentenceCount: number;
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
   * The run-time form of contextFeatures over a frozen model (the same features, some summed ahead),
   * leaving out those of `labelWordFeatures`, which the tagger adds.
   */
  compile?(model: FrozenModel): ContextScorer<D>;
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

/**
 * scores = the sum of the m rows chunks[b][bases[b] .. + c): six rows in the first pass, then four at a
 * time, so each class is stored a few times rather than once per row.
 */
function sumBlocks(scores: Int32Array, c: number, chunks: Int32Array[], bases: number[], m: number): void {
  let b = 0;
  if (m >= 6) {
    const c0 = chunks[0]!, c1 = chunks[1]!, c2 = chunks[2]!, c3 = chunks[3]!, c4 = chunks[4]!, c5 = chunks[5]!;
    const b0 = bases[0]!, b1 = bases[1]!, b2 = bases[2]!, b3 = bases[3]!, b4 = bases[4]!, b5 = bases[5]!;
    for (let k = 0; k < c; k++) scores[k] = c0[b0 + k]! + c1[b1 + k]! + c2[b2 + k]! + c3[b3 + k]! + c4[b4 + k]! + c5[b5 + k]!;
    b = 6;
  } else scores.fill(0);
  for (; b + 4 <= m; b += 4) {
    const c0 = chunks[b]!, c1 = chunks[b + 1]!, c2 = chunks[b + 2]!, c3 = chunks[b + 3]!;
    const b0 = bases[b]!, b1 = bases[b + 1]!, b2 = bases[b + 2]!, b3 = bases[b + 3]!;
    for (let k = 0; k < c; k++) scores[k] += c0[b0 + k]! + c1[b1 + k]! + c2[b2 + k]! + c3[b3 + k]!;
  }
  for (; b < m; b++) {
    const c0 = chunks[b]!;
    const b0 = bases[b]!;
    for (let k = 0; k < c; k++) scores[k] += c0[b0 + k]!;
  }
}

/** The context features of token i, added straight into integer scores (run time). */
export interface ContextScorer<D extends SequenceDoc> {
  add(doc: D, i: number, from: number, to: number, labels: Uint8Array, scores: Int32Array): void;
  /**
   * `add` in two parts, for the tagger to add every table row in the same pass as the word blocks:
   * `tables` puts the rows of summed tables that `add` adds at chunks[m], bases[m] onwards and returns
   * the new count; `probes` adds the rest. Together they add exactly what `add` does.
   */
  tables?(doc: D, i: number, from: number, to: number, labels: Uint8Array, chunks: Int32Array[], bases: number[], m: number): number;
  probes?(doc: D, i: number, from: number, to: number, labels: Uint8Array, scores: Int32Array): void;
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
const CHUNK_BITS = 10;
const CHUNK_ROWS = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_ROWS - 1;

/**
 * Run-time tagger over a frozen model. What depends on a word alone (its partial scores at each window
 * offset, a label fixed by the word) is computed once per word of the cache and kept in typed arrays
 * indexed by the word's id; the cache's `generation` says when ids were reused.
 */
export class SequenceTagger<D extends SequenceDoc> {
  readonly model: FrozenModel;
  private readonly context: ContextScorer<D>;
  private readonly feats = new Uint32Array(FEATURE_BUFFER);
  private readonly scores: Int32Array;
  private readonly stride: number;
  /** partials per word: the window offsets, then (when the templates pair labels with words) prev 0 and 255 */
  private readonly windowStride: number;
  private readonly labelWord: boolean;
  /** per word id: its row in `partials`, or -1 */
  private rowOf = new Int32Array(0);
  /** per word id: the label the word alone fixes, -1 for none, UNKNOWN before it is asked */
  private fixedOf = new Int16Array(0);
  /** partial scores, CHUNK_ROWS words a chunk: memory follows the words seen, with no copying as it grows */
  private chunks: Int32Array[] = [];
  /**
   * per row, a bit for each block of partials already summed (the window offsets, then the two label-word
   * blocks): blocks are summed when first needed, because most words are only ever seen at some offsets
   * (a lower-case word next to a name, never scored itself by the recogniser)
   */
  private summed: Uint8Array[] = [];
  private rows = 0;
  /** rows below this may hold the scores of words from before a reset (rows in fresh chunks are zero) */
  private staleRows = 0;
  private generation = -1;
  /** the word blocks one token adds up: where each sits (reused, so tagging allocates nothing per token) */
  private readonly blockChunks: Int32Array[] = [];
  private readonly blockBases: number[] = [];

  constructor(
    model: LinearModel | FrozenModel,
    readonly templates: FeatureTemplates<D>,
    private readonly cache: WordCache,
    compiled = true,
  ) {
    this.model = model instanceof FrozenModel ? model : new FrozenModel(model);
    this.context = compiled && templates.compile ? templates.compile(this.model) : keyScorer(templates, this.model);
    this.labelWord = compiled && templates.compile !== undefined && templates.labelWordFeatures !== undefined;
    this.scores = new Int32Array(this.model.nClasses);
    // one bit per block in `summed`
    if (2 * templates.window + 3 > 8) throw new Error(`a window of ${templates.window} has more blocks than the tagger tracks`);
    this.windowStride = (2 * templates.window + 1) * this.model.nClasses;
    this.stride = this.windowStride + (this.labelWord ? 2 * this.model.nClasses : 0);
  }

  /** Labels every token of doc into out (length >= doc.n). */
  tag(doc: D, edge: { before: WordInfo; after: WordInfo }, out: Uint8Array): void {
    this.sync();
    const templates = this.templates;
    const window = templates.window;
    const c = this.model.nClasses;
    const scores = this.scores;
    const byWord = templates.fixedByWord !== undefined;
    const context = this.context;
    const split = context.tables !== undefined && context.probes !== undefined;
    for (let s = 0; s < doc.sentenceCount; s++) {
      const from = doc.sentenceStarts[s]!;
      const to = s + 1 < doc.sentenceCount ? doc.sentenceStarts[s + 1]! : doc.n;
      for (let i = from; i < to; i++) {
        const prev = i === from ? -1 : out[i - 1]!;
        if (byWord) {
          if (templates.keepsOpen === undefined || !templates.keepsOpen(prev)) {
            const id = doc.infos[i]!.id;
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
        // find the word blocks first, then add them in one pass: one store per class instead of one per block
        const blockChunks = this.blockChunks;
        const blockBases = this.blockBases;
        let m = 0;
        for (let o = -window; o <= window; o++) {
          const j = i + o;
          const info = j < from ? edge.before : j >= to ? edge.after : doc.infos[j]!;
          let row = this.rowOf[info.id]!;
          if (row < 0) row = this.newRow(info);
          const block = o + window;
          if ((this.summed[row >> CHUNK_BITS]![row & CHUNK_MASK]! & (1 << block)) === 0) this.sum(info, row, block);
          blockChunks[m] = this.chunks[row >> CHUNK_BITS]!;
          blockBases[m++] = (row & CHUNK_MASK) * this.stride + block * c;
        }
        let probe = -1;
        if (this.labelWord) {
          const p1 = i > from ? out[i - 1]! : 255;
          if (p1 === 0 || p1 === 255) {
            const row = this.rowOf[doc.infos[i]!.id]!;
            const block = 2 * window + (p1 === 0 ? 1 : 2);
            if ((this.summed[row >> CHUNK_BITS]![row & CHUNK_MASK]! & (1 << block)) === 0) this.sum(doc.infos[i]!, row, block);
            blockChunks[m] = this.chunks[row >> CHUNK_BITS]!;
            blockBases[m++] = (row & CHUNK_MASK) * this.stride + block * c;
          } else probe = p1;
        }
        if (split) m = context.tables!(doc, i, from, to, out, blockChunks, blockBases, m);
        sumBlocks(scores, c, blockChunks, blockBases, m);
        if (probe >= 0) {
          const n = templates.labelWordFeatures!(doc.infos[i]!, probe, this.feats, 0);
          for (let f = 0; f < n; f++) this.model.add(this.feats[f]!, scores, 0);
        }
        if (split) context.probes!(doc, i, from, to, out, scores);
        else context.add(doc, i, from, to, out, scores);
        out[i] = best(scores, templates as FeatureTemplates<SequenceDoc>, prev, i === to - 1);
      }
    }
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
        this.rowOf.fill(-1);
        this.fixedOf.fill(UNKNOWN);
        // the rows are reused from 0: those below here still hold the old words' scores
        this.staleRows = Math.max(this.staleRows, this.rows);
        this.rows = 0;
      }
    }
    const size = this.cache.size;
    if (this.rowOf.length < size) {
      const length = Math.max(1024, size * 2, this.rowOf.length * 2);
      const rowOf = new Int32Array(length).fill(-1);
      rowOf.set(this.rowOf);
      this.rowOf = rowOf;
      const fixedOf = new Int16Array(length).fill(UNKNOWN);
      fixedOf.set(this.fixedOf);
      this.fixedOf = fixedOf;
    }
  }

  /** Moves the partial scores and fixed labels of the words the cache kept to their new ids, in fresh chunks. */
  private compact(remap: Int32Array): void {
    const length = Math.max(1024, this.cache.size * 2);
    const rowOf = new Int32Array(length).fill(-1);
    const fixedOf = new Int16Array(length).fill(UNKNOWN);
    const chunks: Int32Array[] = [];
    const summed: Uint8Array[] = [];
    let rows = 0;
    const stride = this.stride;
    const olds = Math.min(remap.length, this.rowOf.length);
    for (let old = 0; old < olds; old++) {
      const id = remap[old]!;
      if (id < 0) continue;
      fixedOf[id] = this.fixedOf[old]!;
      const from = this.rowOf[old]!;
      if (from < 0) continue;
      const row = rows++;
      if (row >> CHUNK_BITS >= chunks.length) {
        chunks.push(new Int32Array(CHUNK_ROWS * stride));
        summed.push(new Uint8Array(CHUNK_ROWS));
      }
      const at = (from & CHUNK_MASK) * stride;
      chunks[row >> CHUNK_BITS]!.set(this.chunks[from >> CHUNK_BITS]!.subarray(at, at + stride), (row & CHUNK_MASK) * stride);
      summed[row >> CHUNK_BITS]![row & CHUNK_MASK] = this.summed[from >> CHUNK_BITS]![from & CHUNK_MASK]!;
      rowOf[id] = row;
    }
    this.rowOf = rowOf;
    this.fixedOf = fixedOf;
    this.chunks = chunks;
    this.summed = summed;
    this.rows = rows;
    this.staleRows = 0;
  }

  /** A zeroed row for a word, none of its blocks summed yet. */
  private newRow(info: WordInfo): number {
    const row = this.rows++;
    if (row >> CHUNK_BITS >= this.chunks.length) {
      this.chunks.push(new Int32Array(CHUNK_ROWS * this.stride));
      this.summed.push(new Uint8Array(CHUNK_ROWS));
    }
    // a fresh chunk is zeroed already; only a row used before a reset needs clearing
    if (row < this.staleRows) this.chunks[row >> CHUNK_BITS]!.fill(0, (row & CHUNK_MASK) * this.stride, ((row & CHUNK_MASK) + 1) * this.stride);
    this.summed[row >> CHUNK_BITS]![row & CHUNK_MASK] = 0;
    this.rowOf[info.id] = row;
    return row;
  }

  /** Sums one block of a word's partial scores: a window offset (block 0..2w), or a label-word block. */
  private sum(info: WordInfo, row: number, block: number): void {
    const chunk = this.chunks[row >> CHUNK_BITS]!;
    const at = (row & CHUNK_MASK) * this.stride + block * this.model.nClasses;
    const window = this.templates.window;
    const n =
      block <= 2 * window
        ? this.templates.typeFeatures(info, block - window, this.feats, 0)
        : this.templates.labelWordFeatures!(info, block === 2 * window + 1 ? 0 : 255, this.feats, 0);
    for (let f = 0; f < n; f++) this.model.add(this.feats[f]!, chunk, at);
    this.summed[row >> CHUNK_BITS]![row & CHUNK_MASK]! |= 1 << block;
  }

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
