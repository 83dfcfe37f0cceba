/**
 * Feature templates of the part-of-speech tagger (in the manner of Honnibal's averaged-perceptron
 * tagger): the word and its neighbours, suffixes, shape, cluster, and the two previous tags.
 */
import { key1, key2 } from './hash';
import { sumTable, type FrozenModel } from './frozen';
import type { RowMemory } from './rows';
import type { ContextScorer, FeatureTemplates, SequenceDoc } from './sequence';
import type { WordInfo } from './words';

const T_BIAS = 1;
const T_P1 = 2;
const T_P2P1 = 3;
const T_P1W = 4;
const T_TYPE = 100; // + 16 * (offset + 2) + k

/**
 * Words frequent in training and nearly always given one tag ("the", ",", "said") get it without scoring,
 * as in Honnibal's tagger: ~half the tokens of news text.
 */
export function buildTagDictionary(words: readonly string[], tags: Uint8Array, minCount = 20, minShare = 0.97): Map<string, number> {
  const counts = new Map<string, Map<number, number>>();
  words.forEach((w, i) => {
    let c = counts.get(w);
    if (!c) counts.set(w, (c = new Map()));
    c.set(tags[i]!, (c.get(tags[i]!) ?? 0) + 1);
  });
  const dictionary = new Map<string, number>();
  for (const [w, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    let total = 0;
    let bestTag = 0;
    let best = 0;
    for (const [t, n] of c) {
      total += n;
      if (n > best || (n === best && t < bestTag)) {
        best = n;
        bestTag = t;
      }
    }
    if (total >= minCount && best / total >= minShare) dictionary.set(w, bestTag);
  }
  return dictionary;
}

export class PosTemplates implements FeatureTemplates<SequenceDoc> {
  readonly window = 2;
  constructor(
    readonly nClasses: number,
    private readonly dictionary: ReadonlyMap<string, number>,
  ) {}

  fixed(doc: SequenceDoc, i: number): number {
    return this.dictionary.get(doc.infos[i]!.word) ?? -1;
  }

  fixedByWord(info: WordInfo): number {
    return this.dictionary.get(info.word) ?? -1;
  }

  typeFeatures(info: WordInfo, offset: number, out: Uint32Array, n: number): number {
    const t = T_TYPE + 16 * (offset + 2);
    out[n++] = key1(t, info.lowerH);
    if (offset === 0) {
      out[n++] = key1(t + 1, info.suffixH[0]!);
      out[n++] = key1(t + 2, info.suffixH[1]!);
      out[n++] = key1(t + 3, info.suffixH[2]!);
      out[n++] = key1(t + 4, info.prefixH[0]!);
      out[n++] = key1(t + 5, info.shapeH);
      out[n++] = key1(t + 6, info.wordH);
      out[n++] = key1(t + 7, info.clusterH[0]!);
      out[n++] = key1(t + 8, info.clusterH[1]!);
      out[n++] = key1(t + 9, info.clusterH[2]!);
      out[n++] = key1(t + 10, info.clusterH[3]!);
    } else if (offset === 1 || offset === -1) {
      out[n++] = key1(t + 1, info.suffixH[2]!);
      out[n++] = key1(t + 2, info.shortShapeH);
      out[n++] = key1(t + 3, info.clusterH[1]!);
    }
    return n;
  }

  contextFeatures(_doc: SequenceDoc, i: number, from: number, _to: number, labels: Uint8Array, out: Uint32Array, n: number): number {
    const p1 = i > from ? labels[i - 1]! : 255;
    const p2 = i > from + 1 ? labels[i - 2]! : 255;
    out[n++] = key1(T_BIAS, 0);
    out[n++] = key1(T_P1, p1);
    out[n++] = key2(T_P2P1, p2, p1);
    out[n++] = key2(T_P1W, p1, _doc.infos[i]!.lowerH);
    return n;
  }

  labelWordFeatures(info: WordInfo, prev: number, out: Uint32Array, n: number): number {
    out[n++] = key2(T_P1W, prev, info.lowerH);
    return n;
  }

  /** Bias and the two previous tags summed per (p2, p1) pair (the previous tag with the word: labelWordFeatures). */
  compile(model: FrozenModel, memory: RowMemory): ContextScorer<SequenceDoc> {
    const c = this.nClasses;
    const edge = c; // index of 255, "no tag: sentence start"
    const size = c + 1;
    const value = (v: number): number => (v === edge ? 255 : v);
    const pairs = memory.place(
      sumTable(model, size * size, (v) => {
        const p2 = value(Math.floor(v / size));
        const p1 = value(v % size);
        return [key1(T_BIAS, 0), key1(T_P1, p1), key2(T_P2P1, p2, p1)];
      }),
    );
    const rowBytes = memory.rowBytes;
    return {
      rows(_doc, i, from, _to, labels, list, m) {
        const p1 = i > from ? labels[i - 1]! : 255;
        const p2 = i > from + 1 ? labels[i - 2]! : 255;
        list[m] = pairs + ((p2 === 255 ? edge : p2) * size + (p1 === 255 ? edge : p1)) * rowBytes;
        return m + 1;
      },
    };
  }
}
