/**
 * One tagger's rows of class scores in WebAssembly memory, added up and compared four classes at a time
 * (rowsum.wat). A row holds one int32 per class, padded with zeros to a multiple of four. What a
 * tagger needs at a fixed place (its scores, the list of rows to add, label masks, summed tables, the
 * model's weights) is allocated first; the per-word rows, which grow with the words seen, come last.
 * Growing the memory replaces its buffer, so views are taken from `i32` after any `reserve`.
 */
import type { FrozenModel } from './frozen';
import { ROWSUM_WASM } from './rowsum-wasm';

const PAGE = 65536;

interface RowsumExports {
  sum(out: number, list: number, m: number, groups: number): void;
  pick(scores: number, groups: number, mask: number): number;
  best(scores: number, list: number, m: number, groups: number, mask: number): number;
}

let compiled: WebAssembly.Module | undefined;

export class RowMemory {
  readonly nClasses: number;
  /** four-class blocks per row */
  readonly groups: number;
  /** bytes per row */
  readonly rowBytes: number;
  /** the whole memory as int32 (a new view after the memory grows) */
  i32: Int32Array;
  private readonly memory: WebAssembly.Memory;
  private readonly kernels: RowsumExports;
  private top = 0;
  /** byte offset of the model's row 0 (see placeWeights), or -1 */
  private weightsAt = -1;
  private model: FrozenModel | undefined;

  constructor(nClasses: number) {
    this.nClasses = nClasses;
    this.groups = Math.ceil(nClasses / 4);
    this.rowBytes = this.groups * 16;
    this.memory = new WebAssembly.Memory({ initial: 1 });
    compiled ??= new WebAssembly.Module(Buffer.from(ROWSUM_WASM, 'base64'));
    const instance = new WebAssembly.Instance(compiled, { env: { memory: this.memory } });
    this.kernels = instance.exports as unknown as RowsumExports;
    this.i32 = new Int32Array(this.memory.buffer);
  }

  /** Reserves `bytes` (16-byte aligned) and returns their byte offset; zeroed. */
  alloc(bytes: number): number {
    const at = this.top;
    this.top = at + Math.ceil(bytes / 16) * 16;
    this.reserve(this.top);
    return at;
  }

  /** Makes the memory at least `bytes` long. Returns whether it grew (views must then be taken again). */
  reserve(bytes: number): boolean {
    const have = this.memory.buffer.byteLength;
    if (bytes <= have) return false;
    // at least double, so a growing region is copied a logarithmic number of times
    const pages = Math.max(Math.ceil((bytes - have) / PAGE), have / PAGE);
    this.memory.grow(pages);
    this.i32 = new Int32Array(this.memory.buffer);
    return true;
  }

  /** Where unallocated memory starts: a region that grows (the word rows) begins here and is never followed. */
  get end(): number {
    return this.top;
  }

  /** Copies a table of rows of nClasses int32 (padded) into the memory; the byte offset of its row 0. */
  place(table: Int32Array): number {
    const c = this.nClasses;
    const rows = table.length / c;
    const at = this.alloc(rows * this.rowBytes);
    const i32 = this.i32;
    const stride = this.rowBytes >> 2;
    for (let r = 0; r < rows; r++) i32.set(table.subarray(r * c, (r + 1) * c), (at >> 2) + r * stride);
    return at;
  }

  /** Copies a model's weights in; `weightRow` then finds the row of a feature key. */
  placeWeights(model: FrozenModel): void {
    if (model.nClasses !== this.nClasses) throw new Error(`a model of ${model.nClasses} classes in rows of ${this.nClasses}`);
    const c = this.nClasses;
    const rows = model.weights.length / c;
    const at = this.alloc(rows * this.rowBytes);
    const i32 = this.i32;
    const w = model.weights;
    const stride = this.rowBytes >> 2;
    for (let r = 0; r < rows; r++) {
      const to = (at >> 2) + r * stride;
      for (let k = 0; k < c; k++) i32[to + k] = w[r * c + k]!;
    }
    this.weightsAt = at;
    this.model = model;
  }

  /** Byte offset of the weights of a feature key, or -1 when the model has none. */
  weightRow(key: number): number {
    const row = this.model!.row(key);
    return row < 0 ? -1 : this.weightsAt + row * this.rowBytes;
  }

  /** out = the sum of the rows at the byte offsets list[0 .. m) (list and out are byte offsets too) */
  sum(out: number, list: number, m: number): void {
    this.kernels.sum(out, list, m, this.groups);
  }

  /** The first class with the highest score at `scores` among those the mask row allows (0 when none). */
  pick(scores: number, mask: number): number {
    return this.kernels.pick(scores, this.groups, mask);
  }

  /** sum into `scores`, then pick. */
  best(scores: number, list: number, m: number, mask: number): number {
    return this.kernels.best(scores, list, m, this.groups, mask);
  }
}
