/**
 * Per word-type information computed once and cached: the hashes every feature template needs, and the
 * partial scores each model gives to this word at each window offset. Most tokens of running text are
 * words seen before, so after warm-up a token costs a cache hit plus the few features that depend on
 * context (previous tags, gazetteers, part of speech, document evidence).
 */
import { hashString } from './hash';
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
  readonly prefixH: Uint32Array;
  readonly suffixH: Uint32Array;
  readonly clusterH: Uint32Array;
  /** mid-sentence capitalisation in the unlabelled news, in tenths; 11 = unseen */
  readonly caseBucket: number;
  readonly caps: Caps;
  readonly hasLetter: boolean;
  readonly lower: string;
  /** partial scores per model slot: nClasses * window-size floats */
  readonly scores: (Float32Array | undefined)[] = [];

  constructor(readonly word: string, lexicon: Lexicon) {
    const lower = word.toLowerCase();
    this.lower = lower;
    this.wordH = hashString(word);
    this.lowerH = hashString(lower);
    const shape = shapeOf(word);
    this.shapeH = hashString(shape);
    this.shortShapeH = hashString(shortShape(shape));
    this.prefixH = new Uint32Array(4);
    this.suffixH = new Uint32Array(4);
    for (let k = 1; k <= 4; k++) {
      this.prefixH[k - 1] = hashString(lower.slice(0, k));
      this.suffixH[k - 1] = hashString(lower.slice(-k));
    }
    this.clusterH = new Uint32Array(CLUSTER_PREFIXES.length);
    const path = clusterOf(lexicon, word, lower);
    for (let k = 0; k < CLUSTER_PREFIXES.length; k++) {
      this.clusterH[k] = path === undefined ? 0 : hashString(path.slice(0, CLUSTER_PREFIXES[k]));
    }
    this.caseBucket = lexicon.capitalised.get(lower) ?? 11;
    this.caps = capsOf(word);
    this.hasLetter = /\p{L}/u.test(word);
  }
}

function capsOf(word: string): Caps {
  const first = word.charAt(0);
  const rest = word.slice(1);
  const firstUpper = first !== first.toLowerCase();
  if (!firstUpper) return word !== word.toLowerCase() ? Caps.mixed : Caps.none;
  if (rest === rest.toUpperCase() && /\p{L}/u.test(rest)) return Caps.all;
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

/** Word infos for one lexicon, reused across documents and bounded so a long run cannot grow without end. */
export class WordCache {
  private map = new Map<string, WordInfo>();
  constructor(
    readonly lexicon: Lexicon,
    private readonly limit = 200_000,
  ) {}

  get(word: string): WordInfo {
    let info = this.map.get(word);
    if (info === undefined) {
      if (this.map.size >= this.limit) this.map.clear();
      info = new WordInfo(word, this.lexicon);
      this.map.set(word, info);
    }
    return info;
  }

  /** Drops cached partial scores (needed when a model in a slot changes, as during training). */
  clearScores(): void {
    for (const info of this.map.values()) info.scores.length = 0;
  }
}
