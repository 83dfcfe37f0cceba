/**
 * The run-time form of a linear model. Weights stay the int16 steps the model file stores and scores
 * are summed as int32: exact, so they do not depend on the order features are added in, which lets the
 * tagger add whole groups of features summed ahead of time. Keys and rows sit side by side in one
 * table, so a probe touches one cache line instead of two.
 */
import type { LinearModel } from './perceptron';

export class FrozenModel {
  readonly nClasses: number;
  readonly weights: Int16Array;
  /** [key, row] pairs by open addressing; key 0 is stored as 1, as KeyTable does */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /**
   * One bit per value of a key's top 21 bits, set for the keys the model has: 256 KB that stay in the
   * cache, so most probes for features the model lacks (most word pairs) end without touching `slots`.
   */
  private readonly present = new Int32Array(1 << 16);

  constructor(model: LinearModel) {
    this.nClasses = model.nClasses;
    this.weights = model.weights instanceof Int16Array ? model.weights : quantise(model.weights);
    let cap = 16;
    while (cap < model.table.size * 2) cap <<= 1;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
    model.table.forEach((key, row) => {
      let i = key & this.mask;
      while (this.slots[2 * i] !== 0) i = (i + 1) & this.mask;
      this.slots[2 * i] = key | 0;
      this.slots[2 * i + 1] = row;
      const top = (key === 0 ? 1 : key) >>> 11;
      this.present[top >>> 5]! |= 1 << (top & 31);
    });
  }

  /** Row of a feature key, or -1 when the model has no weights for it. */
  row(key: number): number {
    const k = key === 0 ? 1 : key | 0;
    const top = k >>> 11;
    if ((this.present[top >>> 5]! & (1 << (top & 31))) === 0) return -1;
    const slots = this.slots;
    let i = k & this.mask;
    for (;;) {
      const found = slots[2 * i]!;
      if (found === k) return slots[2 * i + 1]!;
      if (found === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  /** Adds the weights of a feature key into out[at, at + nClasses). */
  add(key: number, out: Int32Array, at: number): void {
    const row = this.row(key);
    if (row < 0) return;
    const c = this.nClasses;
    const w = this.weights;
    const base = row * c;
    for (let k = 0; k < c; k++) out[at + k] += w[base + k]!;
  }
}

/** Float weights to int16 steps, the way the model file stores them (for a model that was never written). */
function quantise(weights: Float32Array): Int16Array {
  let max = 0;
  for (const v of weights) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 32767 : 1;
  return Int16Array.from(weights, (v) => Math.round(v / scale));
}

/**
 * For each index below `size`, the summed weights of the feature keys `keysOf(index)` names: features
 * whose values come from a small set (previous labels, tags, gazetteer codes) are looked up once here
 * and added at run time as one vector, with no hashing or probing.
 */
export function sumTable(model: FrozenModel, size: number, keysOf: (index: number) => readonly number[]): Int32Array {
  const table = new Int32Array(size * model.nClasses);
  for (let v = 0; v < size; v++) for (const key of keysOf(v)) model.add(key, table, v * model.nClasses);
  return table;
}
