/**
 * Per word-type information computed once and cached: the hashes every feature template needs (the
 * taggers keep the partial scores each model gives the word, by its id). Most tokens of running text are
 * words seen before, so after warm-up a token costs a cache hit plus the few features that depend on
 * context (previous tags, gazetteers, part of speech, document evidence).
 */
import { fmix, hashRange, hashString } from './hash';
import { clusterOf, type Lexicon } from './lexicon';

/** Bit-string prefix lengths used as cluster features (Ratinov & Roth 2009 use 4, 6, 10, 20). */
export const CLUSTER_PREFIXES = [4, 6, 10, 20] as const;

export const enum Caps {
  none = 0,
  initial = 1,
  all = 2,
  mixed = 3,
}

export class WordInfo {
  readonly wordH: number;
  readonly lowerH: number;
  readonly shapeH: number;
  readonly shortShapeH: number;
  readonly prefixH: readonly number[];
  readonly suffixH: readonly number[];
  readonly clusterH: readonly number[];
  /** mid-sentence capitalisation in the unlabelled news, in tenths; 11 = unseen */
  readonly caseBucket: number;
  readonly caps: Caps;
  readonly hasLetter: boolean;
  /**
   * starts with a capital or a digit ("7-Eleven"): a word a name can start with. Kept here so a gazetteer
   * scan over every token reads the word's info, not its string as well
   */
  readonly nameStart: boolean;
  readonly lower: string;
  /**
   * Index in the cache that made it, from 0: run-time taggers keep what they compute per word (partial
   * scores, a fixed label) in typed arrays under this index rather than in objects hung on the word.
   */
  id: number;

  constructor(readonly word: string, lexicon: Lexicon, id = 0) {
    this.id = id;
    const lower = word.toLowerCase();
    this.lower = lower;
    this.wordH = hashString(word);
    this.lowerH = word === lower ? this.wordH : hashString(lower);
    if (!hashShapes(word)) {
      const shape = shapeOf(word);
      shapeHash = hashString(shape);
      shortShapeHash = hashString(shortShape(shape));
    }
    this.shapeH = shapeHash;
    this.shortShapeH = shortShapeHash;
    // the same values as hashing lower.slice(0, k) and lower.slice(-k), without making the strings; plain
    // arrays, which cost a fraction of a typed array to make, and new words come by the hundred thousand
    const len = lower.length;
    const first = (k: number): number => hashRange(lower, 0, Math.min(k, len));
    const last = (k: number): number => hashRange(lower, Math.max(0, len - k), len);
    this.prefixH = [first(1), first(2), first(3), first(4)];
    this.suffixH = [last(1), last(2), last(3), last(4)];
    const path = clusterOf(lexicon, word, lower);
    this.clusterH = path === undefined ? NO_CLUSTER : CLUSTER_PREFIXES.map((p) => hashRange(path, 0, Math.min(p, path.length)));
    this.caseBucket = lexicon.capitalised.get(lower) ?? 11;
    this.caps = capsOf(word, lower);
    this.hasLetter = hasLetter(word);
    const c = word.charCodeAt(0);
    this.nameStart = (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && word[0] !== lower[0]);
  }
}

/** The cluster hashes of a word the lexicon has no path for. */
const NO_CLUSTER: readonly number[] = CLUSTER_PREFIXES.map(() => 0);

/** What hashShapes found: hashString(shapeOf(word)) and hashString(shortShape(shapeOf(word))). */
let shapeHash = 0;
let shortShapeHash = 0;

/**
 * The two shape hashes without building the shapes, for words whose first twelve characters are ASCII
 * (nearly all); false for the rest, which take the string path.
 */
function hashShapes(word: string): boolean {
  const n = Math.min(word.length, 12);
  let h = 0x811c9dc5;
  let short = 0x811c9dc5;
  let previous = -1;
  for (let i = 0; i <= n; i++) {
    let code: number;
    if (i === n) {
      if (word.length <= 12) break;
      code = 43; // '+': the shape of a long word is cut and marked
    } else {
      const c = word.charCodeAt(i);
      if (c >= 128) return false;
      code = c >= 48 && c <= 57 ? 100 : c >= 65 && c <= 90 ? 88 : c >= 97 && c <= 122 ? 120 : c;
    }
    h = Math.imul(h ^ code, 0x01000193);
    if (code !== previous) short = Math.imul(short ^ code, 0x01000193);
    previous = code;
  }
  shapeHash = fmix(h);
  shortShapeHash = fmix(short);
  return true;
}

/** Whether the word has a letter: ASCII decided by code, anything else by the Unicode property. */
function hasLetter(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    } else return /\p{L}/u.test(word.slice(i));
  }
  return false;
}

function capsOf(word: string, lower: string): Caps {
  const first = word.charAt(0);
  if (first === first.toLowerCase()) return word !== lower ? Caps.mixed : Caps.none;
  if (word.length === 1) return Caps.initial;
  const rest = word.slice(1);
  if (rest === rest.toUpperCase() && hasLetter(rest)) return Caps.all;
  if (rest === rest.toLowerCase()) return Caps.initial;
  return Caps.mixed;
}

/** "Esper" -> "Xxxxx", "12,000" -> "dd,ddd"; long words are cut to keep the feature space small. */
export function shapeOf(word: string): string {
  let s = '';
  const n = Math.min(word.length, 12);
  for (let i = 0; i < n; i++) {
    const ch = word[i]!;
    if (ch >= '0' && ch <= '9') s += 'd';
    else if (ch !== ch.toLowerCase()) s += 'X';
    else if (ch !== ch.toUpperCase()) s += 'x';
    else s += ch;
  }
  return word.length > 12 ? s + '+' : s;
}

/** Collapses runs: "Xxxxx" -> "Xx", "dd,ddd" -> "d,d". */
export function shortShape(shape: string): string {
  let s = '';
  for (let i = 0; i < shape.length; i++) if (i === 0 || shape[i] !== shape[i - 1]) s += shape[i];
  return s;
}

/**
 * Word infos for one lexicon, reused across documents. Looked up by a token's place in its text, so a word
 * seen before costs a hash of its characters and a comparison, not a new string. Bounded: `trim()`, called
 * between documents, thins the cache once it holds more than `limit` words, so a long run cannot grow
 * without end (news brings new numbers and names forever). The most used half survives, because most
 * tokens of running text are the same few thousand words and the taggers' per-word scores for them are
 * the costly part to rebuild; the survivors are renumbered from 0, `generation` tells users of ids, and
 * `remap` says where each id went.
 */
/** WordCache.flagsOf: the word's Caps in the low two bits, then these. */
export const HAS_LETTER = 4;
export const NAME_START = 8;

export class WordCache {
  /** by id */
  private infos: WordInfo[] = [];
  /** by id: how often the cache handed the word out since it last trimmed (halved at each trim): what survives a trim */
  private hits = new Int32Array(1 << 10);
  /**
   * By id, what the passes over every token read of a word (its WordInfo's lowerH, caps | HAS_LETTER |
   * NAME_START, caseBucket): dense arrays stay in the processor's caches where the objects, spread over
   * the heap, do not. Replaced as the cache grows: read them again after any lookup.
   */
  lowerHOf = new Uint32Array(1 << 10);
  flagsOf = new Uint8Array(1 << 10);
  caseBucketOf = new Float64Array(1 << 10);
  /**
   * open addressing by the word's hash: id + 1 (0 for an empty slot), and beside it the hash, so a probe
   * that meets another word mostly ends without reading that word
   */
  private slots = new Int32Array(1 << 11);
  /**
   * every word's characters end to end, and by id where its own start and end: a lookup compares a token
   * with these, so finding a known word reads no object
   */
  private chars = new Uint16Array(1 << 14);
  private charsTop = 0;
  private startOf = new Int32Array(1 << 10);
  private endOf = new Int32Array(1 << 10);
  /** bumped whenever ids are reused */
  generation = 0;
  /**
   * For the last trim, the new id of each old id (-1 for a word let go): what a user of ids who is one
   * generation behind needs to keep its per-word data instead of starting again.
   */
  remap: Int32Array | undefined;
  constructor(
    readonly lexicon: Lexicon,
    readonly limit = 1 << 15,
  ) {}

  get(word: string): WordInfo {
    return this.at(word, 0, word.length);
  }

  /** The info of the word text[start, end). */
  at(text: string, start: number, end: number): WordInfo {
    const h = hashRange(text, start, end) | 0;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const length = end - start;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const slot = slots[2 * i]!;
      if (slot === 0) break;
      if (slots[2 * i + 1] !== h) continue;
      const id = slot - 1;
      const from = this.startOf[id]!;
      if (this.endOf[id]! - from === length && sameText(this.chars, from, text, start, length)) {
        this.hits[id]++;
        return this.infos[id]!;
      }
    }
    // V8 makes a slice of 13 characters or more point into the text: copied, so a kept word does not keep the whole text
    const word = (start === 0 && end === text.length) || length < 13 ? text.slice(start, end) : (' ' + text.slice(start, end)).slice(1);
    const info = new WordInfo(word, this.lexicon, this.infos.length);
    this.add(info, 1);
    return info;
  }

  /** Number of words held; every id is below it. */
  get size(): number {
    return this.infos.length;
  }

  /** The word with this id. */
  info(id: number): WordInfo {
    return this.infos[id]!;
  }

  /**
   * Once the cache holds more than `limit` words, keeps `keep` and the `limit / 2` most used words
   * (renumbered from 0, in their old order) and lets the rest go. Never call it while a document's infos
   * are in use.
   */
  trim(keep: readonly WordInfo[] = []): void {
    if (this.infos.length <= this.limit) return;
    const all = this.infos;
    const hits = this.hits;
    const survivors = new Set(keep);
    const byUse = all.slice().sort((a, b) => hits[b.id]! - hits[a.id]! || a.id - b.id);
    for (let i = 0; i < byUse.length && survivors.size < keep.length + (this.limit >> 1); i++) survivors.add(byUse[i]!);
    const remap = new Int32Array(all.length).fill(-1);
    this.infos = [];
    this.hits = new Int32Array(hits.length);
    this.slots.fill(0);
    this.charsTop = 0;
    for (const info of all) {
      if (!survivors.has(info)) continue;
      const old = info.id;
      remap[old] = this.infos.length;
      info.id = this.infos.length;
      this.add(info, hits[old]! >> 1);
    }
    this.remap = remap;
    this.generation++;
  }

  /** Gives info the next id and a slot (growing the table to keep it at most half full). */
  private add(info: WordInfo, hits: number): void {
    this.infos.push(info);
    const id = info.id;
    if (id >= this.hits.length) {
      const length = this.hits.length * 2;
      this.hits = grown(this.hits, new Int32Array(length));
      this.lowerHOf = grown(this.lowerHOf, new Uint32Array(length));
      this.flagsOf = grown(this.flagsOf, new Uint8Array(length));
      this.caseBucketOf = grown(this.caseBucketOf, new Float64Array(length));
      this.startOf = grown(this.startOf, new Int32Array(length));
      this.endOf = grown(this.endOf, new Int32Array(length));
    }
    const word = info.word;
    if (this.charsTop + word.length > this.chars.length) {
      this.chars = grown(this.chars, new Uint16Array(Math.max(this.chars.length * 2, this.charsTop + word.length)));
    }
    this.startOf[id] = this.charsTop;
    for (let k = 0; k < word.length; k++) this.chars[this.charsTop++] = word.charCodeAt(k);
    this.endOf[id] = this.charsTop;
    this.hits[id] = hits;
    this.lowerHOf[id] = info.lowerH;
    this.flagsOf[id] = info.caps | (info.hasLetter ? HAS_LETTER : 0) | (info.nameStart ? NAME_START : 0);
    this.caseBucketOf[id] = info.caseBucket;
    if (this.infos.length * 2 > this.slots.length >> 1) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let id = 0; id < this.infos.length; id++) this.place(this.infos[id]!.wordH | 0, id);
    } else this.place(info.wordH | 0, info.id);
  }

  private place(h: number, id: number): void {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let i = h & mask;
    while (slots[2 * i] !== 0) i = (i + 1) & mask;
    slots[2 * i] = id + 1;
    slots[2 * i + 1] = h;
  }
}

function grown<T extends Int32Array | Uint32Array | Uint8Array | Uint16Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Whether text[start, start + length) has the characters chars[from, from + length). */
function sameText(chars: Uint16Array, from: number, text: string, start: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (chars[from + k] !== text.charCodeAt(start + k)) return false;
  return true;
}
