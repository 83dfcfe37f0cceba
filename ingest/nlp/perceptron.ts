/**
 * A multi-class linear model over hashed binary features: the frozen form used at run time, and the
 * averaged-perceptron trainer that produces it. One row of `nClasses` weights per feature key, laid out
 * contiguously so scoring a feature is one table probe and a short run of adds.
 */
import { KeyTable } from './hash';

export class LinearModel {
  /**
   * @param weights float weights (as trained), or int16 steps of `scale` (as stored in the model file:
   * the run-time tagger sums those as integers, see frozen.ts)
   */
  constructor(
    readonly nClasses: number,
    readonly table: KeyTable,
    readonly weights: Float32Array | Int16Array,
    readonly scale = 1,
  ) {}

  /** Adds the weights of feats[0, n) into out (length nClasses). */
  addScores(feats: Uint32Array, n: number, out: Float32Array | Float64Array): void {
    const c = this.nClasses;
    const w = this.weights;
    const scale = this.scale;
    for (let f = 0; f < n; f++) {
      const row = this.table.get(feats[f]!);
      if (row < 0) continue;
      const base = row * c;
      for (let k = 0; k < c; k++) out[k] += w[base + k]! * scale;
    }
  }

  /** Number of feature rows. */
  get size(): number {
    return this.weights.length / this.nClasses;
  }
}

/**
 * Averaged perceptron (Collins 2002) with the "w - u/t" trick for averaging, so an update touches only
 * the weights it changes.
 */
export class PerceptronTrainer {
  private table = new KeyTable(1 << 18);
  private w: Float32Array;
  private u: Float64Array;
  private rows = 0;
  private t = 1;

  constructor(readonly nClasses: number) {
    this.w = new Float32Array(nClasses * 4096);
    this.u = new Float64Array(nClasses * 4096);
  }

  score(feats: Uint32Array, n: number, out: Float64Array): void {
    out.fill(0);
    const c = this.nClasses;
    for (let f = 0; f < n; f++) {
      const row = this.table.get(feats[f]!);
      if (row < 0) continue;
      const base = row * c;
      for (let k = 0; k < c; k++) out[k] += this.w[base + k]!;
    }
  }

  /** Moves weight from the guessed class to the gold one (no-op when they agree); counts one instance. */
  update(feats: Uint32Array, n: number, gold: number, guess: number): void {
    if (gold !== guess) {
      const c = this.nClasses;
      for (let f = 0; f < n; f++) {
        const base = this.row(feats[f]!) * c;
        this.w[base + gold] += 1;
        this.u[base + gold] += this.t;
        this.w[base + guess] -= 1;
        this.u[base + guess] -= this.t;
      }
    }
    this.t++;
  }

  /**
   * The averaged weights, without rows whose largest absolute weight is below `prune` (they change no
   * decision worth keeping and would only bloat the model file).
   */
  finish(prune = 0): LinearModel {
    const c = this.nClasses;
    const keep: number[] = [];
    const rowOf: number[] = [];
    this.table.forEach((key, row) => {
      let max = 0;
      for (let k = 0; k < c; k++) {
        const v = Math.abs(this.w[row * c + k]! - this.u[row * c + k]! / this.t);
        if (v > max) max = v;
      }
      if (max > prune) {
        keep.push(key);
        rowOf.push(row);
      }
    });
    const table = new KeyTable(keep.length);
    const weights = new Float32Array(keep.length * c);
    for (let i = 0; i < keep.length; i++) {
      table.set(keep[i]!, i);
      const row = rowOf[i]!;
      for (let k = 0; k < c; k++) weights[i * c + k] = this.w[row * c + k]! - this.u[row * c + k]! / this.t;
    }
    return new LinearModel(c, table, weights);
  }

  private row(key: number): number {
    let row = this.table.get(key);
    if (row >= 0) return row;
    row = this.rows++;
    this.table.set(key, row);
    if (this.rows * this.nClasses > this.w.length) {
      const w = new Float32Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const u = new Float64Array(this.u.length * 2);
      u.set(this.u);
      this.u = u;
    }
    return row;
  }
}

/** Training shuffles with a seeded generator, so every run gives the same model. */
export { seededRandom } from '../../src/util/random';

export function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
}
