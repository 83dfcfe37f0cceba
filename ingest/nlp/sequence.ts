/**
 * Greedy left-to-right sequence labelling with a linear model, shared by the part-of-speech tagger and
 * the entity recogniser. Features split into two kinds:
 * - type features: depend only on one word's form at one window offset (its lower case, affixes, shape,
 *   cluster); at run time their summed weights are cached on the WordInfo, per model and offset;
 * - context features: depend on position (previous labels, gazetteer matches, tags, document evidence).
 * Training sees the same features, uncached, so both paths give the same scores.
 */
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
}

const FEATURE_BUFFER = 512;

/** Boundary pseudo-words outside a sentence. */
export function boundaries(cache: WordCache): { before: WordInfo; after: WordInfo } {
  return { before: cache.get('\u0000<s>'), after: cache.get('\u0000</s>') };
}

function neighbour(doc: SequenceDoc, j: number, from: number, to: number, edge: { before: WordInfo; after: WordInfo }): WordInfo {
  return j < from ? edge.before : j >= to ? edge.after : doc.infos[j]!;
}

function best(scores: Float32Array | Float64Array, templates: FeatureTemplates<SequenceDoc>, prev: number, last: boolean): number {
  const c = templates.nClasses;
  const transitions = templates.transitions;
  const endings = templates.endings;
  const row = (prev < 0 ? 0 : prev) * c;
  let arg = -1;
  let max = -Infinity;
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

/** Run-time tagger: a frozen model plus the slot its partial scores occupy in each WordInfo. */
export class SequenceTagger<D extends SequenceDoc> {
  private static nextSlot = 0;
  private readonly slot = SequenceTagger.nextSlot++;
  private readonly feats = new Uint32Array(FEATURE_BUFFER);
  private readonly scores: Float32Array;

  constructor(
    readonly model: LinearModel,
    readonly templates: FeatureTemplates<D>,
  ) {
    this.scores = new Float32Array(model.nClasses);
  }

  /** Labels every token of doc into out (length >= doc.n). */
  tag(doc: D, edge: { before: WordInfo; after: WordInfo }, out: Uint8Array): void {
    const { window } = this.templates;
    const width = 2 * window + 1;
    const c = this.model.nClasses;
    const scores = this.scores;
    for (let s = 0; s < doc.sentenceCount; s++) {
      const from = doc.sentenceStarts[s]!;
      const to = s + 1 < doc.sentenceCount ? doc.sentenceStarts[s + 1]! : doc.n;
      for (let i = from; i < to; i++) {
        if (this.templates.fixed) {
          const f = this.templates.fixed(doc, i, i === from ? -1 : out[i - 1]!);
          if (f >= 0) {
            out[i] = f;
            continue;
          }
        }
        scores.fill(0);
        for (let o = -window; o <= window; o++) {
          const info = neighbour(doc, i + o, from, to, edge);
          let partial = info.scores[this.slot];
          if (partial === undefined) partial = this.partials(info, width, c);
          const base = (o + window) * c;
          for (let k = 0; k < c; k++) scores[k] += partial[base + k]!;
        }
        const n = this.templates.contextFeatures(doc, i, from, to, out, this.feats, 0);
        this.model.addScores(this.feats, n, scores);
        out[i] = best(scores, this.templates as FeatureTemplates<SequenceDoc>, i === from ? -1 : out[i - 1]!, i === to - 1);
      }
    }
  }

  private partials(info: WordInfo, width: number, c: number): Float32Array {
    const partial = new Float32Array(width * c);
    const window = this.templates.window;
    const view = new Float64Array(c);
    for (let o = -window; o <= window; o++) {
      const n = this.templates.typeFeatures(info, o, this.feats, 0);
      view.fill(0);
      this.model.addScores(this.feats, n, view);
      partial.set(view, (o + window) * c);
    }
    info.scores[this.slot] = partial;
    return partial;
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
