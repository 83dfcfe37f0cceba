/**
 * Integer hashing for features. Features are never strings at run time: each token's strings are hashed
 * once, and a feature key is a mix of a template number and those hashes. That keeps the inner loop free
 * of string building, which is what makes hundreds of thousands of tokens a second possible.
 */

/** FNV-1a over UTF-16 code units, finished with a murmur mix so nearby strings spread out. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** Hash of s[from, to) without slicing it out. */
export function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** Murmur3's 32-bit finaliser. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Key of a feature made of a template number and one value hash. */
export function key1(template: number, a: number): number {
  return fmix(Math.imul(template + 1, 0x9e3779b1) ^ a);
}

/** Key of a feature made of a template number and two value hashes. */
export function key2(template: number, a: number, b: number): number {
  return fmix(Math.imul(key1(template, a), 0x85ebca6b) ^ b);
}

/**
 * Open-addressing map from non-zero uint32 keys to int32 values, in typed arrays: faster than a Map for
 * the hundreds of thousands of feature keys a model holds, and it serialises as two arrays.
 */
export class KeyTable {
  keys: Uint32Array;
  values: Int32Array;
  size = 0;
  private mask: number;

  constructor(capacity = 1 << 16) {
    let cap = 16;
    while (cap < capacity * 2) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** Rebuilds a table from parallel key and value arrays (as written by a model file). */
  static from(keys: Uint32Array, values: Int32Array): KeyTable {
    const table = new KeyTable(keys.length);
    for (let i = 0; i < keys.length; i++) table.set(keys[i]!, values[i]!);
    return table;
  }

  get(key: number): number {
    const k = key === 0 ? 1 : key;
    let i = k & this.mask;
    for (;;) {
      const found = this.keys[i]!;
      if (found === k) return this.values[i]!;
      if (found === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const k = key === 0 ? 1 : key;
    let i = k & this.mask;
    for (;;) {
      const found = this.keys[i]!;
      if (found === k) {
        this.values[i] = value;
        return;
      }
      if (found === 0) {
        this.keys[i] = k;
        this.values[i] = value;
        this.size++;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Calls fn for every entry, in slot order (deterministic for a given insertion history). */
  forEach(fn: (key: number, value: number) => void): void {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0) fn(this.keys[i]!, this.values[i]!);
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.values = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== 0) this.set(oldKeys[i]!, oldValues[i]!);
  }
}
