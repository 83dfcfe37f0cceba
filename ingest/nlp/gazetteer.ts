/**
 * Gazetteers: lists of names, matched over tokens (case-insensitively, starting at a capitalised token)
 * and turned into per-token codes "list L, position B/I/L/U" that the recogniser uses as features.
 * Lists are data (one name per line), so adding an organisation is an edit to a text file.
 */
import { hashString } from './hash';
import { tokenize } from './tokenize';
import { NAME_START, type WordCache } from './words';

export interface GazetteerList {
  /**
   * "<group>-<what>", e.g. "loc-countries", "org-groups". Lists of one group share their features, so
   * what the recogniser learns from names in the training data carries over to names that are not in
   * it (the Taliban, Islamic State).
   */
  name: string;
  entries: string[];
}

interface Entry {
  words: string[];
  list: number;
}

/** Per-token codes for a document: token i has codes[offsets[i] .. offsets[i + 1]) = list * 4 + part. */
export interface GazetteerCodes {
  offsets: Int32Array;
  codes: Int32Array;
}

export class Gazetteer {
  readonly names: string[];
  private byFirst = new Map<number, Entry[]>();

  constructor(lists: readonly GazetteerList[]) {
    const seen = new Set<string>();
    this.names = [...new Set(lists.map((l) => groupOf(l.name)))].sort();
    if (this.names.length > 30) throw new RangeError(`at most 30 gazetteer groups are supported, got ${this.names.length}`);
    lists.forEach((list) => {
      const index = this.names.indexOf(groupOf(list.name));
      for (const raw of list.entries) {
        const entry = raw.trim();
        if (entry === '' || entry.startsWith('#')) continue;
        const spans = tokenize(entry);
        const words: string[] = [];
        for (let k = 0; k < spans.count; k++) words.push(entry.slice(spans.starts[k], spans.ends[k]).toLowerCase());
        const id = `${index} ${words.join(' ')}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const first = hashString(words[0]!);
        let bucket = this.byFirst.get(first);
        if (!bucket) this.byFirst.set(first, (bucket = []));
        bucket.push({ words, list: index });
      }
    });
    // longest entries first, so the first match per list at a position is the longest
    for (const bucket of this.byFirst.values()) bucket.sort((a, b) => b.words.length - a.words.length || a.list - b.list);
  }

  /** Codes for tokens [from, to) of a sentence given as word ids, each given to `emit(token, code)` in the order found. */
  matchSentence(ids: Int32Array, words: WordCache, from: number, to: number, emit: (token: number, code: number) => void): void {
    const flagsOf = words.flagsOf;
    for (let i = from; i < to; i++) {
      const id = ids[i]!;
      // names start with a capital or a digit ("7-Eleven"); "us" must not match "US"
      if ((flagsOf[id]! & NAME_START) === 0) continue;
      const bucket = this.byFirst.get(words.lowerHOf[id]!);
      if (!bucket) continue;
      let doneLists = 0;
      for (const entry of bucket) {
        const bit = 1 << entry.list;
        if (doneLists & bit) continue;
        const len = entry.words.length;
        if (i + len > to) continue;
        let ok = true;
        for (let k = 0; k < len && ok; k++) ok = words.info(ids[i + k]!).lower === entry.words[k];
        if (!ok) continue;
        doneLists |= bit;
        const base = entry.list * 4;
        if (len === 1) emit(i, base + 3);
        else {
          emit(i, base);
          for (let k = 1; k < len - 1; k++) emit(i + k, base + 1);
          emit(i + len - 1, base + 2);
        }
      }
    }
  }

  /** Codes for a whole document given as word ids and its sentence bounds (token index starts, plus the token count). */
  match(ids: Int32Array, words: WordCache, sentenceStarts: Int32Array, sentenceCount: number): GazetteerCodes {
    const n = ids.length;
    // (token, code) pairs as found, then a stable counting sort by token: no array per token
    let found = new Int32Array(64);
    let count = 0;
    const emit = (token: number, code: number): void => {
      if (count * 2 === found.length) {
        const grown = new Int32Array(found.length * 2);
        grown.set(found);
        found = grown;
      }
      found[2 * count] = token;
      found[2 * count + 1] = code;
      count++;
    };
    for (let s = 0; s < sentenceCount; s++) {
      const from = sentenceStarts[s]!;
      const to = s + 1 < sentenceCount ? sentenceStarts[s + 1]! : n;
      this.matchSentence(ids, words, from, to, emit);
    }
    const offsets = new Int32Array(n + 1);
    for (let p = 0; p < count; p++) offsets[found[2 * p]! + 1]!++;
    for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
    const codes = new Int32Array(count);
    const next = offsets.slice(0, n);
    for (let p = 0; p < count; p++) codes[next[found[2 * p]!]!++] = found[2 * p + 1]!;
    return { offsets, codes };
  }
}

/** The group of a list: "loc" for "loc-countries". */
export function groupOf(name: string): string {
  const dash = name.indexOf('-');
  return dash < 0 ? name : name.slice(0, dash);
}
